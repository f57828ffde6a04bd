import type { ChartSpec, ChartType, ReportDefinition } from '@tessera/schema';
import { CHART_BUILDERS } from './chart-registry';
import type { ChartInput, ChartLocale, ChartOption, ReportRow } from './chart-types';

function build<T extends ChartType>(type: T, input: ChartInput<T>): ChartOption {
  return CHART_BUILDERS[type](input);
}

/** The ECharts option (plain JSON) of a report's result rows, labelled and formatted for the locale. */
export function toChartOption(report: ReportDefinition, rows: readonly ReportRow[], locale: ChartLocale): ChartOption {
  const chart: ChartSpec = report.chart;
  return build(chart.type, { report, chart, rows, locale });
}
