import type { ChartBuilder } from '../chart-types';
import { formatNumber } from '../number-format';
import { measureTitle, measureValue } from '../row-labels';

/** A round upper bound for a value (1 234 → 2 000). */
function niceMax(value: number): number {
  if (value <= 0) return 100;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
}

/** gauge: the first measure of the first row, against `options.max`, else the target, else a round bound. */
export const gaugeChart: ChartBuilder<'gauge'> = ({ report, chart, rows, locale }) => {
  const m = report.measures[0];
  const row = rows[0] ?? {};
  const value = measureValue(row, m.as);
  const target = measureValue(row, 'target_value');
  const max = chart.options?.max ?? target ?? niceMax(value ?? 0);
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'gauge',
        name: measureTitle(m, locale),
        min: chart.options?.min ?? 0,
        max,
        progress: { show: true },
        detail: { formatter: formatNumber(value, locale, m.format) },
        data: [{ value, name: measureTitle(m, locale) }],
      },
    ],
  };
};
