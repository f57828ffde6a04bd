import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createAppLogger } from '../src/common/logging/app-logger';
import type { AppConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { FlowWorker } from '../src/flows/flows.module';
import { bootstrapDatabase, BootstrappedDatabase } from '../src/db/database-bootstrap';
import { seedDemoTenant } from '../src/seed/demo-tenant-seed';
import { createTestDatabase, TestDatabase } from '../../../test/test-database';

export const TEST_ADMIN_PASSWORD = 'admin-Passw0rd!';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  database: TestDatabase;
  urls: BootstrappedDatabase;
  config: AppConfig;
  /** Signs in and returns the bearer header value. */
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real server on a fresh PostgreSQL database: migrations, app role, demo tenant, HTTP app. */
export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase('srv');
  const urls = await bootstrapDatabase(database.url, 'app-role-test-password');
  await seedDemoTenant(database.url, TEST_ADMIN_PASSWORD);
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'tessera-srv-')),
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
    logLevel: 'silent',
    webDistDir: join(tmpdir(), 'no-web-build'),
    accessTokenSeconds: 900,
    refreshTokenDays: 30,
  };
  const app = await createApp(config, urls.appUrl, createAppLogger('silent'));
  await app.get(FlowWorker).start({ ownerUrl: urls.ownerUrl });
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    database,
    urls,
    config,
    async login(email = 'admin@tessera.local', password = TEST_ADMIN_PASSWORD) {
      const response = await http.post('/api/v1/auth/login').send({ email, password }).expect(200);
      return `Bearer ${response.body.accessToken as string}`;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
