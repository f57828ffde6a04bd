import { cartesianData, dataItems } from '../cartesian';
import type { ChartBuilder, Json } from '../chart-types';

/**
 * combo: bars on the left y axis and lines on the right one. Lines are `options.lineMeasures` (default the
 * last measure when there are several) and the target, if any.
 */
export const comboChart: ChartBuilder<'combo'> = ({ report, chart, rows, locale }) => {
  const { categories, series } = cartesianData(report, rows, locale);
  const measures = report.measures.map((m) => m.as);
  const lines = new Set(chart.options?.lineMeasures ?? (measures.length > 1 ? [measures[measures.length - 1]] : []));
  lines.add('target_value');
  const showLabels = chart.options?.showLabels ?? false;
  const valueAxes: Json = [{ type: 'value' }, { type: 'value', position: 'right' }];
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name) },
    grid: { containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: valueAxes,
    series: series.map((s) => {
      const line = lines.has(s.column);
      return {
        type: line ? 'line' : 'bar',
        name: s.name,
        yAxisIndex: line ? 1 : 0,
        data: dataItems(report, s, locale),
        label: { show: showLabels },
        ...(line ? { smooth: chart.options?.smooth ?? false } : {}),
      };
    }),
  };
};
