import type { ChartType } from '@tessera/schema';
import type { ChartBuilder } from './chart-types';
import { areaChart } from './charts/area';
import { barChart } from './charts/bar';
import { columnChart } from './charts/column';
import { comboChart } from './charts/combo';
import { donutChart } from './charts/donut';
import { funnelChart } from './charts/funnel';
import { gaugeChart } from './charts/gauge';
import { indicatorChart } from './charts/indicator';
import { lineChart } from './charts/line';
import { mapChinaChart } from './charts/map-china';
import { pieChart } from './charts/pie';
import { pivotChart } from './charts/pivot';
import { radarChart } from './charts/radar';
import { scatterChart } from './charts/scatter';
import { stackedBarChart } from './charts/stacked-bar';
import { stackedColumnChart } from './charts/stacked-column';
import { tableChart } from './charts/table';

/** The ONE place chart types are registered: every ChartType must have exactly one builder. */
export const CHART_BUILDERS: { readonly [T in ChartType]: ChartBuilder<T> } = {
  bar: barChart,
  column: columnChart,
  stacked_bar: stackedBarChart,
  stacked_column: stackedColumnChart,
  line: lineChart,
  area: areaChart,
  combo: comboChart,
  pie: pieChart,
  donut: donutChart,
  funnel: funnelChart,
  map_china: mapChinaChart,
  scatter: scatterChart,
  gauge: gaugeChart,
  radar: radarChart,
  indicator: indicatorChart,
  table: tableChart,
  pivot: pivotChart,
};
