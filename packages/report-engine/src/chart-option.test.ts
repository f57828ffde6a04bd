import { CHART_TYPES, type ChartSpec, type ChartType, type ReportDefinition } from '@tessera/schema';
import { CHART_BUILDERS } from './chart-registry';
import { toChartOption } from './chart-option';
import type { ChartOption, Json, ReportRow } from './chart-types';
import { formatNumber } from './number-format';

const monthRows: ReportRow[] = [
  { d0: '2024-01-01', n: 3, total: 1200.5, target_value: 1000, target_progress: 1.2005 },
  { d0: '2024-02-01', n: 5, total: 800, target_value: 1000, target_progress: 0.8 },
  { d0: '2024-03-01', n: 2, total: 2500.25, target_value: 1000, target_progress: 2.5 },
];

function report(chart: ChartSpec, patch: Partial<ReportDefinition> = {}): ReportDefinition {
  return {
    key: 'r',
    name: 'R',
    source: { form: 'opportunities' },
    dimensions: [{ field: 'closed_at', bucket: 'month' }],
    measures: [
      { aggregate: 'count', as: 'n' },
      { field: 'amount', aggregate: 'sum', as: 'total', format: { style: 'currency', currency: 'CNY' } },
    ],
    chart,
    ...patch,
  };
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function seriesOf(option: ChartOption): { [key: string]: Json }[] {
  const s = option.series;
  return Array.isArray(s) ? s.filter(isObject) : [];
}

/** Rows and report per chart type, as the compiler would return them. */
function sample(type: ChartType): { report: ReportDefinition; rows: ReportRow[] } {
  const chart = { type } as ChartSpec;
  switch (type) {
    case 'funnel':
      return {
        report: report(chart, { dimensions: [], funnel: { stageField: 'stage', stages: ['lead', 'deal', 'won'] } }),
        rows: [
          { d0: 'lead', value: 100, conversion: null },
          { d0: 'deal', value: 40, conversion: 0.4 },
          { d0: 'won', value: 10, conversion: 0.25 },
        ],
      };
    case 'map_china':
      return {
        report: report(chart, { dimensions: [{ field: 'province' }] }),
        rows: [
          { d0: '广东', n: 2, total: 10 },
          { d0: 'Guangdong', n: 3, total: 5 },
          { d0: '浙江省', n: 1, total: 7 },
          { d0: 'Atlantis', n: 9, total: 9 },
        ],
      };
    case 'indicator':
    case 'gauge':
      return {
        report: report(chart, {
          dimensions: [],
          measures: [{ field: 'amount', aggregate: 'sum', as: 'total' }],
          compare: { previousPeriod: true, dateField: 'closed_at', period: { period: 'this_month' } },
          target: { targetForm: 't', periodField: 'p', ownerField: 'o', valueField: 'v', matchBy: 'owner' },
        }),
        rows: [{ total: 1500, total_prev: 1000, total_change: 0.5, target_value: 2000, target_progress: 0.75 }],
      };
    case 'pivot':
      return {
        report: report(chart, {
          dimensions: [{ field: 'region' }, { field: 'stage' }],
          measures: [{ aggregate: 'count', as: 'n' }],
          pivot: { rows: ['region'], columns: ['stage'], subtotals: true },
        }),
        rows: [
          { d0: '华东', d0_total: false, d1: 'won', d1_total: false, n: 2 },
          { d0: '华东', d0_total: false, d1: 'lost', d1_total: false, n: 1 },
          { d0: '华东', d0_total: false, d1: null, d1_total: true, n: 3 },
          { d0: null, d0_total: true, d1: 'won', d1_total: false, n: 2 },
          { d0: null, d0_total: true, d1: 'lost', d1_total: false, n: 1 },
          { d0: null, d0_total: true, d1: null, d1_total: true, n: 3 },
        ],
      };
    default:
      return { report: report(chart), rows: monthRows };
  }
}

describe('toChartOption', () => {
  it('registers exactly one builder per chart type', () => {
    expect(Object.keys(CHART_BUILDERS).sort()).toEqual([...CHART_TYPES].sort());
  });

  it.each([...CHART_TYPES])('%s produces a JSON option', (type) => {
    const { report: r, rows } = sample(type);
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const option = toChartOption(r, rows, locale);
      expect(JSON.parse(JSON.stringify(option))).toEqual(option);
      if (type === 'table' || type === 'pivot' || type === 'indicator') {
        expect(isObject(option.tessera) && option.tessera.kind).toBe(type);
        continue;
      }
      const series = seriesOf(option);
      expect(series.length).toBeGreaterThan(0);
      for (const s of series) expect(typeof s.type).toBe('string');
    }
  });

  it('lays out bar (horizontal), column and stacked charts', () => {
    const bar = toChartOption(report({ type: 'bar' }), monthRows, 'en-US');
    expect(bar.yAxis).toEqual({ type: 'category', data: ['Jan 2024', 'Feb 2024', 'Mar 2024'] });
    const column = toChartOption(report({ type: 'column' }), monthRows, 'zh-CN');
    expect(column.xAxis).toEqual({ type: 'category', data: ['2024年1月', '2024年2月', '2024年3月'] });
    const stacked = seriesOf(toChartOption(report({ type: 'stacked_column' }), monthRows, 'en-US'));
    expect(stacked.every((s) => s.stack === 'total')).toBe(true);
    const area = seriesOf(toChartOption(report({ type: 'area' }), monthRows, 'en-US'));
    expect(area.every((s) => s.type === 'line' && isObject(s.areaStyle))).toBe(true);
  });

  it('splits series by a second dimension and shows "Other"', () => {
    const rows: ReportRow[] = [
      { d0: 'A', d0_other: false, d1: 'won', n: 1 },
      { d0: 'A', d0_other: false, d1: 'lost', n: 2 },
      { d0: null, d0_other: true, d1: 'won', n: 3 },
    ];
    const r = report(
      { type: 'stacked_bar' },
      {
        dimensions: [{ field: 'region', topN: { n: 1, other: true } }, { field: 'stage' }],
        measures: [{ aggregate: 'count', as: 'n' }],
      },
    );
    const option = toChartOption(r, rows, 'zh-CN');
    expect(isObject(option.yAxis) && option.yAxis.data).toEqual(['A', '其他']);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['won', 'lost']);
    expect(series[0].data).toEqual([
      { value: 1, label: { formatter: '1' } },
      { value: 3, label: { formatter: '3' } },
    ]);
  });

  it('puts combo lines on the second y axis', () => {
    const series = seriesOf(
      toChartOption(report({ type: 'combo', options: { lineMeasures: ['n'] } }), monthRows, 'en-US'),
    );
    expect(series.map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['line', 1],
      ['bar', 0],
    ]);
  });

  it('draws the combo target on the axis of the compared measure, labelled with the progress', () => {
    const target = { targetForm: 't', periodField: 'p', ownerField: 'o', valueField: 'v', matchBy: 'owner' as const };
    const series = seriesOf(
      toChartOption(
        report({ type: 'combo' }, { target, measures: [report({ type: 'combo' }).measures[1]] }),
        monthRows,
        'en-US',
      ),
    );
    expect(series.map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', 0],
      ['line', 0],
    ]);
    const labels = (Array.isArray(series[1].data) ? series[1].data.filter(isObject) : []).map((d) =>
      isObject(d.label) ? d.label.formatter : undefined,
    );
    expect(labels[1]).toBe(
      `Target ${formatNumber(1000, 'en-US', { style: 'currency', currency: 'CNY' })} · Progress 80.0%`,
    );
  });

  it('labels funnel stages with their conversion', () => {
    const { report: r, rows } = sample('funnel');
    const [s] = seriesOf(toChartOption(r, rows, 'zh-CN'));
    expect(s.sort).toBe('none');
    const data = Array.isArray(s.data) ? s.data.filter(isObject) : [];
    expect(data.map((d) => d.name)).toEqual(['lead', 'deal', 'won']);
    expect(isObject(data[1].label) && data[1].label.formatter).toBe('deal 40\n转化率 40.0%');
  });

  it('normalises provinces on the China map and sums duplicates', () => {
    const { report: r, rows } = sample('map_china');
    const [s] = seriesOf(toChartOption(r, rows, 'zh-CN'));
    expect(s.map).toBe('china');
    const data = Array.isArray(s.data) ? s.data.filter(isObject) : [];
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['广东省', 5],
      ['浙江省', 1],
    ]);
  });

  it('builds an indicator card with previous period and target', () => {
    const { report: r, rows } = sample('indicator');
    const option = toChartOption(r, rows, 'en-US');
    expect(option.tessera).toMatchObject({
      value: 1500,
      previous: 1000,
      change: 0.5,
      target: 2000,
      progress: 0.75,
      trend: 'up',
    });
    expect(isObject(option.title) && option.title.subtext).toContain('+50.0%');
  });

  it('builds a pivot table with totals', () => {
    const { report: r, rows } = sample('pivot');
    const option = toChartOption(r, rows, 'en-US');
    expect(option.tessera).toMatchObject({
      kind: 'pivot',
      rowHeaders: [['华东'], ['Total']],
      columnHeaders: [['won'], ['lost'], ['Total']],
      values: [
        [2, 1, 3],
        [2, 1, 3],
      ],
    });
  });

  it('formats numbers per locale', () => {
    expect(formatNumber(1234567.5, 'en-US')).toBe('1,234,567.5');
    expect(formatNumber(1234.5, 'zh-CN', { style: 'currency', currency: 'CNY' })).toBe('¥1,234.50');
    expect(formatNumber(0.256, 'en-US', { style: 'percent' })).toBe('25.6%');
    expect(formatNumber(null, 'en-US')).toBe('–');
  });
});
