import { cartesianData } from '../cartesian';
import type { ChartBuilder } from '../chart-types';

/** radar: one axis per value of the first dimension, one polygon per series. */
export const radarChart: ChartBuilder<'radar'> = ({ report, rows, locale }) => {
  const { categories, series } = cartesianData(report, rows, locale);
  const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const bound = max > 0 ? max * 1.1 : 1;
  return {
    tooltip: { trigger: 'item' },
    legend: { data: series.map((s) => s.name) },
    radar: { indicator: categories.map((name) => ({ name, max: bound })) },
    series: [{ type: 'radar', data: series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })) }],
  };
};
