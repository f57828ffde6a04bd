import type { DashboardDefinition, DashboardFilterValue, ReportDefinition, ValueKind } from '@tessera/schema';
import { crossFilterCondition, dashboardFilterConditions } from './dashboard-filters';
import { drillDownCondition } from './drill-down';
import { drillPointFromRow } from './drill-point';
import { ctx, sources } from './test-support/crm-fixture';

const report: ReportDefinition = {
  key: 'r',
  name: 'R',
  source: { form: 'opportunities' },
  filters: { field: 'stage', op: 'ne', value: 'lost' },
  dimensions: [
    { field: 'closed_at', bucket: 'month' },
    { field: 'region', topN: { n: 2, other: true } },
  ],
  measures: [{ aggregate: 'count', as: 'n' }],
  chart: { type: 'stacked_column' },
};

describe('drillDownCondition', () => {
  it('turns a month bucket into a between range and "other" into notIn the top values', () => {
    const rows = [
      { d0: '2024-02-01', d1: '华东', d1_other: false, n: 1 },
      { d0: '2024-02-01', d1: '华南', d1_other: false, n: 1 },
      { d0: '2024-02-01', d1: null, d1_other: true, n: 4 },
    ];
    expect(drillDownCondition(report, drillPointFromRow(report, rows[2], rows))).toEqual({
      and: [
        { field: 'stage', op: 'ne', value: 'lost' },
        { field: 'closed_at', op: 'between', value: ['2024-02-01', '2024-02-29'] },
        { field: 'region', op: 'isNotEmpty' },
        { field: 'region', op: 'notIn', value: ['华东', '华南'] },
      ],
    });
  });

  it('uses instants in the tenant time zone for date-time buckets', () => {
    const r: ReportDefinition = {
      ...report,
      filters: undefined,
      dimensions: [{ field: 'signed_at', bucket: 'quarter' }],
    };
    expect(drillDownCondition(r, { dimensionValues: ['2024-04-01'] }, { ctx, sources })).toEqual({
      and: [
        {
          and: [
            { field: 'signed_at', op: 'gte', value: '2024-03-31T16:00:00.000Z' },
            { field: 'signed_at', op: 'lt', value: '2024-06-30T16:00:00.000Z' },
          ],
        },
      ],
    });
  });

  it('drills a cumulative funnel stage into that stage and the later ones', () => {
    const f: ReportDefinition = {
      ...report,
      filters: undefined,
      funnel: { stageField: 'stage', stages: ['a', 'b', 'c'] },
    };
    expect(drillDownCondition(f, { dimensionValues: ['b'] })).toEqual({
      and: [{ field: 'stage', op: 'in', value: ['b', 'c'] }],
    });
  });
});

describe('dashboard filters', () => {
  const dashboard: DashboardDefinition = {
    key: 'd',
    name: 'D',
    items: [{ reportKey: 'r', x: 0, y: 0, w: 12, h: 6 }],
    filters: [
      { key: 'period', label: 'Period', type: 'date_range', mappings: { r: 'signed_at', other: 'closed_at' } },
      { key: 'owner', label: 'Owner', type: 'owner', mappings: { r: 'owner_id' } },
    ],
    crossFilter: true,
    refreshSeconds: 60,
  };

  it('maps filter values onto each report field', () => {
    const values: Record<string, DashboardFilterValue> = {
      period: { type: 'date_range', from: '2024-01-01', to: '2024-01-31' },
      owner: { type: 'owner', userIds: ['u1'] },
    };
    const kindOf = (f: string): ValueKind => (f === 'signed_at' ? 'datetime' : 'date');
    expect(dashboardFilterConditions(dashboard, 'r', values, { timeZone: 'Asia/Shanghai', kindOf })).toEqual([
      {
        and: [
          { field: 'signed_at', op: 'gte', value: '2023-12-31T16:00:00.000Z' },
          { field: 'signed_at', op: 'lt', value: '2024-01-31T16:00:00.000Z' },
        ],
      },
      { field: 'owner_id', op: 'in', value: ['u1'] },
    ]);
    expect(dashboardFilterConditions(dashboard, 'other', values, { timeZone: 'Asia/Shanghai' })).toEqual([
      { field: 'closed_at', op: 'between', value: ['2024-01-01', '2024-01-31'] },
    ]);
  });

  it('cross-filters reports that share a dimension', () => {
    const other: ReportDefinition = {
      ...report,
      key: 'o',
      source: { form: 'leads' },
      dimensions: [{ field: 'region' }],
    };
    expect(crossFilterCondition(dashboard, report, { dimensionValues: ['2024-02-01', '华东'] }, other)).toEqual({
      and: [{ field: 'region', op: 'eq', value: '华东' }],
    });
    expect(
      crossFilterCondition({ ...dashboard, crossFilter: false }, report, { dimensionValues: [] }, other),
    ).toBeUndefined();
  });
});
