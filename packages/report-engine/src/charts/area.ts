import type { ChartBuilder } from '../chart-types';
import { cartesianOption } from '../cartesian';

/** area: categories on the x axis, filled. */
export const areaChart: ChartBuilder<'area'> = ({ report, chart, rows, locale }) =>
  cartesianOption(
    report,
    rows,
    locale,
    { kind: 'line', horizontal: false, stacked: false, area: true },
    chart.options?.showLabels ?? false,
    chart.options?.smooth ?? false,
  );
