import { BarChart, FunnelChart, GaugeChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts, tree-shaken: only the charts and components the report engine's options use. The map of China needs
 * a GeoJSON that is not bundled, so `map_china` is drawn as a ranked province bar (see province-ranking.ts).
 * Imported only by the lazily loaded chart chunk.
 */
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  ScatterChart,
  GaugeChart,
  RadarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DatasetComponent,
  VisualMapComponent,
  MarkLineComponent,
  RadarComponent,
  LabelLayout,
  LegacyGridContainLabel,
  CanvasRenderer,
]);

export { echarts };
