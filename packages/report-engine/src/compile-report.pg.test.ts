import { Client } from 'pg';
import type { Condition, ReportDefinition } from '@tessera/schema';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { compileDrillDownIds } from './compile-drill-records';
import { compileReport } from './compile-report';
import { drillDownCondition } from './drill-down';
import { drillPointFromRow } from './drill-point';
import { ReportFieldNotReadableError } from './errors';
import {
  ctx,
  generate,
  load,
  OWNERS,
  sources,
  STAGES,
  type CrmData,
  type Opportunity,
} from './test-support/crm-fixture';

let db: TestDatabase;
let client: Client;
let data: CrmData;
let live: Opportunity[];

beforeAll(async () => {
  db = await createTestDatabase('report');
  client = new Client({ connectionString: db.url });
  await client.connect();
  data = generate();
  await load(client, data);
  live = data.opportunities.filter((o) => !o.deleted);
});

afterAll(async () => {
  await client.end();
  await db.drop();
});

type Row = Record<string, unknown>;

async function run(
  report: ReportDefinition,
  scope: Parameters<typeof compileReport>[2] = {},
  dashboardFilters: Condition[] = [],
): Promise<Row[]> {
  const stmt = compileReport(report, sources, scope, dashboardFilters, ctx);
  const { rows } = await client.query<Row>(stmt.text, stmt.values);
  return rows;
}

async function drillCount(report: ReportDefinition, row: Row, rows: Row[], scope = {}): Promise<number> {
  const condition = drillDownCondition(report, drillPointFromRow(report, row, rows), { ctx, sources });
  const stmt = compileDrillDownIds(report, sources, scope, [], condition, ctx, { limit: 100000 });
  const res = await client.query(stmt.text, stmt.values);
  return res.rowCount ?? 0;
}

