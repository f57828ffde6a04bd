import { types } from 'pg';

let installed = false;

/**
 * How record values come out of PostgreSQL: numeric as JS numbers (amounts are numeric(18,2): exact in a
 * double), bigint counts as numbers, dates as 'YYYY-MM-DD' strings (a JS Date would shift them by the server's
 * time zone; the condition language compares dates as strings). Installed once per process.
 */
export function installPgTypeParsers(): void {
  if (installed) return;
  installed = true;
  const NUMERIC = 1700;
  const INT8 = 20;
  const DATE = 1082;
  const NUMERIC_ARRAY = 1231;
  types.setTypeParser(NUMERIC, (value) => Number(value));
  types.setTypeParser(INT8, (value) => Number(value));
  types.setTypeParser(DATE, (value) => value);
  // numeric[] (lookups of numbers over multi relations): '{1.5,NULL,2}'
  types.setTypeParser(NUMERIC_ARRAY as unknown as Parameters<typeof types.setTypeParser>[0], (value: string) =>
    value === '{}'
      ? []
      : value
          .slice(1, -1)
          .split(',')
          .map((item) => (item === 'NULL' ? null : Number(item))),
  );
}
