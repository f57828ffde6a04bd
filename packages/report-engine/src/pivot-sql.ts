import { qualifiedName as col, quoteIdent as id } from '@tessera/query';
import type { PivotSpec, ReportAggregate } from '@tessera/schema';
import { ReportDefinitionError } from './errors';
import { aggregateSql } from './measure-sql';
import type { DimensionPlan, MeasurePlan } from './report-plan';
import { otherFlag } from './top-n-sql';

export function totalFlag(d: DimensionPlan): string {
  return `${d.alias}_total`;
}

/** The grouping key of a dimension in the `keyed` layer (with its "other" flag when it has top N). */
export function groupKey(d: DimensionPlan, alias: string): string[] {
  return d.topN ? [col(alias, d.alias), col(alias, otherFlag(d))] : [col(alias, d.alias)];
}

/**
 * GROUP BY for a pivot table: with subtotals `ROLLUP(rows…), ROLLUP(columns…)`, which yields every row
 * subtotal, column subtotal and the grand total in the same statement; without, a plain GROUP BY.
 */
export function pivotGroupBySql(pivot: PivotSpec, dims: DimensionPlan[], alias: string): string {
  const find = (ref: string, path: string): DimensionPlan => {
    const d = dims.find((x) => x.ref === ref);
    if (!d) throw new ReportDefinitionError(`Pivot field "${ref}" is not one of the report's dimensions`, path);
    return d;
  };
  const rows = pivot.rows.map((r, i) => find(r, `pivot/rows/${i}`));
  const columns = pivot.columns.map((c, i) => find(c, `pivot/columns/${i}`));
  const used = new Set([...rows, ...columns]);
  const missing = dims.find((d) => !used.has(d));
  if (missing) throw new ReportDefinitionError(`Dimension "${missing.ref}" is neither a pivot row nor column`, 'pivot');
  if (used.size === 0) return '';
  if (!pivot.subtotals) return ` GROUP BY ${dims.flatMap((d) => groupKey(d, alias)).join(', ')}`;
  const rollup = (ds: DimensionPlan[]): string =>
    `ROLLUP(${ds.map((d) => (d.topN ? `(${groupKey(d, alias).join(', ')})` : groupKey(d, alias)[0])).join(', ')})`;
  return ` GROUP BY ${[rows, columns]
    .filter((ds) => ds.length > 0)
    .map(rollup)
    .join(', ')}`;
}

/**
 * How a measure's per-group partial result rolls up into a subtotal. Only aggregates whose subtotal follows
 * exactly from the partials are listed: avg (rounding) and count_distinct (needs the records) are not.
 */
const ROLL_UP: Partial<Record<ReportAggregate, (partial: string) => string>> = {
  // the grand total of an empty result is a row of its own: 0 records, as count(*) would say
  count: (partial) => `COALESCE(sum(${partial}), 0)`,
  sum: (partial) => `sum(${partial})`,
  min: (partial) => `min(${partial})`,
  max: (partial) => `max(${partial})`,
};

/**
 * PostgreSQL does not aggregate grouping sets (ROLLUP) in parallel, so a pivot with subtotals over a large
 * table would read every record with one process. When every measure can be rolled up, the records are
 * grouped once at the finest grain (a plain, parallel GROUP BY) and the subtotals are computed over that small
 * result: `from` becomes this partial aggregate (aliased like the records) and each measure its roll-up.
 * Undefined when the pivot has no subtotals or a measure cannot be rolled up.
 */
export function preAggregatedPivot(
  pivot: PivotSpec | undefined,
  dims: DimensionPlan[],
  measures: MeasurePlan[],
  from: string,
  alias: string,
): { from: string; aggregate: (m: MeasurePlan) => string } | undefined {
  if (!pivot?.subtotals || dims.length === 0 || !measures.every((m) => ROLL_UP[m.aggregate])) return undefined;
  const keys = dims.flatMap((d) => groupKey(d, alias));
  const partials = measures.map((m) => `${aggregateSql(m, alias)} AS ${id(m.as)}`);
  const partial = `SELECT ${[...keys, ...partials].join(', ')} FROM ${from} AS ${id(alias)} GROUP BY ${keys.join(', ')}`;
  return {
    from: `(${partial})`,
    aggregate: (m) => {
      const rollUp = ROLL_UP[m.aggregate];
      if (!rollUp) throw new Error(`${m.aggregate} cannot be rolled up`);
      return rollUp(col(alias, m.as));
    },
  };
}
