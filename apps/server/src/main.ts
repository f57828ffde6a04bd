import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createAppLogger } from './common/logging/app-logger';
import { ConfigError, loadConfig } from './config/app-config';
import { acquireDataDirLock, DataDirLockedError } from './config/data-dir-lock';
import { createApp } from './create-app';
import { bootstrapDatabase, ensureDatabase, UnsupportedPostgresError } from './db/database-bootstrap';
import { EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded-postgres-runtime';
import { FlowWorker } from './flows/flows.module';
import { seedDemoTenant } from './seed/demo-tenant-seed';
import { installDemoCrm } from './templates/demo-crm';

function once<T>(work: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => (running ??= work());
}

async function main(): Promise<void> {
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { config, secrets } = loaded;
  const logger = createAppLogger(config.logLevel);
  // Filled in as the boot proceeds; the shutdown path stops whatever exists.
  const running: { app?: INestApplication; embedded?: EmbeddedDatabase } = {};

  // Stop accepting and finish in-flight requests, then close pools and workers, then stop PostgreSQL.
  const closeApp = once(async () => {
    await running.app?.close();
  });
  const shutdown = once(async () => {
    logger.info('shutting down');
    await closeApp();
    await running.embedded?.stop();
    logger.info('stopped');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }

  let ownerUrl: string;
  if (config.databaseUrl) {
    ownerUrl = config.databaseUrl;
  } else {
    const lock = acquireDataDirLock(config.dataDir);
    process.on('exit', () => lock.release());
    const started = Date.now();
    running.embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      password: secrets.databasePassword,
      log: (line) => logger.debug({ component: 'postgres' }, line),
      beforeStop: closeApp,
    });
    logger.info({ dir: join(config.dataDir, 'pg'), ms: Date.now() - started }, 'embedded PostgreSQL started');
    ownerUrl = await ensureDatabase(running.embedded.adminUrl, 'tessera');
  }

  const database = await bootstrapDatabase(ownerUrl, secrets.appRolePassword);
  if (database.migrationsRun.length) logger.info({ migrations: database.migrationsRun }, 'migrations applied');
  if (!database.appRole)
    logger.warn('the database user may not create roles: running without a separate row-level-security role');
  const seed = await seedDemoTenant(ownerUrl, config.initialAdminPassword);
  if (seed.adminPassword) {
    writeFileSync(join(config.dataDir, 'initial-admin.txt'), `${seed.adminEmail}\n${seed.adminPassword}\n`, {
      mode: 0o600,
    });
  }

  running.app = await createApp(config, database.appUrl, logger, { serveWeb: true });
  await running.app.get(FlowWorker).start({ ownerUrl });
  if (seed.created) await installDemoCrm(running.app, logger, seed);
  await running.app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  const login = seed.adminPassword
    ? `${seed.adminEmail} / ${seed.adminPassword}`
    : `${seed.adminEmail} (first password in ${join(config.dataDir, 'initial-admin.txt')})`;
  process.stdout.write(`\n  Tessera is running at ${url}\n  Sign in as ${login}\n  API docs: ${url}/api/docs\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError || error instanceof UnsupportedPostgresError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
