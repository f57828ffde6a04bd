import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface BootstrappedDatabase {
  /** Owner connection (migrations, DDL of the metadata tables). */
  ownerUrl: string;
  /** What the application uses: a non-superuser role that row-level security applies to. */
  appUrl: string;
  appRole: string | null;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The embedded server starts with only the `postgres` database; Tessera keeps its data in `tessera`. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      const { rows } = await client.query<{ sql: string }>(`SELECT format('CREATE DATABASE %I', $1::text) AS sql`, [
        database,
      ]);
      await client.query(rows[0].sql);
    }
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, database);
}

export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    logging: false,
  });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** `<database>_app`, cut to a valid role name: one role per database, so several databases can share a server. */
export function appRoleName(database: string): string {
  return `${database.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_app`.slice(-63);
}

/**
 * Creates (or updates the password of) the application's login role: no superuser, no BYPASSRLS, so the
 * row-level security policies apply to every query it makes; it may create schemas (one per tenant for records).
 * Returns null when the owner may not create roles (an external server with a restricted user): the app then
 * uses the owner's connection and relies on its own tenant filtering.
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<string | null> {
  const database = databaseName(ownerUrl);
  const role = appRoleName(database);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount;
    const statement = exists
      ? `SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD %L', $1::text, $2::text) AS sql`
      : `SELECT format('CREATE ROLE %I WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) AS sql`;
    const { rows } = await client.query<{ sql: string }>(statement, [role, password]);
    try {
      await client.query(rows[0].sql);
    } catch (error) {
      if ((error as { code?: string }).code === '42501') return null; // insufficient_privilege
      throw error;
    }
    const grants = await client.query<{ sql: string }>(
      `SELECT unnest(ARRAY[
         format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO %I', $1::text, $2::text),
         format('GRANT USAGE ON SCHEMA public TO %I', $2::text),
         format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', $2::text),
         format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', $2::text),
         format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', $2::text)
       ]) AS sql`,
      [database, role],
    );
    for (const { sql } of grants.rows) await client.query(sql);
    return role;
  } finally {
    await client.end();
  }
}

/** PostgreSQL 17 added the built-in `pg_c_utf8` collation the condition language needs for exact case-insensitive matching. */
export const MINIMUM_POSTGRES_VERSION = 170000;

export class UnsupportedPostgresError extends Error {
  constructor(version: string) {
    super(`Tessera needs PostgreSQL 17 or newer; the server at DATABASE_URL runs ${version}`);
    this.name = 'UnsupportedPostgresError';
  }
}

export async function assertSupportedPostgres(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; version: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`,
    );
    if (Number(rows[0].num) < MINIMUM_POSTGRES_VERSION) throw new UnsupportedPostgresError(rows[0].version);
  } finally {
    await client.end();
  }
}

export async function bootstrapDatabase(
  ownerUrl: string,
  appRolePassword: string,
): Promise<BootstrappedDatabase & { migrationsRun: string[] }> {
  await assertSupportedPostgres(ownerUrl);
  const migrationsRun = await runMigrations(ownerUrl);
  const appRole = await ensureAppRole(ownerUrl, appRolePassword);
  return {
    ownerUrl,
    appUrl: appRole ? withUser(ownerUrl, appRole, appRolePassword) : ownerUrl,
    appRole,
    migrationsRun,
  };
}
