import type { ChartBuilder } from '../chart-types';
import { cartesianOption } from '../cartesian';

/** column: categories on the x axis. */
export const columnChart: ChartBuilder<'column'> = ({ report, chart, rows, locale }) =>
  cartesianOption(
    report,
    rows,
    locale,
    { kind: 'bar', horizontal: false, stacked: false, area: false },
    chart.options?.showLabels ?? false,
    chart.options?.smooth ?? false,
  );
