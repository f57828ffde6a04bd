import type { ChartBuilder } from '../chart-types';
import { cartesianOption } from '../cartesian';

/** line: categories on the x axis, one line per series. */
export const lineChart: ChartBuilder<'line'> = ({ report, chart, rows, locale }) =>
  cartesianOption(
    report,
    rows,
    locale,
    { kind: 'line', horizontal: false, stacked: false, area: false },
    chart.options?.showLabels ?? false,
    chart.options?.smooth ?? false,
  );
