/** Tunables of report execution, read once from the environment when the module starts. */
export interface ReportSettings {
  /** statement_timeout of one report query (REPORT_TIMEOUT_MS, default 10 s). */
  timeoutMs: number;
  /** The in-process result cache (REPORT_CACHE=off disables it). */
  cacheEnabled: boolean;
  /** How long a cached result may be served at most, whatever the change markers say. */
  cacheTtlMs: number;
  cacheMaxEntries: number;
}

export const REPORT_SETTINGS = Symbol('REPORT_SETTINGS');

const DEFAULT_TIMEOUT_MS = 10_000;

export function reportSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ReportSettings {
  const raw = Number(env.REPORT_TIMEOUT_MS);
  // a typo in the environment must not switch the limit off (0 = no timeout in PostgreSQL)
  const timeoutMs = Number.isInteger(raw) && raw > 0 ? raw : DEFAULT_TIMEOUT_MS;
  return {
    timeoutMs,
    cacheEnabled: env.REPORT_CACHE !== 'off',
    cacheTtlMs: 60_000,
    cacheMaxEntries: 500,
  };
}
