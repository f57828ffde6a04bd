import type { ChartBuilder } from '../chart-types';
import { cartesianOption } from '../cartesian';

/** stacked_bar: categories on the y axis, series stacked. */
export const stackedBarChart: ChartBuilder<'stacked_bar'> = ({ report, chart, rows, locale }) =>
  cartesianOption(
    report,
    rows,
    locale,
    { kind: 'bar', horizontal: true, stacked: true, area: false },
    chart.options?.showLabels ?? false,
    chart.options?.smooth ?? false,
  );
