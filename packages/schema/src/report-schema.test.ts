import Ajv from 'ajv';
import { dashboardDefinitionSchema } from './dashboard-schema';
import { reportConditionSchema, reportDefinitionSchema } from './report-schema';
import type { ReportDefinition } from './report-definition';
import type { DashboardDefinition } from './dashboard-definition';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(reportConditionSchema);
const validateReport = ajv.compile(reportDefinitionSchema);
const validateDashboard = ajv.compile(dashboardDefinitionSchema);

const report: ReportDefinition = {
  key: 'won_by_month',
  name: 'Won by month',
  source: { form: 'opportunities' },
  filters: {
    and: [
      { field: 'stage', op: 'eq', value: 'won' },
      { field: 'customer.region', op: 'isNotEmpty' },
    ],
  },
  dimensions: [
    { field: 'closed_at', bucket: 'month' },
    { field: 'customer.region', topN: { n: 5, other: true } },
  ],
  measures: [{ field: 'amount', aggregate: 'sum', as: 'total', percentOfTotal: true, format: { style: 'currency' } }],
  sort: [{ by: 'total', direction: 'desc' }],
  limit: 100,
  chart: { type: 'combo', options: { lineMeasures: ['total'] } },
  compare: { previousPeriod: true, dateField: 'closed_at', period: { period: 'this_month' } },
};

describe('report and dashboard meta-schemas', () => {
  it('accept a valid report', () => {
    expect(validateReport(report)).toBe(true);
  });

  it.each([
    ['an unknown chart', { ...report, chart: { type: 'pie3d' } }],
    ['an unknown aggregate', { ...report, measures: [{ aggregate: 'median', as: 'm' }] }],
    ['a reserved measure name', { ...report, measures: [{ aggregate: 'count', as: 'd0' }] }],
    ['a bad field path', { ...report, dimensions: [{ field: 'a."b' }] }],
    ['a bad condition', { ...report, filters: { field: 'x', op: 'like' } }],
    ['a missing source', { ...report, source: undefined }],
  ])('refuse %s', (_, doc) => {
    expect(validateReport(doc)).toBe(false);
  });

  it('accept a valid dashboard and refuse a bad one', () => {
    const dashboard: DashboardDefinition = {
      key: 'sales',
      name: 'Sales',
      items: [{ reportKey: 'won_by_month', x: 0, y: 0, w: 12, h: 8 }],
      filters: [{ key: 'period', label: '期间', type: 'date_range', mappings: { won_by_month: 'closed_at' } }],
      crossFilter: true,
      refreshSeconds: 300,
    };
    expect(validateDashboard(dashboard)).toBe(true);
    expect(validateDashboard({ ...dashboard, refreshSeconds: -1 })).toBe(false);
    expect(validateDashboard({ ...dashboard, filters: [{ ...dashboard.filters[0], type: 'weather' }] })).toBe(false);
  });
});
