import { qualifiedName as col } from '@tessera/query';
import type { PivotSpec } from '@tessera/schema';
import { ReportDefinitionError } from './errors';
import type { DimensionPlan } from './report-plan';
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
