import { qualifiedName as col, quoteIdent as id } from '@tessera/query';
import type { ReportDefinition } from '@tessera/schema';
import type { CompileState } from './compile-state';
import { dimensionOutputSql, dimensionSourceSql } from './dimension-sql';
import { ReportDefinitionError } from './errors';
import { aggregateSql, measureOutputSql } from './measure-sql';
import { orderBySql } from './order-sql';
import { groupKey, pivotGroupBySql, preAggregatedPivot, totalFlag } from './pivot-sql';
import type { RecordRelation } from './record-relation';
import type { MeasurePlan, ReportPlan } from './report-plan';
import { keyedCteSql, otherFlag, topCteSql } from './top-n-sql';

/** The boolean SQL of the current and previous period (compare to previous period). */
export interface CompareSql {
  current: string;
  previous: string;
}

export interface AggregateParts {
  report: ReportDefinition;
  plan: ReportPlan;
  rel: RecordRelation;
  /** The WHERE clause over `rec` (live records, filters, dashboard filters, data scope). */
  where: string;
  compare?: CompareSql;
  /** The `tgt` CTE (targets vs actuals). */
  targetCte?: string;
}

const CUR = '__cur';
const PREV = '__prev';

/**
 * The aggregate query, in layers the planner flattens: `src` (one row per record: dimension values and
 * measured fields), `keyed` (top N folded into "other"), the grouped aggregate `a`, then the output with
 * window functions (percent of total, running total), target join, ORDER BY and LIMIT.
 */
export function compileAggregate(parts: AggregateParts, state: CompileState): string {
  const { report, plan, rel, compare, targetCte } = parts;
  const { dims, measures } = plan;
  const pivot = report.pivot;
  if (pivot && (compare || targetCte))
    throw new ReportDefinitionError('A pivot table cannot compare periods or show targets', 'pivot');

  // src
  const srcCols = [
    ...dims.map((d) => `${dimensionSourceSql(d.field, d.bucket, state)} AS ${id(d.alias)}`),
    ...measures.flatMap((m) => (m.field && m.input ? [`${m.field.sql} AS ${id(m.input)}`] : [])),
  ];
  let where = parts.where;
  if (compare) {
    srcCols.push(`(${compare.current}) AS ${id(CUR)}`, `(${compare.previous}) AS ${id(PREV)}`);
    where += ` AND ((${compare.current}) OR (${compare.previous}))`;
  }
  if (srcCols.length === 0) srcCols.push(`1 AS ${id('__one')}`);
  const ctes = [`${id('src')} AS NOT MATERIALIZED (SELECT ${srcCols.join(', ')} FROM ${rel.fromSql()} WHERE ${where})`];

  // top N → keyed
  const topDims = dims.filter((d) => d.topN);
  const curFilter = (alias: string): string | undefined => (compare ? col(alias, CUR) : undefined);
  for (const d of topDims) ctes.push(topCteSql(d, measures[0], state, curFilter('s')));
  const passThrough = [...measures.flatMap((m) => (m.input ? [m.input] : [])), ...(compare ? [CUR, PREV] : [])];
  if (topDims.length) ctes.push(keyedCteSql(dims, passThrough));
  const from = topDims.length ? id('keyed') : id('src');
  if (targetCte) ctes.push(targetCte);

  // a: the grouped aggregate
  const k = 'k';
  const aggCols: string[] = [];
  for (const d of dims) {
    aggCols.push(...groupKey(d, k));
    if (pivot) aggCols.push(`(GROUPING(${col(k, d.alias)}) = 1) AS ${id(totalFlag(d))}`);
  }
  const preAggregated = preAggregatedPivot(pivot, dims, measures, from, k);
  for (const m of measures) {
    aggCols.push(`${preAggregated ? preAggregated.aggregate(m) : aggregateSql(m, k, curFilter(k))} AS ${id(m.as)}`);
    if (compare) aggCols.push(`${aggregateSql(m, k, col(k, PREV))} AS ${id(`${m.as}_prev`)}`);
  }
  const groupBy = pivot
    ? pivotGroupBySql(pivot, dims, k)
    : dims.length
      ? ` GROUP BY ${dims.flatMap((d) => groupKey(d, k)).join(', ')}`
      : '';
  const aggFrom = preAggregated?.from ?? from;
  const agg = `(SELECT ${aggCols.join(', ')} FROM ${aggFrom} AS ${id(k)}${groupBy}) AS ${id('a')}`;

  // output
  const a = (c: string): string => col('a', c);
  const out: string[] = [];
  for (const d of dims) {
    const value = targetCte ? `COALESCE(${a(d.alias)}, ${col('g', d.alias)})` : a(d.alias);
    out.push(`${dimensionOutputSql(value, d.field, d.bucket, state)} AS ${id(d.alias)}`);
    if (d.topN) out.push(`${a(otherFlag(d))} AS ${id(otherFlag(d))}`);
    if (pivot) out.push(`${a(totalFlag(d))} AS ${id(totalFlag(d))}`);
  }
  const value = (m: MeasurePlan): string => {
    const v = `${a(m.as)}::float8`;
    return targetCte && (m.aggregate === 'count' || m.aggregate === 'sum') ? `COALESCE(${v}, 0)` : v;
  };
  const [first, ...rest] = dims;
  const runningWindow =
    `OVER (${rest.length ? `PARTITION BY ${rest.map((d) => a(d.alias)).join(', ')} ` : ''}` +
    `ORDER BY ${first?.topN ? `${a(otherFlag(first))}, ` : ''}${first ? `${a(first.alias)} ASC NULLS LAST` : '1'} ` +
    'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
  for (const m of measures) {
    out.push(`${measureOutputSql(m, targetCte ? value(m) : a(m.as), state)} AS ${id(m.as)}`);
    if (m.percentOfTotal && !pivot)
      out.push(`${value(m)} / NULLIF(sum(${value(m)}) OVER (), 0) AS ${id(`${m.as}_pct`)}`);
    if (m.runningTotal && !pivot) out.push(`sum(${value(m)}) ${runningWindow} AS ${id(`${m.as}_running`)}`);
    if (compare) {
      const prev = `${a(`${m.as}_prev`)}::float8`;
      out.push(`${measureOutputSql(m, a(`${m.as}_prev`), state)} AS ${id(`${m.as}_prev`)}`);
      if (m.numeric) out.push(`(${value(m)} - ${prev}) / NULLIF(${prev}, 0) AS ${id(`${m.as}_change`)}`);
    }
  }
  let fromOut = agg;
  if (targetCte && report.target) {
    const measure = measures.find((m) => m.as === (report.target?.measure ?? measures[0].as));
    if (!measure?.numeric) throw new ReportDefinitionError('The target is compared with a numeric measure', 'target');
    out.push(`${col('g', 'target_value')} AS ${id('target_value')}`);
    out.push(`${value(measure)} / NULLIF(${col('g', 'target_value')}, 0) AS ${id('target_progress')}`);
    fromOut = dims.length
      ? `${agg} FULL JOIN ${id('tgt')} AS ${id('g')} ON ${dims.map((d) => `${a(d.alias)} = ${col('g', d.alias)}`).join(' AND ')}`
      : `${agg} CROSS JOIN ${id('tgt')} AS ${id('g')}`;
  }
  const order = orderBySql(plan, report.sort, Boolean(pivot));
  const limit = report.limit ? ` LIMIT ${state.value(report.limit, 'int')}` : '';
  return `WITH ${ctes.join(', ')} SELECT ${out.join(', ')} FROM ${fromOut}${order}${limit}`;
}
