import type { DashboardDefinition, DashboardFilter, DashboardItem, Locale } from '@tessera/schema';
import { bi, pick, type Bilingual } from './app-template';

/** The date field each report is filtered by when the dashboard's period filter is set. */
const DATE_FIELD: Record<string, string> = {
  crm_revenue_this_month: 'signed_on',
  crm_sales_vs_target: 'signed_on',
  crm_rep_vs_target: 'signed_on',
  crm_leaderboard: 'signed_on',
  crm_acv: 'signed_on',
  crm_acv_this_year: 'signed_on',
  crm_ltv_by_tier: 'signed_on',
  crm_ltv_by_industry: 'signed_on',
  crm_pipeline_funnel: 'opened_on',
  crm_pipeline_by_stage: 'opened_on',
  crm_win_loss: 'closed_on',
  crm_loss_reasons: 'closed_on',
  crm_sales_cycle: 'closed_on',
  crm_customers_by_region: 'created_at',
  crm_customers_by_industry: 'created_at',
  crm_customers_by_source: 'created_at',
  crm_customers_by_tier: 'created_at',
  crm_rfm_distribution: 'created_at',
  crm_leads_by_source: 'created_at',
  crm_public_pool: 'created_at',
  crm_receivables: 'plan_date',
  crm_overdue_total: 'plan_date',
  crm_receivables_by_customer: 'plan_date',
};

/** A grid row by row: each entry is [reportKey, width, height]; rows are stacked top to bottom. */
function grid(rows: [string, number, number][][]): DashboardItem[] {
  const items: DashboardItem[] = [];
  let y = 0;
  for (const row of rows) {
    let x = 0;
    for (const [reportKey, w, h] of row) {
      items.push({ reportKey, x, y, w, h });
      x += w;
    }
    y += Math.max(...row.map(([, , h]) => h));
  }
  return items;
}

function filters(items: DashboardItem[], locale: Locale, withOwner: boolean): DashboardFilter[] {
  const keys = [...new Set(items.map((i) => i.reportKey))];
  const out: DashboardFilter[] = [
    {
      key: 'period',
      label: pick(bi('期间', 'Period'), locale),
      type: 'date_range',
      mappings: Object.fromEntries(keys.map((k) => [k, DATE_FIELD[k]])),
    },
  ];
  if (withOwner)
    out.push({
      key: 'owner',
      label: pick(bi('负责人', 'Owner'), locale),
      type: 'owner',
      mappings: Object.fromEntries(keys.map((k) => [k, 'owner_id'])),
    });
  return out;
}

const DASHBOARDS: { key: string; title: Bilingual; rows: [string, number, number][][]; owner: boolean }[] = [
  {
    key: 'crm_sales_dashboard',
    title: bi('销售业绩看板', 'Sales performance'),
    owner: true,
    rows: [
      [
        ['crm_revenue_this_month', 8, 4],
        ['crm_acv_this_year', 8, 4],
        ['crm_overdue_total', 8, 4],
      ],
      [
        ['crm_sales_vs_target', 14, 9],
        ['crm_rep_vs_target', 10, 9],
      ],
      [
        ['crm_leaderboard', 12, 9],
        ['crm_receivables', 12, 9],
      ],
      [['crm_receivables_by_customer', 24, 8]],
    ],
  },
  {
    key: 'crm_pipeline_dashboard',
    title: bi('销售漏斗与赢输分析', 'Pipeline, win & loss'),
    owner: true,
    rows: [
      [
        ['crm_pipeline_funnel', 10, 10],
        ['crm_pipeline_by_stage', 14, 10],
      ],
      [
        ['crm_win_loss', 14, 9],
        ['crm_loss_reasons', 10, 9],
      ],
      [
        ['crm_sales_cycle', 12, 8],
        ['crm_acv', 12, 8],
      ],
    ],
  },
  {
    key: 'crm_customer_dashboard',
    title: bi('客户洞察', 'Customer insight'),
    owner: false,
    rows: [
      [
        ['crm_customers_by_region', 14, 11],
        ['crm_customers_by_tier', 10, 11],
      ],
      [
        ['crm_customers_by_industry', 8, 9],
        ['crm_customers_by_source', 8, 9],
        ['crm_public_pool', 8, 9],
      ],
      [
        ['crm_ltv_by_tier', 12, 9],
        ['crm_ltv_by_industry', 12, 9],
      ],
      [
        ['crm_rfm_distribution', 12, 8],
        ['crm_leads_by_source', 12, 8],
      ],
    ],
  },
];

/** The CRM dashboards (names and filter labels in the given language). */
export function crmDashboards(locale: Locale): DashboardDefinition[] {
  return DASHBOARDS.map((d) => {
    const items = grid(d.rows);
    return {
      key: d.key,
      name: pick(d.title, locale),
      items,
      filters: filters(items, locale, d.owner),
      crossFilter: true,
      refreshSeconds: 300,
    };
  });
}
