import type { ChartBuilder } from '../chart-types';
import { dimensionLabel, measureTitle, measureValue } from '../row-labels';

/**
 * scatter: one point per row, x = `options.xMeasure` (default the first measure), y = `options.yMeasure`
 * (default the second); a second dimension splits the points into series.
 */
export const scatterChart: ChartBuilder<'scatter'> = ({ report, chart, rows, locale }) => {
  const ms = report.measures;
  const x = ms.find((m) => m.as === chart.options?.xMeasure) ?? ms[0];
  const y = ms.find((m) => m.as === chart.options?.yMeasure) ?? ms[1] ?? ms[0];
  const groups = new Map<string, { name: string; value: (number | string | null)[] }[]>();
  for (const r of rows) {
    const group = report.dimensions.length > 1 ? dimensionLabel(report, r, 1, locale) : measureTitle(y, locale);
    const name = report.dimensions.length ? dimensionLabel(report, r, 0, locale) : '';
    const points = groups.get(group) ?? [];
    points.push({ name, value: [measureValue(r, x.as), measureValue(r, y.as), name] });
    groups.set(group, points);
  }
  return {
    tooltip: { trigger: 'item' },
    legend: { data: [...groups.keys()] },
    xAxis: { type: 'value', name: measureTitle(x, locale), scale: true },
    yAxis: { type: 'value', name: measureTitle(y, locale), scale: true },
    series: [...groups].map(([name, data]) => ({ type: 'scatter', name, data })),
  };
};