function groupBy<K>(items: Opportunity[], key: (o: Opportunity) => K): Map<K, Opportunity[]> {
  const m = new Map<K, Opportunity[]>();
  for (const o of items) m.set(key(o), [...(m.get(key(o)) ?? []), o]);
  return m;
}
const sumCents = (os: Opportunity[]): number => os.reduce((s, o) => s + o.cents, 0);
const shanghaiMonth = (d: Date): string => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)}-01`;

const base = { source: { form: 'opportunities' }, chart: { type: 'column' } } as const;

describe('compileReport on PostgreSQL', () => {
  it('buckets date-times by month in Asia/Shanghai, with running total and percent of total', async () => {
    const report: ReportDefinition = {
      ...base,
      key: 'by_month',
      name: 'By month',
      dimensions: [{ field: 'signed_at', bucket: 'month' }],
      measures: [
        { aggregate: 'count', as: 'n', percentOfTotal: true },
        { field: 'amount', aggregate: 'sum', as: 'total', runningTotal: true },
      ],
    };
    const rows = await run(report);
    const expected = [...groupBy(live, (o) => shanghaiMonth(o.signed_at))].sort(([a], [b]) => a.localeCompare(b));
    expect(rows.map((r) => r.d0)).toEqual(expected.map(([k]) => k));
    let running = 0;
    rows.forEach((r, i) => {
      const os = expected[i][1];
      running += sumCents(os);
      expect(r.n).toBe(os.length);
      expect(r.total as number).toBeCloseTo(sumCents(os) / 100, 2);
      expect(r.total_running as number).toBeCloseTo(running / 100, 2);
      expect(r.n_pct as number).toBeCloseTo(os.length / live.length, 10);
    });
    // the boundary rows really do land in the Shanghai month, not the UTC one
    const utcDiffers = live.filter((o) => shanghaiMonth(o.signed_at) !== `${o.signed_at.toISOString().slice(0, 7)}-01`);
    expect(utcDiffers.length).toBeGreaterThan(10);
    for (const r of rows.slice(0, 4)) expect(await drillCount(report, r, rows)).toBe(r.n);
  });

  it('keeps the top N regions and folds the rest into "other"; drill-down selects exactly each bar', async () => {
    const report: ReportDefinition = {
      ...base,
      key: 'top_regions',
      name: 'Top regions',
      dimensions: [{ field: 'region', topN: { n: 3, other: true } }],
      measures: [{ aggregate: 'count', as: 'n' }],
    };
    const rows = await run(report);
    const counts = groupBy(live, (o) => o.region);
    const top = rows.filter((r) => r.d0_other === false && r.d0 !== null);
    const other = rows.find((r) => r.d0_other === true);
    const empty = rows.find((r) => r.d0 === null && r.d0_other === false);
    expect(top).toHaveLength(3);
    const topCounts = top.map((r) => counts.get(r.d0 as string)?.length);
    expect(top.map((r) => r.n)).toEqual(topCounts);
    const rest = [...counts].filter(([k]) => k !== null && !top.some((r) => r.d0 === k));
    for (const [, os] of rest) expect(os.length).toBeLessThanOrEqual(Math.min(...top.map((r) => r.n as number)));
    expect(other?.n).toBe(rest.reduce((s, [, os]) => s + os.length, 0));
    expect(empty?.n).toBe(counts.get(null)?.length);
    expect(rows[rows.length - 1]).toBe(other);
    for (const r of rows) expect(await drillCount(report, r, rows)).toBe(r.n);
  });

  it('drops the rest without "other" and honours sort and limit', async () => {
    const rows = await run({
      ...base,
      key: 'top2',
      name: 'Top 2',
      dimensions: [{ field: 'stage', topN: { n: 2, other: false } }],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'total' }],
    });
    const sums = [...groupBy(live, (o) => o.stage)]
      .map(([k, os]) => [k, sumCents(os)] as const)
      .sort((a, b) => b[1] - a[1]);
    expect(rows.map((r) => r.d0)).toEqual(sums.slice(0, 2).map(([k]) => k));
  });

  it('computes a funnel with stage-to-stage conversion in the given order', async () => {
    const stages = STAGES.filter((s) => s !== 'lost');
    const rows = await run({
      ...base,
      key: 'funnel',
      name: 'Funnel',
      dimensions: [],
      measures: [{ aggregate: 'count', as: 'n' }],
      chart: { type: 'funnel' },
      funnel: { stageField: 'stage', stages, amountField: 'amount' },
    });
    const counts = stages.map((s) => live.filter((o) => o.stage === s).length);
    const reached = counts.map((_, i) => counts.slice(i).reduce((a, b) => a + b, 0));
    expect(rows.map((r) => r.d0)).toEqual(stages);
    expect(rows.map((r) => r.count)).toEqual(counts);
    expect(rows.map((r) => r.value)).toEqual(reached);
    rows.forEach((r, i) => {
      if (i === 0) expect(r.conversion).toBeNull();
      else expect(r.conversion as number).toBeCloseTo(reached[i] / reached[i - 1], 10);
      expect(r.overall_conversion as number).toBeCloseTo(reached[i] / reached[0], 10);
      const cents = sumCents(live.filter((o) => o.stage === stages[i]));
      expect(r.amount as number).toBeCloseTo(cents / 100, 2);
    });
  });

  it('joins targets by period and owner (targets vs actuals)', async () => {
    const rows = await run({
      ...base,
      key: 'target',
      name: 'Target',
      dimensions: [{ field: 'closed_at', bucket: 'month' }, { field: 'owner_id' }],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'total' }],
      target: {
        targetForm: 'targets',
        periodField: 'period',
        ownerField: 'owner',
        valueField: 'value',
        matchBy: 'owner',
      },
    });
    expect(rows).toHaveLength(12 * OWNERS.length);
    for (const t of data.targets) {
      const row = rows.find((r) => r.d0 === t.period && r.d1 === t.owner);
      const actual = sumCents(
        live.filter((o) => o.owner_id === t.owner && o.closed_at.slice(0, 7) === t.period.slice(0, 7)),
      );
      expect(row?.target_value as number).toBeCloseTo(t.cents / 100, 2);
      expect(row?.total as number).toBeCloseTo(actual / 100, 2);
      expect(row?.target_progress as number).toBeCloseTo(actual / t.cents, 8);
    }
  });

  it('builds an indicator: value, previous period, change and target progress', async () => {
    const [row, ...more] = await run({
      ...base,
      key: 'kpi',
      name: 'KPI',
      dimensions: [],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'total' }],
      chart: { type: 'indicator' },
      compare: { previousPeriod: true, dateField: 'closed_at', period: { period: 'this_month' } },
      target: {
        targetForm: 'targets',
        periodField: 'period',
        ownerField: 'owner',
        valueField: 'value',
        matchBy: 'owner',
      },
    });
    expect(more).toHaveLength(0);
    const june = sumCents(live.filter((o) => o.closed_at.startsWith('2024-06')));
    const may = sumCents(live.filter((o) => o.closed_at.startsWith('2024-05')));
    const target = data.targets.filter((t) => t.period === '2024-06-01').reduce((s, t) => s + t.cents, 0);
    expect(row.total as number).toBeCloseTo(june / 100, 2);
    expect(row.total_prev as number).toBeCloseTo(may / 100, 2);
    expect(row.total_change as number).toBeCloseTo((june - may) / may, 8);
    expect(row.target_value as number).toBeCloseTo(target / 100, 2);
    expect(row.target_progress as number).toBeCloseTo(june / target, 8);
  });

  it('compares the previous period per dimension on a date-time field', async () => {
    const rows = await run({
      ...base,
      key: 'cmp',
      name: 'Compare',
      dimensions: [{ field: 'stage' }],
      measures: [{ aggregate: 'count', as: 'n' }],
      compare: { previousPeriod: true, dateField: 'signed_at', period: { period: 'this_quarter' } },
    });
    for (const r of rows) {
      const of = (month: string[]): number =>
        live.filter((o) => o.stage === r.d0 && month.includes(shanghaiMonth(o.signed_at).slice(5, 7))).length;
      expect(r.n).toBe(of(['04', '05', '06']));
      expect(r.n_prev).toBe(of(['01', '02', '03']));
    }
  });

  it('produces pivot subtotals with ROLLUP', async () => {
    const rows = await run({
      ...base,
      key: 'pivot',
      name: 'Pivot',
      dimensions: [{ field: 'region' }, { field: 'stage' }],
      measures: [
        { aggregate: 'count', as: 'n' },
        { field: 'customer_id', aggregate: 'count_distinct', as: 'customers' },
      ],
      chart: { type: 'pivot' },
      pivot: { rows: ['region'], columns: ['stage'], subtotals: true },
    });
    const grand = rows.find((r) => r.d0_total === true && r.d1_total === true);
    expect(grand?.n).toBe(live.length);
    expect(grand?.customers).toBe(new Set(live.map((o) => o.customer_id).filter(Boolean)).size);
    for (const [region, os] of groupBy(live, (o) => o.region)) {
      const sub = rows.find((r) => r.d0_total === false && r.d0 === region && r.d1_total === true);
      expect(sub?.n).toBe(os.length);
    }
    for (const [stage, os] of groupBy(live, (o) => o.stage)) {
      const sub = rows.find((r) => r.d0_total === true && r.d1 === stage && r.d1_total === false);
      expect(sub?.n).toBe(os.length);
    }
    const detail = rows.filter((r) => r.d0_total === false && r.d1_total === false);
    expect(detail.reduce((s, r) => s + (r.n as number), 0)).toBe(live.length);
  });

  it('rolls pivot subtotals up from one grouped pass, equal to ROLLUP over the records', async () => {
    const pivot = (extra: ReportDefinition['measures'], filters?: Condition): ReportDefinition => ({
      ...base,
      key: 'pivot_rolled',
      name: 'Pivot',
      filters,
      dimensions: [{ field: 'region' }, { field: 'closed_at', bucket: 'quarter' }],
      measures: [
        { aggregate: 'count', as: 'n' },
        { field: 'amount', aggregate: 'sum', as: 'total' },
        { field: 'amount', aggregate: 'min', as: 'low' },
        { field: 'closed_at', aggregate: 'max', as: 'last' },
        ...extra,
      ],
      chart: { type: 'pivot' },
      pivot: { rows: ['region'], columns: ['closed_at'], subtotals: true },
    });
    // count_distinct cannot be rolled up: that report takes the direct ROLLUP over the records
    const direct = [{ field: 'customer_id', aggregate: 'count_distinct', as: 'customers' }] as const;
    const rolledUp = await run(pivot([]));
    const reference = (await run(pivot([...direct]))).map(({ customers: _customers, ...r }) => r);
    expect(compileReport(pivot([]), sources, {}, [], ctx).text).toContain('GROUP BY "k"."d0", "k"."d1"');
    expect(rolledUp).toEqual(reference);
    const grand = rolledUp.find((r) => r.d0_total === true && r.d1_total === true);
    expect(grand?.total as number).toBeCloseTo(sumCents(live) / 100, 2);

    const none: Condition = { field: 'stage', op: 'eq', value: 'no such stage' };
    const empty = await run(pivot([], none));
    expect(empty).toEqual((await run(pivot([...direct], none))).map(({ customers: _customers, ...r }) => r));
    expect(empty).toEqual([
      { d0: null, d0_total: true, d1: null, d1_total: true, n: 0, total: null, low: null, last: null },
    ]);
  });

  it('applies the data scope inside the SQL, and dashboard filters', async () => {
    const report: ReportDefinition = {
      ...base,
      key: 'mine',
      name: 'Mine',
      dimensions: [{ field: 'stage' }],
      measures: [{ aggregate: 'count', as: 'n' }],
    };
    const scope = { condition: { field: 'owner_id', op: 'eq', value: { $var: 'me' } } as Condition };
    const rows = await run(report, scope, [{ field: 'closed_at', op: 'between', value: ['2024-03-01', '2024-08-31'] }]);
    const mine = live.filter(
      (o) => o.owner_id === ctx.userId && o.closed_at >= '2024-03-01' && o.closed_at <= '2024-08-31',
    );
    for (const [stage, os] of groupBy(mine, (o) => o.stage))
      expect(rows.find((r) => r.d0 === stage)?.n).toBe(os.length);
    expect(rows.reduce((s, r) => s + (r.n as number), 0)).toBe(mine.length);
  });

  it('groups by a field reached through a relation (customer province), live customers only', async () => {
    const report: ReportDefinition = {
      ...base,
      key: 'by_province',
      name: 'By province',
      dimensions: [{ field: 'customer_id.province' }],
      measures: [
        { field: 'amount', aggregate: 'avg', as: 'avg_amount' },
        { aggregate: 'count', as: 'n' },
      ],
    };
    const rows = await run(report);
    const customers = new Map(data.customers.filter((c) => !c.deleted).map((c) => [c.id, c.province]));
    const expected = groupBy(live, (o) => (o.customer_id ? (customers.get(o.customer_id) ?? null) : null));
    expect(rows).toHaveLength(expected.size);
    for (const [province, os] of expected) {
      const row = rows.find((r) => r.d0 === province);
      expect(row?.n).toBe(os.length);
      expect(row?.avg_amount as number).toBeCloseTo(sumCents(os) / os.length / 100, 6);
    }
    for (const r of rows) expect(await drillCount(report, r, rows)).toBe(r.n);
  });

  it('refuses a report over a field the user may not read, naming it', () => {
    const report: ReportDefinition = {
      ...base,
      key: 'secret',
      name: 'Secret',
      dimensions: [{ field: 'stage' }],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'total' }],
    };
    const readableFields = new Set(['stage', 'owner_id', 'closed_at']);
    expect(() => compileReport(report, sources, { readableFields }, [], ctx)).toThrow(ReportFieldNotReadableError);
    expect(() => compileReport(report, sources, { readableFields }, [], ctx)).toThrow(/"amount"/);
    const viaFilter = { ...report, measures: [{ aggregate: 'count', as: 'n' }] } as ReportDefinition;
    expect(() =>
      compileReport(viaFilter, sources, { readableFields }, [{ field: 'region', op: 'eq', value: '华东' }], ctx),
    ).toThrow(/"region"/);
    expect(() => compileReport(viaFilter, sources, { readableFields }, [], ctx)).not.toThrow();
  });
});
