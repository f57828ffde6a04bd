import type { ConditionScalar, ReportDefinition } from '@tessera/schema';
import type { DrillPoint, DrillValue } from './drill-down';
import { dimensionAlias } from './report-plan';

function scalar(v: unknown): ConditionScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * The drill point of one result row (a clicked chart element). For an "other" row the top values are
 * collected from the other rows of the same result.
 */
export function drillPointFromRow(
  report: ReportDefinition,
  row: Record<string, unknown>,
  rows: readonly Record<string, unknown>[],
): DrillPoint {
  if (report.funnel) return { dimensionValues: [scalar(row.d0)] };
  const dimensionValues = report.dimensions.map((_, i): DrillValue => {
    const alias = dimensionAlias(i);
    if (row[`${alias}_total`] === true) return { total: true };
    if (row[`${alias}_other`] === true) {
      const top = new Set<ConditionScalar>();
      for (const r of rows) if (r[`${alias}_other`] !== true && r[alias] !== null) top.add(scalar(r[alias]));
      return { other: true, topValues: [...top] };
    }
    return scalar(row[alias]);
  });
  return { dimensionValues };
}
