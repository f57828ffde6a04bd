import type { ChartBuilder } from '../chart-types';
import { cartesianOption } from '../cartesian';

/** stacked_column: categories on the x axis, series stacked. */
export const stackedColumnChart: ChartBuilder<'stacked_column'> = ({ report, chart, rows, locale }) =>
  cartesianOption(
    report,
    rows,
    locale,
    { kind: 'bar', horizontal: false, stacked: true, area: false },
    chart.options?.showLabels ?? false,
    chart.options?.smooth ?? false,
  );
