import type { ChartBuilder } from '../chart-types';
import { pieItems } from './pie-data';

/** donut: a pie with a hole. */
export const donutChart: ChartBuilder<'donut'> = ({ report, chart, rows, locale }) => {
  const { name, items } = pieItems(report, rows, locale, chart.options?.showPercent ?? true);
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', data: items.map((i) => i.name) },
    series: [{ type: 'pie', name, radius: ['40%', '70%'], avoidLabelOverlap: true, data: items }],
  };
};
