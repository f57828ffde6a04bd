import type { Condition, RelativePeriod } from './condition';

/**
 * A report (报表): a source form, filters, dimensions (with date buckets), measures, sort/limit and a chart.
 * Field references are field keys of the source form, or paths through single relation fields
 * (`customer.region` = the `region` field of the record the `customer` relation points at).
 */
export const DATE_BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type DateBucket = (typeof DATE_BUCKETS)[number];

export const REPORT_AGGREGATES = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max'] as const;
export type ReportAggregate = (typeof REPORT_AGGREGATES)[number];

export const CHART_TYPES = [
  'bar',
  'column',
  'stacked_bar',
  'stacked_column',
  'line',
  'area',
  'combo',
  'pie',
  'donut',
  'funnel',
  'map_china',
  'scatter',
  'gauge',
  'radar',
  'indicator',
  'table',
  'pivot',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ReportSource {
  /** The key of the source form. */
  form: string;
}

/** An explicit join through a single relation field path (`customer`, `customer.parent`). Paths used by
 * dimensions, measures and filters are joined automatically; listing them here documents the intent. */
export interface ReportJoin {
  path: string;
}

export interface TopN {
  n: number;
  /** Fold every value outside the top n into one "other" element. */
  other: boolean;
}

export interface ReportDimension {
  /** A field key or a relation path (`customer.region`). */
  field: string;
  bucket?: DateBucket;
  topN?: TopN;
  label?: string;
}

export interface MeasureFormat {
  style: 'number' | 'currency' | 'percent';
  decimals?: number;
  /** ISO 4217 code for `currency` (default CNY). */
  currency?: string;
}

export interface ReportMeasure {
  /** Not needed for `count` (counts records). */
  field?: string;
  aggregate: ReportAggregate;
  /** The output column name: a lower-case identifier, unique in the report. */
  as: string;
  /** Also return `<as>_pct`: this value / the total over all rows. */
  percentOfTotal?: boolean;
  /** Also return `<as>_running`: the cumulative value along the first dimension. */
  runningTotal?: boolean;
  label?: string;
  format?: MeasureFormat;
}

export interface ReportSort {
  /** A dimension field reference or a measure `as`. */
  by: string;
  direction: 'asc' | 'desc';
}

interface ChartBase<T extends ChartType, O> {
  type: T;
  options?: O;
}
export interface AxisChartOptions {
  showLabels?: boolean;
  smooth?: boolean;
}
export interface ComboChartOptions extends AxisChartOptions {
  /** Measures (by `as`) drawn as lines on the right y axis; the others are bars on the left axis. */
  lineMeasures?: string[];
}
export interface PieChartOptions {
  showPercent?: boolean;
}
export interface FunnelChartOptions {
  showConversion?: boolean;
}
export interface GaugeChartOptions {
  min?: number;
  /** When absent the target (if any) or the value rounded up is used. */
  max?: number;
}
export interface ScatterChartOptions {
  /** Measure `as` on the x axis (default the first measure); y is the second measure. */
  xMeasure?: string;
  yMeasure?: string;
}
export interface MapChartOptions {
  /** Upper bound of the visual map (default the largest value). */
  max?: number;
}
export type EmptyChartOptions = Record<string, never>;

export type BarChartSpec = ChartBase<'bar', AxisChartOptions>;
export type ColumnChartSpec = ChartBase<'column', AxisChartOptions>;
export type StackedBarChartSpec = ChartBase<'stacked_bar', AxisChartOptions>;
export type StackedColumnChartSpec = ChartBase<'stacked_column', AxisChartOptions>;
export type LineChartSpec = ChartBase<'line', AxisChartOptions>;
export type AreaChartSpec = ChartBase<'area', AxisChartOptions>;
export type ComboChartSpec = ChartBase<'combo', ComboChartOptions>;
export type PieChartSpec = ChartBase<'pie', PieChartOptions>;
export type DonutChartSpec = ChartBase<'donut', PieChartOptions>;
export type FunnelChartSpec = ChartBase<'funnel', FunnelChartOptions>;
export type MapChinaChartSpec = ChartBase<'map_china', MapChartOptions>;
export type ScatterChartSpec = ChartBase<'scatter', ScatterChartOptions>;
export type GaugeChartSpec = ChartBase<'gauge', GaugeChartOptions>;
export type RadarChartSpec = ChartBase<'radar', EmptyChartOptions>;
export type IndicatorChartSpec = ChartBase<'indicator', EmptyChartOptions>;
export type TableChartSpec = ChartBase<'table', EmptyChartOptions>;
export type PivotChartSpec = ChartBase<'pivot', EmptyChartOptions>;

/** Discriminated by `type`. */
export type ChartSpec =
  | BarChartSpec
  | ColumnChartSpec
  | StackedBarChartSpec
  | StackedColumnChartSpec
  | LineChartSpec
  | AreaChartSpec
  | ComboChartSpec
  | PieChartSpec
  | DonutChartSpec
  | FunnelChartSpec
  | MapChinaChartSpec
  | ScatterChartSpec
  | GaugeChartSpec
  | RadarChartSpec
  | IndicatorChartSpec
  | TableChartSpec
  | PivotChartSpec;

/** A sales funnel: record count (and amount) per stage in the given order, with stage-to-stage conversion. */
export interface FunnelSpec {
  stageField: string;
  /** Stages in pipeline order; records in other stages (e.g. lost) are not counted. */
  stages: string[];
  amountField?: string;
  /** Count a record in its stage and every earlier stage ("reached"), the default; false = current stage only. */
  cumulative?: boolean;
}

/** Targets vs actuals: a target form joined by period and owner (or department). */
export interface TargetSpec {
  targetForm: string;
  /** A date field of the target form: any day in the target's period (usually its first day). */
  periodField: string;
  /** The field of the target form holding the owner (or department) the target belongs to. */
  ownerField: string;
  valueField: string;
  matchBy: 'owner' | 'department';
  /** The source form's field matched against `ownerField` (default `owner_id`; required for department). */
  sourceField?: string;
  /** The measure (by `as`) compared with the target (default the first measure). */
  measure?: string;
}

/** A period given either relative to now (this_month …) or as an explicit inclusive date range. */
export type ComparePeriod = RelativePeriod | { from: string; to: string };

/** Compare with the previous period: every measure is also returned for the shifted range as `<as>_prev`. */
export interface CompareSpec {
  previousPeriod: true;
  /** The date/date-time field that places a record in a period. */
  dateField: string;
  period: ComparePeriod;
}

export interface PivotSpec {
  /** Dimension field references (must appear in `dimensions`) on the rows, outermost first. */
  rows: string[];
  columns: string[];
  subtotals: boolean;
}

export interface ReportDefinition {
  key: string;
  name: string;
  source: ReportSource;
  joins?: ReportJoin[];
  filters?: Condition;
  dimensions: ReportDimension[];
  measures: ReportMeasure[];
  sort?: ReportSort[];
  limit?: number;
  chart: ChartSpec;
  funnel?: FunnelSpec;
  target?: TargetSpec;
  compare?: CompareSpec;
  pivot?: PivotSpec;
}
