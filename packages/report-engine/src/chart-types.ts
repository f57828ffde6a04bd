import type { ChartSpec, ChartType, ReportDefinition } from '@tessera/schema';

/** A JSON value: chart options are plain data, rendered by ECharts in the browser. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** An ECharts option object (plus a `tessera` block for cards and tables ECharts does not draw). */
export type ChartOption = { [key: string]: Json };

export type ChartLocale = 'zh-CN' | 'en-US';
/** One result row of a compiled report, as returned by the database driver. */
export type ReportRow = Readonly<Record<string, unknown>>;

export interface ChartInput<T extends ChartType> {
  report: ReportDefinition;
  chart: Extract<ChartSpec, { type: T }>;
  rows: readonly ReportRow[];
  locale: ChartLocale;
}

export type ChartBuilder<T extends ChartType> = (input: ChartInput<T>) => ChartOption;
