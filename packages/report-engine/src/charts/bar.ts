import type { ChartBuilder } from '../chart-types';
import { cartesianOption } from '../cartesian';

/** bar: categories on the y axis. */
export const barChart: ChartBuilder<'bar'> = ({ report, chart, rows, locale }) =>
  cartesianOption(
    report,
    rows,
    locale,
    { kind: 'bar', horizontal: true, stacked: false, area: false },
    chart.options?.showLabels ?? false,
    chart.options?.smooth ?? false,
  );
