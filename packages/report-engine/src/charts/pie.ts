import type { ChartBuilder } from '../chart-types';
import { pieItems } from './pie-data';

/** pie: one slice per value of the first dimension. */
export const pieChart: ChartBuilder<'pie'> = ({ report, chart, rows, locale }) => {
  const { name, items } = pieItems(report, rows, locale, chart.options?.showPercent ?? true);
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', data: items.map((i) => i.name) },
    series: [{ type: 'pie', name, radius: '70%', data: items }],
  };
};
