import type { Condition, Locale, MeasureFormat, ReportDefinition } from '@tessera/schema';
import { bi, pick, type Bilingual } from './app-template';
import { FUNNEL_STAGES, OPEN_STAGES } from './crm-options';

const CNY: MeasureFormat = { style: 'currency', currency: 'CNY', decimals: 0 };
const LAST_12_MONTHS = (field: string): Condition => ({
  field,
  op: 'within',
  value: { period: 'last_n_days', n: 365 },
});
const THIS_YEAR = { period: 'this_year' } as const;
const LIVE_CONTRACT: Condition = { field: 'status', op: 'ne', value: 'terminated' };
const TARGET = {
  targetForm: 'sales_targets',
  periodField: 'period',
  ownerField: 'sales_rep',
  valueField: 'target_amount',
  matchBy: 'owner',
} as const;

type Draft = Omit<ReportDefinition, 'name'> & { title: Bilingual };

/**
 * The CRM reports (seed 000 "data-driven dashboard": funnel conversion, ACV, LTV, sales cycle, win/loss with
 * reasons; seed 001: performance vs target, customer portrait by region/industry/source). Every aggregate runs
 * in the database; dashboards place them.
 */
const REPORTS: Draft[] = [
  {
    key: 'crm_revenue_this_month',
    title: bi('本月签约额', 'Bookings this month'),
    source: { form: 'contracts' },
    filters: LIVE_CONTRACT,
    dimensions: [],
    measures: [{ field: 'amount', aggregate: 'sum', as: 'revenue', format: CNY }],
    compare: { previousPeriod: true, dateField: 'signed_on', period: { period: 'this_month' } },
    chart: { type: 'indicator' },
  },
  {
    key: 'crm_sales_vs_target',
    title: bi('销售业绩 vs 目标（按月）', 'Bookings vs target by month'),
    source: { form: 'contracts' },
    filters: { and: [LIVE_CONTRACT, LAST_12_MONTHS('signed_on')] },
    dimensions: [{ field: 'signed_on', bucket: 'month' }],
    measures: [{ field: 'amount', aggregate: 'sum', as: 'revenue', format: CNY }],
    target: TARGET,
    sort: [{ by: 'signed_on', direction: 'asc' }],
    chart: { type: 'combo', options: { showLabels: false } },
  },
  {
    key: 'crm_rep_vs_target',
    title: bi('销售目标达成（本年，按人）', 'Target attainment this year by rep'),
    source: { form: 'contracts' },
    filters: LIVE_CONTRACT,
    dimensions: [{ field: 'owner_id' }],
    measures: [{ field: 'amount', aggregate: 'sum', as: 'revenue', format: CNY }],
    target: TARGET,
    compare: { previousPeriod: true, dateField: 'signed_on', period: THIS_YEAR },
    sort: [{ by: 'revenue', direction: 'desc' }],
    chart: { type: 'bar' },
  },
  {
    key: 'crm_leaderboard',
    title: bi('销售排行榜（近 12 个月）', 'Leaderboard (last 12 months)'),
    source: { form: 'contracts' },
    filters: { and: [LIVE_CONTRACT, LAST_12_MONTHS('signed_on')] },
    dimensions: [{ field: 'owner_id' }],
    measures: [
      { field: 'amount', aggregate: 'sum', as: 'revenue', format: CNY, percentOfTotal: true },
      { aggregate: 'count', as: 'deals' },
      { field: 'amount', aggregate: 'avg', as: 'avg_deal', format: CNY },
    ],
    sort: [{ by: 'revenue', direction: 'desc' }],
    limit: 20,
    chart: { type: 'table' },
  },
  {
    key: 'crm_pipeline_funnel',
    title: bi('销售漏斗转化（近 12 个月）', 'Sales funnel conversion (last 12 months)'),
    source: { form: 'opportunities' },
    filters: LAST_12_MONTHS('opened_on'),
    dimensions: [{ field: 'funnel_stage' }],
    measures: [{ aggregate: 'count', as: 'deals' }],
    funnel: { stageField: 'funnel_stage', stages: [...FUNNEL_STAGES], amountField: 'amount', cumulative: true },
    chart: { type: 'funnel', options: { showConversion: true } },
  },
  {
    key: 'crm_pipeline_by_stage',
    title: bi('在途商机（按阶段，含加权金额）', 'Open pipeline by stage (weighted)'),
    source: { form: 'opportunities' },
    filters: { field: 'stage', op: 'in', value: [...OPEN_STAGES] },
    dimensions: [{ field: 'stage' }],
    measures: [
      { field: 'amount', aggregate: 'sum', as: 'amount', format: CNY },
      { field: 'weighted_amount', aggregate: 'sum', as: 'weighted', format: CNY },
      { aggregate: 'count', as: 'deals' },
    ],
    chart: { type: 'combo', options: { lineMeasures: ['deals'] } },
  },
  {
    key: 'crm_win_loss',
    title: bi('赢单 / 输单（按月）', 'Won vs lost by month'),
    source: { form: 'opportunities' },
    filters: { and: [{ field: 'stage', op: 'in', value: ['won', 'lost'] }, LAST_12_MONTHS('closed_on')] },
    dimensions: [{ field: 'closed_on', bucket: 'month' }, { field: 'stage' }],
    measures: [{ aggregate: 'count', as: 'deals' }],
    chart: { type: 'stacked_column' },
  },
  {
    key: 'crm_loss_reasons',
    title: bi('输单原因分析', 'Loss reasons'),
    source: { form: 'opportunities' },
    filters: { field: 'stage', op: 'eq', value: 'lost' },
    dimensions: [{ field: 'loss_reason' }],
    measures: [
      { aggregate: 'count', as: 'deals', percentOfTotal: true },
      { field: 'amount', aggregate: 'sum', as: 'amount', format: CNY },
    ],
    sort: [{ by: 'deals', direction: 'desc' }],
    chart: { type: 'donut', options: { showPercent: true } },
  },
  {
    key: 'crm_acv',
    title: bi('平均客单价 ACV（按季度）', 'Average contract value by quarter'),
    source: { form: 'contracts' },
    filters: LIVE_CONTRACT,
    dimensions: [{ field: 'signed_on', bucket: 'quarter' }],
    measures: [
      { field: 'amount', aggregate: 'avg', as: 'acv', format: CNY },
      { aggregate: 'count', as: 'contracts' },
    ],
    sort: [{ by: 'signed_on', direction: 'asc' }],
    chart: { type: 'combo', options: { lineMeasures: ['acv'] } },
  },
  {
    key: 'crm_acv_this_year',
    title: bi('本年平均客单价', 'ACV this year'),
    source: { form: 'contracts' },
    filters: LIVE_CONTRACT,
    dimensions: [],
    measures: [{ field: 'amount', aggregate: 'avg', as: 'acv', format: CNY }],
    compare: { previousPeriod: true, dateField: 'signed_on', period: THIS_YEAR },
    chart: { type: 'indicator' },
  },
  {
    key: 'crm_ltv_by_tier',
    title: bi('客户生命周期价值（按分级）', 'Lifetime value by tier'),
    source: { form: 'contracts' },
    filters: LIVE_CONTRACT,
    dimensions: [{ field: 'customer.tier' }],
    measures: [
      { field: 'amount', aggregate: 'sum', as: 'revenue', format: CNY },
      { field: 'customer', aggregate: 'count_distinct', as: 'customers' },
    ],
    chart: { type: 'combo', options: { lineMeasures: ['customers'] } },
  },
  {
    key: 'crm_ltv_by_industry',
    title: bi('客户价值（按行业）', 'Customer value by industry'),
    source: { form: 'contracts' },
    filters: LIVE_CONTRACT,
    dimensions: [{ field: 'customer.industry' }],
    measures: [
      { field: 'amount', aggregate: 'sum', as: 'revenue', format: CNY },
      { field: 'customer', aggregate: 'count_distinct', as: 'customers' },
    ],
    sort: [{ by: 'revenue', direction: 'desc' }],
    chart: { type: 'bar' },
  },
  {
    key: 'crm_sales_cycle',
    title: bi('平均销售周期（天，按月）', 'Average sales cycle (days) by month'),
    source: { form: 'opportunities' },
    filters: { and: [{ field: 'stage', op: 'eq', value: 'won' }, LAST_12_MONTHS('closed_on')] },
    dimensions: [{ field: 'closed_on', bucket: 'month' }],
    measures: [
      { field: 'cycle_days', aggregate: 'avg', as: 'avg_cycle', format: { style: 'number', decimals: 0 } },
      { aggregate: 'count', as: 'won' },
    ],
    sort: [{ by: 'closed_on', direction: 'asc' }],
    chart: { type: 'line', options: { smooth: true } },
  },
  {
    key: 'crm_customers_by_region',
    title: bi('客户地域分布', 'Customers by province'),
    source: { form: 'customers' },
    dimensions: [{ field: 'region' }],
    measures: [{ aggregate: 'count', as: 'customers' }],
    chart: { type: 'map_china' },
  },
  {
    key: 'crm_customers_by_industry',
    title: bi('客户行业分布', 'Customers by industry'),
    source: { form: 'customers' },
    dimensions: [{ field: 'industry' }],
    measures: [{ aggregate: 'count', as: 'customers', percentOfTotal: true }],
    sort: [{ by: 'customers', direction: 'desc' }],
    chart: { type: 'pie', options: { showPercent: true } },
  },
  {
    key: 'crm_customers_by_source',
    title: bi('客户来源渠道', 'Customers by source'),
    source: { form: 'customers' },
    dimensions: [{ field: 'source' }],
    measures: [{ aggregate: 'count', as: 'customers', percentOfTotal: true }],
    sort: [{ by: 'customers', direction: 'desc' }],
    chart: { type: 'donut', options: { showPercent: true } },
  },
  {
    key: 'crm_customers_by_tier',
    title: bi('客户分级', 'Customers by tier'),
    source: { form: 'customers' },
    dimensions: [{ field: 'tier' }],
    measures: [{ aggregate: 'count', as: 'customers', percentOfTotal: true }],
    chart: { type: 'donut', options: { showPercent: true } },
  },
  {
    key: 'crm_rfm_distribution',
    title: bi('RFM 总分分布', 'RFM score distribution'),
    source: { form: 'customers' },
    filters: { field: 'rfm_total', op: 'isNotEmpty' },
    dimensions: [{ field: 'rfm_total' }],
    measures: [{ aggregate: 'count', as: 'customers' }],
    sort: [{ by: 'rfm_total', direction: 'asc' }],
    chart: { type: 'column' },
  },
  {
    key: 'crm_leads_by_source',
    title: bi('新增线索（按月、来源）', 'New leads by month and source'),
    source: { form: 'leads' },
    filters: LAST_12_MONTHS('created_at'),
    dimensions: [{ field: 'created_at', bucket: 'month' }, { field: 'source' }],
    measures: [{ aggregate: 'count', as: 'leads' }],
    chart: { type: 'stacked_column' },
  },
  {
    key: 'crm_public_pool',
    title: bi('公海线索数', 'Leads in the public pool'),
    source: { form: 'leads' },
    filters: { field: 'in_public_pool', op: 'eq', value: true },
    dimensions: [],
    measures: [{ aggregate: 'count', as: 'leads' }],
    chart: { type: 'indicator' },
  },
  {
    key: 'crm_receivables',
    title: bi('应收回款（按计划月份）', 'Receivables by planned month'),
    source: { form: 'payments' },
    filters: { field: 'status', op: 'in', value: ['planned', 'overdue'] },
    dimensions: [{ field: 'plan_date', bucket: 'month' }, { field: 'status' }],
    measures: [{ field: 'amount', aggregate: 'sum', as: 'receivable', format: CNY }],
    chart: { type: 'stacked_column' },
  },
  {
    key: 'crm_overdue_total',
    title: bi('逾期应收', 'Overdue receivables'),
    source: { form: 'payments' },
    filters: { field: 'status', op: 'eq', value: 'overdue' },
    dimensions: [],
    measures: [{ field: 'amount', aggregate: 'sum', as: 'overdue', format: CNY }],
    chart: { type: 'indicator' },
  },
  {
    key: 'crm_receivables_by_customer',
    title: bi('应收账款 Top 10 客户', 'Top 10 customers by receivables'),
    source: { form: 'payments' },
    filters: { field: 'status', op: 'in', value: ['planned', 'overdue'] },
    dimensions: [{ field: 'contract.customer.name', topN: { n: 10, other: false } }],
    measures: [{ field: 'amount', aggregate: 'sum', as: 'receivable', format: CNY }],
    sort: [{ by: 'receivable', direction: 'desc' }],
    chart: { type: 'bar' },
  },
];

/** The CRM reports with names in the given language. */
export function crmReports(locale: Locale): ReportDefinition[] {
  return REPORTS.map(({ title, ...report }) => ({ ...report, name: pick(title, locale) }));
}
