import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppLogger } from '../../server/src/common/logging/app-logger';
import type { AppConfig } from '../../server/src/config/app-config';
import { createApp } from '../../server/src/create-app';
import { bootstrapDatabase, ensureDatabase } from '../../server/src/db/database-bootstrap';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded-postgres-runtime';
import { FlowWorker } from '../../server/src/flows/flows.module';
import { seedDemoTenant } from '../../server/src/seed/demo-tenant-seed';

export const BENCH_PASSWORD = 'bench-Passw0rd!';

export interface BenchServer {
  baseUrl: string;
  ownerUrl: string;
  appUrl: string;
  token: string;
  /** The Nest application (to reach services, e.g. the flow worker or FlowTimers). */
  app: Awaited<ReturnType<typeof createApp>>;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** Start the flow worker (graphile-worker timers/deliveries + record outbox poll) as main.ts does. Default off. */
  withFlowWorker?: boolean;
  /** graphile-worker concurrency when the flow worker runs (main.ts default: 4). */
  flowWorkerConcurrency?: number;
}

/**
 * The real server on a throwaway embedded PostgreSQL (or DATABASE_URL), listening on a free port: benchmarks
 * measure the product as it runs, over HTTP.
 */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  chmodSync(dataDir, 0o755);
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl: string;
  if (process.env.DATABASE_URL) {
    ownerUrl = process.env.DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir,
      password: 'bench',
      log: () => undefined,
      beforeStop: async () => undefined,
    });
    ownerUrl = await ensureDatabase(embedded.adminUrl, 'tessera_bench');
  }
  const database = await bootstrapDatabase(ownerUrl, 'bench-app-role');
  await seedDemoTenant(ownerUrl, BENCH_PASSWORD);
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    jwtSecret: 'bench-secret-bench-secret-bench-secret-!!',
    logLevel: 'silent',
    webDistDir: join(dataDir, 'no-web'),
    accessTokenSeconds: 3600,
    refreshTokenDays: 1,
  };
  const app = await createApp(config, database.appUrl, createAppLogger('silent'));
  if (options.withFlowWorker) await app.get(FlowWorker).start({ ownerUrl, concurrency: options.flowWorkerConcurrency });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@tessera.local', password: BENCH_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return {
    baseUrl,
    ownerUrl,
    appUrl: database.appUrl,
    token: accessToken,
    app,
    async stop() {
      await app.close();
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JSON call to the API; throws with the problem body on a non-2xx answer. */
export async function api<T>(server: BenchServer, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
