/**
 * A dashboard (仪表盘): reports placed on a grid, dashboard-wide filters mapped onto each report's fields,
 * cross-chart filtering and auto refresh.
 */
export interface DashboardItem {
  reportKey: string;
  /** Grid position and size in grid units (24 columns). */
  x: number;
  y: number;
  w: number;
  h: number;
}

export const DASHBOARD_FILTER_TYPES = ['date_range', 'owner', 'department', 'select'] as const;
export type DashboardFilterType = (typeof DASHBOARD_FILTER_TYPES)[number];

export interface DashboardFilter {
  key: string;
  label: string;
  type: DashboardFilterType;
  /** For each report on the dashboard, the field (key or relation path) the filter applies to. */
  mappings: Record<string, string>;
  /** Choices of a `select` filter. */
  options?: string[];
}

export interface DashboardDefinition {
  key: string;
  name: string;
  items: DashboardItem[];
  filters: DashboardFilter[];
  /** Clicking a chart element filters the other charts that share the clicked dimension field. */
  crossFilter: boolean;
  /** 0 = no auto refresh. */
  refreshSeconds: number;
}

/** The value a user picked for one dashboard filter. */
export type DashboardFilterValue =
  | { type: 'date_range'; from: string; to: string }
  | { type: 'owner'; userIds: string[] }
  | { type: 'department'; departmentIds: string[] }
  | { type: 'select'; values: string[] };
