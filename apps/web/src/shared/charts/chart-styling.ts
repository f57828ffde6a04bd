import { formatNumber } from '@tessera/report-engine';
import type { ChartType, MeasureFormat } from '@tessera/schema';
import { asList, isObject, type LooseOption } from './chart-option-access';
import { CHART_PALETTES, type ChartStyleOptions } from './chart-style-options';
import type { ChartLocale } from './report-api';

export interface ChartStyleContext {
  chartType: ChartType;
  style: ChartStyleOptions;
  locale: ChartLocale;
  /** The number format of the first measure (axis labels, tooltips, the target line). */
  format?: MeasureFormat;
  /** Smaller paddings and no legend on tiny dashboard tiles. */
  compact?: boolean;
}

const AXIS_LINE = '#d9dde5';
const SPLIT_LINE = '#eef0f4';
const AXIS_TEXT = '#6b7280';
const TARGET_COLOR = '#ef5d5d';

/** 12 345 678 → 1234.57万 (zh-CN) / 12.3M (en-US): axis labels stay short. */
export function compactNumber(value: number, locale: ChartLocale, format?: MeasureFormat): string {
  if (format?.style === 'percent') return formatNumber(value, locale, { style: 'percent', decimals: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  if (format?.style !== 'currency') return compact;
  const symbol =
    new Intl.NumberFormat(locale, { style: 'currency', currency: format.currency ?? 'CNY' })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value ?? '';
  return `${symbol}${compact}`;
}

function styleAxis(axis: LooseOption, locale: ChartLocale, format: MeasureFormat | undefined): LooseOption {
  const isValue = axis.type === 'value';
  return {
    ...axis,
    axisLine: { show: !isValue, lineStyle: { color: AXIS_LINE } },
    axisTick: { show: false },
    splitLine: { show: isValue, lineStyle: { color: SPLIT_LINE, type: 'dashed' } },
    axisLabel: {
      color: AXIS_TEXT,
      hideOverlap: true,
      ...(isValue
        ? { formatter: (v: number) => compactNumber(v, locale, format) }
        : { width: 96, overflow: 'truncate' }),
    },
    nameTextStyle: { color: AXIS_TEXT },
  };
}

function styleSeries(series: LooseOption, index: number, ctx: ChartStyleContext, horizontal: boolean): LooseOption {
  const out: LooseOption = { ...series };
  if (ctx.style.showLabels !== undefined && isObject(series.label))
    out.label = { ...series.label, show: ctx.style.showLabels };
  if (series.type === 'bar') {
    out.barMaxWidth = 36;
    out.itemStyle = { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] };
    out.emphasis = { focus: 'series' };
    out.cursor = 'pointer';
    if (isObject(out.label) && out.label.show) out.label = { ...out.label, position: horizontal ? 'right' : 'top' };
  }
  if (series.type === 'line') {
    out.symbolSize = 6;
    out.lineStyle = { width: 2.5 };
    if (ctx.style.smooth !== undefined) out.smooth = ctx.style.smooth;
    if (isObject(series.areaStyle)) out.areaStyle = { opacity: 0.16 };
  }
  if (series.type === 'pie') {
    out.itemStyle = { borderColor: '#fff', borderWidth: 2, borderRadius: 4 };
    out.avoidLabelOverlap = true;
  }
  if (series.type === 'funnel') out.itemStyle = { borderColor: '#fff', borderWidth: 1 };
  if (series.type === 'map') {
    // provinces without data stay a quiet grey; names show on hover only (34 labels would overlap)
    out.itemStyle = { areaColor: '#f1f3f7', borderColor: '#c7cedb', borderWidth: 0.6 };
    out.emphasis = { label: { show: true }, itemStyle: { areaColor: '#ffd666' } };
    out.label = { show: false };
    // a click drills into the records; ECharts' own click-to-select would leave a province stuck highlighted
    out.selectedMode = false;
    out.cursor = 'pointer';
  }
  const target = ctx.style.targetLine;
  if (index === 0 && target !== undefined && (series.type === 'bar' || series.type === 'line')) {
    out.markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { color: TARGET_COLOR, type: 'dashed', width: 1.5 },
      label: { formatter: formatNumber(target, ctx.locale, ctx.format), color: TARGET_COLOR, position: 'insideEndTop' },
      data: [horizontal ? { xAxis: target } : { yAxis: target }],
    };
  }
  return out;
}

/**
 * The server's ECharts option dressed for the screen: the report's palette, quiet axes with compact numbers,
 * locale-formatted tooltips, rounded bars and the target line. The data is never changed.
 */
export function styleChartOption(option: LooseOption, ctx: ChartStyleContext): LooseOption {
  const palette = CHART_PALETTES[ctx.style.palette ?? 'tessera'];
  const series = asList(option.series);
  const horizontal = asList(option.xAxis)[0]?.type === 'value' && asList(option.yAxis)[0]?.type === 'category';
  const legendItems = isObject(option.legend) && Array.isArray(option.legend.data) ? option.legend.data.length : 0;
  const showLegend = legendItems > 1 && !ctx.compact;
  const out: LooseOption = {
    ...option,
    color: [...palette],
    textStyle: { fontFamily: 'inherit' },
    animationDuration: 500,
    series: series.map((s, i) => styleSeries(s, i, ctx, horizontal)),
  };
  if (isObject(option.tooltip))
    out.tooltip = {
      ...option.tooltip,
      confine: true,
      valueFormatter: (v: unknown) =>
        typeof v === 'number' && Number.isFinite(v) ? formatNumber(v, ctx.locale, ctx.format) : '–',
    };
  if (isObject(option.legend))
    out.legend = { ...option.legend, show: showLegend, type: 'scroll', bottom: 0, icon: 'roundRect', itemWidth: 12 };
  if (option.xAxis !== undefined) {
    const xs = asList(option.xAxis).map((a) => styleAxis(a, ctx.locale, ctx.format));
    const ys = asList(option.yAxis).map((a) => styleAxis(a, ctx.locale, ctx.format));
    out.xAxis = Array.isArray(option.xAxis) ? xs : xs[0];
    out.yAxis = Array.isArray(option.yAxis) ? ys : ys[0];
    out.grid = {
      ...(isObject(option.grid) ? option.grid : {}),
      containLabel: true,
      left: 8,
      right: horizontal ? 40 : 16,
      top: ctx.style.targetLine !== undefined ? 28 : 16,
      bottom: showLegend ? 36 : 8,
    };
  }
  if (isObject(option.visualMap))
    out.visualMap = { ...option.visualMap, inRange: { color: [palette[0] + '22', palette[0]] } };
  return out;
}
