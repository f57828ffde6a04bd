import { cartesianData, dataItems } from '../cartesian';
import { chartLabel } from '../chart-labels';
import type { ChartBuilder, Json } from '../chart-types';
import { formatNumber, formatPercent } from '../number-format';
import { dimensionLabel, measureValue } from '../row-labels';

/**
 * combo: bars on the left y axis and lines on the right one. Lines are `options.lineMeasures` (default the
 * last measure when there are several). The target is a line on the axis of the measure it is compared with
 * (a target on another scale would mislead), labelled with the target and the progress towards it.
 */
export const comboChart: ChartBuilder<'combo'> = ({ report, chart, rows, locale }) => {
  const { categories, series } = cartesianData(report, rows, locale);
  const measures = report.measures.map((m) => m.as);
  const lines = new Set(chart.options?.lineMeasures ?? (measures.length > 1 ? [measures[measures.length - 1]] : []));
  const compared = report.measures.find((m) => m.as === report.target?.measure) ?? report.measures[0];
  const axisOf = (column: string): number => (lines.has(column) ? 1 : 0);
  const showLabels = chart.options?.showLabels ?? false;
  const valueAxes: Json = [{ type: 'value' }, { type: 'value', position: 'right' }];
  // progress per category, placed like cartesianData places the target values
  const progress = categories.map((): number | null => null);
  const hasDims = report.dimensions.length > 0;
  for (const r of rows) {
    const i = hasDims ? categories.indexOf(dimensionLabel(report, r, 0, locale)) : 0;
    if (i >= 0) progress[i] = measureValue(r, 'target_progress');
  }
  const targetItems = (values: (number | null)[]): Json =>
    values.map((value, i) => ({
      value,
      label: {
        formatter:
          `${chartLabel('target', locale)} ${formatNumber(value, locale, compared?.format)} · ` +
          `${chartLabel('progress', locale)} ${formatPercent(progress[i], locale)}`,
      },
    }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name) },
    grid: { containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: valueAxes,
    series: series.map((s): Json => {
      if (s.column === 'target_value')
        return {
          type: 'line',
          name: s.name,
          yAxisIndex: axisOf(compared?.as ?? ''),
          data: targetItems(s.values),
          label: { show: chart.options?.showLabels ?? true },
          lineStyle: { type: 'dashed' },
          smooth: chart.options?.smooth ?? false,
        };
      const line = lines.has(s.column);
      return {
        type: line ? 'line' : 'bar',
        name: s.name,
        yAxisIndex: axisOf(s.column),
        data: dataItems(report, s, locale),
        label: { show: showLabels },
        ...(line ? { smooth: chart.options?.smooth ?? false } : {}),
      };
    }),
  };
};
