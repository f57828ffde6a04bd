import { qualifiedName as col, quoteIdent as id } from '@tessera/query';
import type { CompileState } from './compile-state';
import { aggregateSql } from './measure-sql';
import type { DimensionPlan, MeasurePlan } from './report-plan';

export function topCteName(d: DimensionPlan): string {
  return `top_${d.index}`;
}
export function otherFlag(d: DimensionPlan): string {
  return `${d.alias}_other`;
}

/**
 * The n non-empty values of a dimension with the largest ranking measure, ranked by a window function
 * (ties broken by the value, so the choice is deterministic).
 */
export function topCteSql(d: DimensionPlan, rank: MeasurePlan, state: CompileState, rankFilter?: string): string {
  const n = d.topN?.n ?? 0;
  const value = col('s', d.alias);
  const rankExpr = aggregateSql(rank, 's', rankFilter);
  return (
    `${id(topCteName(d))} AS (SELECT ${col('r', 'v')}, true AS ${id('hit')} FROM (SELECT ${value} AS ${id('v')}, ` +
    `row_number() OVER (ORDER BY ${rankExpr} DESC NULLS LAST, ${value} ASC) AS ${id('rn')} ` +
    `FROM ${id('src')} AS ${id('s')} WHERE ${value} IS NOT NULL GROUP BY ${value}) AS ${id('r')} ` +
    `WHERE ${col('r', 'rn')} <= ${state.value(n, 'int')})`
  );
}

/**
 * The `keyed` layer: each top-N dimension keeps its value when among the top n, else is folded into "other"
 * (value NULL, `d<i>_other` true). Empty values stay their own group. Without `other`, the rows outside the
 * top n are dropped.
 */
export function keyedCteSql(dims: DimensionPlan[], passThrough: string[]): string {
  const cols: string[] = [];
  const joins: string[] = [];
  const where: string[] = [];
  for (const d of dims) {
    const value = col('s', d.alias);
    if (!d.topN) {
      cols.push(value);
      continue;
    }
    const t = `t${d.index}`;
    const hit = col(t, 'hit');
    cols.push(`CASE WHEN ${value} IS NULL THEN NULL WHEN ${hit} THEN ${value} END AS ${id(d.alias)}`);
    cols.push(`(${value} IS NOT NULL AND ${hit} IS NULL) AS ${id(otherFlag(d))}`);
    joins.push(`LEFT JOIN ${id(topCteName(d))} AS ${id(t)} ON ${col(t, 'v')} = ${value}`);
    if (!d.topN.other) where.push(`(${hit} OR ${value} IS NULL)`);
  }
  cols.push(...passThrough.map((c) => col('s', c)));
  const whereText = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  return (
    `${id('keyed')} AS NOT MATERIALIZED (SELECT ${cols.join(', ')} FROM ${id('src')} AS ${id('s')} ` +
    `${joins.join(' ')}${whereText})`
  );
}
