import {
  AreaChartOutlined,
  BarChartOutlined,
  BorderInnerOutlined,
  DashboardOutlined,
  DotChartOutlined,
  EnvironmentOutlined,
  FundOutlined,
  FunnelPlotOutlined,
  LineChartOutlined,
  NumberOutlined,
  PieChartOutlined,
  ProjectOutlined,
  RadarChartOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { ChartType } from '@tessera/schema';
import type { ComponentType, CSSProperties } from 'react';

const ICONS: Record<ChartType, { Icon: ComponentType<{ style?: CSSProperties }>; style?: CSSProperties }> = {
  bar: { Icon: BarChartOutlined, style: { transform: 'rotate(90deg) scaleY(-1)' } },
  column: { Icon: BarChartOutlined },
  stacked_bar: { Icon: ProjectOutlined, style: { transform: 'rotate(-90deg)' } },
  stacked_column: { Icon: ProjectOutlined, style: { transform: 'scaleY(-1)' } },
  line: { Icon: LineChartOutlined },
  area: { Icon: AreaChartOutlined },
  combo: { Icon: FundOutlined },
  pie: { Icon: PieChartOutlined },
  donut: { Icon: PieChartOutlined, style: { opacity: 0.75 } },
  funnel: { Icon: FunnelPlotOutlined },
  map_china: { Icon: EnvironmentOutlined },
  scatter: { Icon: DotChartOutlined },
  gauge: { Icon: DashboardOutlined },
  radar: { Icon: RadarChartOutlined },
  indicator: { Icon: NumberOutlined },
  table: { Icon: TableOutlined },
  pivot: { Icon: BorderInnerOutlined },
};

/** The icon of a chart type (gallery tiles, report lists). */
export function ChartTypeIcon({ type, size = 20 }: { type: ChartType; size?: number }) {
  const { Icon, style } = ICONS[type];
  return <Icon style={{ fontSize: size, ...style }} />;
}
