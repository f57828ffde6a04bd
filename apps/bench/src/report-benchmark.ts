import { createRequire } from 'node:module';
import { Client } from 'pg';
import { ReportRunner } from '../../server/src/reports/report-runner.service';
import { startTestApp, type TestApp } from '../../server/test/test-app';

/**
 * Reports over N records: each chart kind's query through the HTTP API (compile + scope + SQL + chart option +
 * JSON) against the hand-written SQL of the same aggregate on the same connection parameters, median of
 * several runs; and the full load of a 6-chart dashboard. The result cache is off: the database work is
 * what is measured, not a cache hit.
 */
export interface ReportBenchmarkResult {
  name: string;
  apiMs: number;
  sqlMs: number;
  ratio: number;
}

const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
const FUNNEL = STAGES.slice(0, 5);
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: plan caches, buffers
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return Math.round(median(times) * 100) / 100;
}

interface Case {
  name: string;
  definition: Record<string, unknown>;
  /** The same aggregate as a person would write it (table name substituted for $T). */
  sql: string;
  params?: unknown[];
}

function cases(): Case[] {
  const base = { source: { form: 'deals' }, chart: { type: 'bar' } };
  const live = 'FROM $T WHERE deleted_at IS NULL';
  return [
    {
      name: 'bar (count + sum by stage)',
      definition: {
        ...base,
        key: 'b_bar',
        name: 'bar',
        dimensions: [{ field: 'stage' }],
        measures: [
          { aggregate: 'count', as: 'n' },
          { field: 'amount', aggregate: 'sum', as: 'total' },
        ],
      },
      sql: `SELECT stage, count(*)::float8, sum(amount)::float8 ${live} GROUP BY stage ORDER BY stage`,
    },
    {
      name: 'line (count by month)',
      definition: {
        ...base,
        key: 'b_line',
        name: 'line',
        chart: { type: 'line' },
        dimensions: [{ field: 'closed_on', bucket: 'month' }],
        measures: [{ aggregate: 'count', as: 'n' }],
      },
      sql: `SELECT date_trunc('month', closed_on)::date AS m, count(*)::float8 ${live} GROUP BY m ORDER BY m`,
    },
    {
      name: 'pie (share by region)',
      definition: {
        ...base,
        key: 'b_pie',
        name: 'pie',
        chart: { type: 'pie' },
        dimensions: [{ field: 'region' }],
        measures: [{ aggregate: 'count', as: 'n', percentOfTotal: true }],
      },
      sql: `SELECT region, count(*)::float8, count(*)::float8 / sum(count(*)) OVER () ${live} GROUP BY region`,
    },
    {
      name: 'funnel (reached per stage)',
      definition: {
        ...base,
        key: 'b_funnel',
        name: 'funnel',
        chart: { type: 'funnel' },
        dimensions: [],
        measures: [{ aggregate: 'count', as: 'n' }],
        funnel: { stageField: 'stage', stages: FUNNEL, amountField: 'amount' },
      },
      sql:
        `SELECT stage, n, sum(n) OVER (ORDER BY array_position($1::text[], stage) DESC) AS reached, amount ` +
        `FROM (SELECT stage, count(*)::float8 AS n, sum(amount)::float8 AS amount ${live} AND stage = ANY($1) ` +
        `GROUP BY stage) s ORDER BY array_position($1::text[], stage)`,
      params: [FUNNEL],
    },
    {
      name: 'indicator (sum)',
      definition: {
        ...base,
        key: 'b_kpi',
        name: 'kpi',
        chart: { type: 'indicator' },
        dimensions: [],
        measures: [{ field: 'amount', aggregate: 'sum', as: 'total' }],
      },
      sql: `SELECT sum(amount)::float8 ${live}`,
    },
    {
      name: 'pivot (region × stage, subtotals)',
      definition: {
        ...base,
        key: 'b_pivot',
        name: 'pivot',
        chart: { type: 'pivot' },
        dimensions: [{ field: 'region' }, { field: 'stage' }],
        measures: [{ aggregate: 'count', as: 'n' }],
        pivot: { rows: ['region'], columns: ['stage'], subtotals: true },
      },
      sql: `SELECT region, stage, count(*)::float8 ${live} GROUP BY CUBE (region, stage)`,
    },
  ];
}

/** Starts PostgreSQL like the test run does, unless TESSERA_TEST_ADMIN_URL / DATABASE_URL names one. */
async function ensurePostgres(): Promise<() => Promise<void>> {
  if (process.env.TESSERA_TEST_ADMIN_URL) return async () => undefined;
  // the same embedded PostgreSQL the test run starts (plain JS modules, loaded untyped on purpose)
  const load = createRequire(__filename);
  const setup = load('../../../test/jest-global-setup.js') as () => Promise<void>;
  const teardown = load('../../../test/jest-global-teardown.js') as () => Promise<void>;
  await setup();
  return teardown;
}

