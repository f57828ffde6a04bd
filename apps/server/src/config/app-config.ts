import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host: string;
  /** An external PostgreSQL (15+); when absent the embedded one under DATA_DIR/pg is used. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  logLevel: LogLevel;
  /** Password of the demo admin on first start; generated and printed when absent. */
  initialAdminPassword?: string;
  /** Directory of the built web app served at `/`. */
  webDistDir: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /** Largest accepted file upload in bytes (FILES_MAX_BYTES); absent means {@link DEFAULT_FILES_MAX_BYTES}. */
  filesMaxBytes?: number;
}

export const DEFAULT_FILES_MAX_BYTES = 20 * 1024 * 1024;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function parsePort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535)
    throw new ConfigError('PORT', `expected an integer 1–65535, got ${JSON.stringify(raw)}`);
  return port;
}

function parseDatabaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `expected the postgres:// scheme, got ${url.protocol}`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'names no database');
  return raw;
}

function parseLogLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);
  return raw as LogLevel;
}

function parsePositiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new ConfigError(name, `expected a positive integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Secrets generated once and kept under DATA_DIR, so restarts keep sessions and the database role password. */
export interface PersistedSecrets {
  jwtSecret: string;
  databasePassword: string;
  appRolePassword: string;
}

export function loadOrCreateSecrets(dataDir: string): PersistedSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isPersistedSecrets(parsed)) return parsed;
  }
  const secrets: PersistedSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    databasePassword: randomBytes(24).toString('base64url'),
    appRolePassword: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function isPersistedSecrets(value: unknown): value is PersistedSecrets {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.jwtSecret === 'string' && typeof v.databasePassword === 'string' && typeof v.appRolePassword === 'string'
  );
}

/** Reads and validates the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(
  env: Env = process.env,
  cwd = process.cwd(),
): { config: AppConfig; secrets: PersistedSecrets } {
  const port = parsePort(env);
  const databaseUrl = parseDatabaseUrl(env);
  const logLevel = parseLogLevel(env);
  const rawDataDir = env.DATA_DIR?.trim() || 'data';
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError('DATA_DIR', `cannot create ${dataDir}: ${(error as Error).message}`);
  }
  const secrets = loadOrCreateSecrets(dataDir);
  const jwtSecret = env.JWT_SECRET ?? secrets.jwtSecret;
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const initialAdminPassword = env.TESSERA_ADMIN_PASSWORD;
  if (initialAdminPassword !== undefined && initialAdminPassword.length < 8) {
    throw new ConfigError('TESSERA_ADMIN_PASSWORD', 'must be at least 8 characters');
  }
  return {
    config: {
      port,
      host: env.HOST ?? '0.0.0.0',
      databaseUrl,
      dataDir,
      jwtSecret,
      logLevel,
      initialAdminPassword,
      webDistDir: env.WEB_DIST_DIR ?? resolve(__dirname, '../../../web/dist'),
      accessTokenSeconds: parsePositiveInt(env, 'ACCESS_TOKEN_SECONDS', 900),
      refreshTokenDays: parsePositiveInt(env, 'REFRESH_TOKEN_DAYS', 30),
      filesMaxBytes: parsePositiveInt(env, 'FILES_MAX_BYTES', DEFAULT_FILES_MAX_BYTES),
    },
    secrets,
  };
}
