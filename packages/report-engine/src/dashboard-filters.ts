import type {
  Condition,
  DashboardDefinition,
  DashboardFilterValue,
  ReportDefinition,
  ValueKind,
} from '@tessera/schema';
import { rangeCondition } from './range-condition';
import { drillDownCondition, type DrillPoint } from './drill-down';

/** The tenant's time zone and the kind of a mapped field (date ranges on date-time fields become instants). */
export interface DashboardFilterEnv {
  timeZone: string;
  kindOf?: (field: string) => ValueKind | undefined;
}

/**
 * The dashboard-wide filters as conditions on one report's fields (via each filter's mapping), ready for
 * `compileReport(…, dashboardFilters)`. Filters without a mapping for the report or without a value are skipped.
 */
export function dashboardFilterConditions(
  dashboard: DashboardDefinition,
  reportKey: string,
  values: Readonly<Record<string, DashboardFilterValue | undefined>>,
  env: DashboardFilterEnv,
): Condition[] {
  const out: Condition[] = [];
  for (const filter of dashboard.filters) {
    const field = filter.mappings[reportKey];
    const value = values[filter.key];
    if (!field || !value || value.type !== filter.type) continue;
    if (value.type === 'date_range')
      out.push(rangeCondition(field, env.kindOf?.(field) ?? 'date', { from: value.from, to: value.to }, env.timeZone));
    else {
      const list =
        value.type === 'owner' ? value.userIds : value.type === 'department' ? value.departmentIds : value.values;
      if (list.length) out.push({ field, op: 'in', value: list });
    }
  }
  return out;
}

/**
 * Cross-chart filtering: the condition a click on `clicked` puts on another report of the dashboard. A report
 * on the same form gets the clicked element's dimension conditions; a report on another form only those
 * dimensions it groups by too (same field reference). Undefined when the click does not apply.
 */
export function crossFilterCondition(
  dashboard: DashboardDefinition,
  clicked: ReportDefinition,
  point: DrillPoint,
  other: ReportDefinition,
): Condition | undefined {
  if (!dashboard.crossFilter || clicked.key === other.key) return undefined;
  const sameForm = clicked.source.form === other.source.form;
  const shared = new Set(other.dimensions.map((d) => d.field));
  const dimensions = clicked.dimensions.filter((d) => sameForm || shared.has(d.field));
  if (dimensions.length === 0 && !(sameForm && clicked.funnel)) return undefined;
  const keep = clicked.dimensions.map((d) => dimensions.includes(d));
  const reduced: ReportDefinition = { ...clicked, filters: undefined, compare: undefined, dimensions };
  const reducedPoint: DrillPoint = {
    dimensionValues: clicked.funnel ? point.dimensionValues : point.dimensionValues.filter((_, i) => keep[i]),
  };
  return drillDownCondition(reduced, reducedPoint);
}