async function publishForm(t: TestApp, auth: string, appId: string, key: string, fields: object[]) {
  await t.http.post(`/api/v1/apps/${appId}/forms`).set('authorization', auth).send({ key, name: key, fields });
  const res = await t.http.post(`/api/v1/forms/${key}/publish`).set('authorization', auth).send({ revision: 1 });
  if (res.status >= 300) throw new Error(`publish ${key}: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function runReportBenchmark(options: { rows: number }): Promise<ReportBenchmarkResult[]> {
  const stopPostgres = await ensurePostgres();
  const t = await startTestApp();
  const sql = new Client({ connectionString: t.urls.ownerUrl });
  try {
    const admin = await t.login();
    const me = await t.http.get('/api/v1/me').set('authorization', admin);
    const app = await t.http.post('/api/v1/apps').set('authorization', admin).send({ key: 'bench', name: 'Bench' });
    const appId = app.body.id as string;
    await publishForm(t, admin, appId, 'deals', [
      { key: 'stage', label: 'Stage', type: 'select', options: STAGES.map((s) => ({ value: s, label: s })) },
      { key: 'amount', label: 'Amount', type: 'amount', precision: 2 },
      { key: 'region', label: 'Region', type: 'text' },
      { key: 'closed_on', label: 'Closed on', type: 'date' },
    ]);
    await sql.connect();
    const tenant = await sql.query<{ id: string }>(`SELECT id FROM tenants LIMIT 1`);
    const table = `"t_${tenant.rows[0].id.replace(/-/g, '')}".deals`;
    // 5 % soft-deleted, so the live filter has work to do
    await sql.query(
      `INSERT INTO ${table} (stage, amount, region, closed_on, owner_id, created_by, deleted_at)
       SELECT ($2::text[])[1 + g % 6], (g % 100000) / 100.0,
              (ARRAY['华东','华南','华北','西南','西北','东北','华中', NULL])[1 + (g * 7) % 8],
              date '2023-01-01' + (g % 730), $3, $3, CASE WHEN g % 20 = 0 THEN now() END
         FROM generate_series(1, $1) g`,
      [options.rows, STAGES, me.body.id],
    );
    await sql.query(`VACUUM ANALYZE ${table}`);
    t.app.get(ReportRunner).settings.cacheEnabled = false;

    const results: ReportBenchmarkResult[] = [];
    const all = cases();
    for (const c of all) {
      const created = await t.http
        .post(`/api/v1/apps/${appId}/reports`)
        .set('authorization', admin)
        .send({ definition: c.definition });
      if (created.status !== 201) throw new Error(`${c.name}: ${created.status} ${JSON.stringify(created.body)}`);
      const key = String(c.definition.key);
      const apiMs = await timed(async () => {
        const res = await t.http.post(`/api/v1/reports/${key}/run`).set('authorization', admin).send({});
        if (res.status !== 200) throw new Error(`${c.name}: ${res.status} ${JSON.stringify(res.body)}`);
      });
      const sqlMs = await timed(() => sql.query(c.sql.replace('$T', table), c.params ?? []));
      results.push({ name: c.name, apiMs, sqlMs, ratio: Math.round((apiMs / sqlMs) * 100) / 100 });
    }

    const dashboard = {
      key: 'b_dashboard',
      name: 'Dashboard',
      items: all.map((c, i) => ({ reportKey: String(c.definition.key), x: (i % 2) * 12, y: i * 6, w: 12, h: 6 })),
      filters: [],
      crossFilter: false,
      refreshSeconds: 0,
    };
    await t.http.post(`/api/v1/apps/${appId}/dashboards`).set('authorization', admin).send({ definition: dashboard });
    const apiMs = await timed(async () => {
      const res = await t.http.post('/api/v1/dashboards/b_dashboard/run').set('authorization', admin).send({});
      if (res.status !== 200) throw new Error(`dashboard: ${res.status}`);
    });
    // baseline: the six hand-written statements one after another on one connection
    const sqlMs = await timed(async () => {
      for (const c of all) await sql.query(c.sql.replace('$T', table), c.params ?? []);
    });
    results.push({
      name: 'dashboard, 6 charts (full load)',
      apiMs,
      sqlMs,
      ratio: Math.round((apiMs / sqlMs) * 100) / 100,
    });
    return results;
  } finally {
    await sql.end().catch(() => undefined);
    await t.close();
    await stopPostgres();
  }
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  runReportBenchmark({ rows })
    .then((results) => {
      console.table(results);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
