import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A fresh, empty PostgreSQL database for one test file, created on the test server. */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export function testAdminUrl(): string {
  const url = process.env.TESSERA_TEST_ADMIN_URL;
  if (!url)
    throw new Error('TESSERA_TEST_ADMIN_URL is not set: run the tests through Jest (globalSetup starts PostgreSQL)');
  return url;
}

export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const admin = new URL(testAdminUrl());
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
