import { qualifiedName } from '@tessera/query';
import type { CompileState } from './compile-state';
import type { MeasurePlan } from './report-plan';

const FUNCTIONS = { sum: 'sum', avg: 'avg', min: 'min', max: 'max' } as const;

/** The aggregate of a measure over the rows of `alias`, optionally restricted by a FILTER clause. */
export function aggregateSql(m: MeasurePlan, alias: string, filter?: string): string {
  const arg = m.input ? qualifiedName(alias, m.input) : undefined;
  let expr: string;
  if (m.aggregate === 'count') expr = arg ? `count(${arg})` : 'count(*)';
  else if (m.aggregate === 'count_distinct') expr = `count(DISTINCT ${arg})`;
  else expr = `${FUNCTIONS[m.aggregate]}(${arg})`;
  return filter ? `${expr} FILTER (WHERE ${filter})` : expr;
}

/** An aggregated value as returned: numbers as float8 (JS numbers), dates as 'YYYY-MM-DD'. */
export function measureOutputSql(m: MeasurePlan, expr: string, state: CompileState): string {
  if (m.numeric) return `(${expr})::float8`;
  if (m.date) return `to_char(${expr}, ${state.value('YYYY-MM-DD', 'text')})`;
  return expr;
}
