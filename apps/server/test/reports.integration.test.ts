import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { ReportRunner } from '../src/reports/report-runner.service';
import { startTestApp, TestApp } from './test-app';

/**
 * Reports and dashboards through the HTTP API on real PostgreSQL. The data is generated here with a fixed
 * pseudo-random sequence and loaded by SQL; every expected aggregate is computed from that data in the test.
 */

let t: TestApp;
let admin: string;
let member: string;
let adminId: string;
let memberId: string;
let appId: string;
let schema: string;
let owner: Client;

const STAGES = ['lead', 'qualified', 'proposal', 'won', 'lost'];
const REGIONS = ['east', 'south', 'north', null];

interface Deal {
  id: string;
  stage: string;
  cents: number;
  region: string | null;
  closed_on: string;
  owner_id: string;
  deleted: boolean;
}
let deals: Deal[];
let live: Deal[];
const targets: { period: string; owner: string; cents: number }[] = [];

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const count = (ds: Deal[], f: (d: Deal) => boolean): number => ds.filter(f).length;
const sumCents = (ds: Deal[]): number => ds.reduce((s, d) => s + d.cents, 0);
type Row = Record<string, unknown>;

function report(key: string, rest: Record<string, unknown>): Record<string, unknown> {
  return { key, name: key, source: { form: 'deals' }, dimensions: [], chart: { type: 'bar' }, ...rest };
}

async function createReport(definition: Record<string, unknown>): Promise<void> {
  await t.http.post(`/api/v1/apps/${appId}/reports`).set('authorization', admin).send({ definition }).expect(201);
}

async function run(key: string, body: object = {}, auth = admin): Promise<Row[]> {
  const res = await t.http.post(`/api/v1/reports/${key}/run`).set('authorization', auth).send(body).expect(200);
  return res.body.rows as Row[];
}

async function publishForm(key: string, fields: object[]): Promise<void> {
  await t.http
    .post(`/api/v1/apps/${appId}/forms`)
    .set('authorization', admin)
    .send({ key, name: key, fields })
    .expect(201);
  await t.http.post(`/api/v1/forms/${key}/publish`).set('authorization', admin).send({ revision: 1 }).expect(200);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const me = await t.http.get('/api/v1/me').set('authorization', admin).expect(200);
  adminId = me.body.id as string;
  const created = await t.http
    .post('/api/v1/users')
    .set('authorization', admin)
    .send({ email: 'rep@tessera.local', name: 'Rep', password: 'member-Passw0rd!' })
    .expect(201);
  memberId = created.body.id as string;
  member = await t.login('rep@tessera.local', 'member-Passw0rd!');
  const app = await t.http
    .post('/api/v1/apps')
    .set('authorization', admin)
    .send({ key: 'sales', name: 'Sales' })
    .expect(201);
  appId = app.body.id as string;
  await publishForm('deals', [
    {
      key: 'stage',
      label: 'Stage',
      type: 'select',
      options: STAGES.map((s) => ({ value: s, label: s })),
    },
    { key: 'amount', label: 'Amount', type: 'amount', precision: 2 },
    { key: 'region', label: 'Region', type: 'text' },
    { key: 'closed_on', label: 'Closed on', type: 'date' },
  ]);
  await publishForm('targets', [
    { key: 'period', label: 'Period', type: 'date' },
    { key: 'rep', label: 'Rep', type: 'member' },
    { key: 'value', label: 'Value', type: 'amount', precision: 2 },
  ]);
  await publishForm('big', [{ key: 'label', label: 'Label', type: 'text' }]);

  owner = new Client({ connectionString: t.urls.ownerUrl });
  await owner.connect();
  const [{ id: tenantId }] = (await owner.query<{ id: string }>(`SELECT id FROM tenants LIMIT 1`)).rows;
  schema = `t_${tenantId.replace(/-/g, '')}`;

  const rnd = random(7);
  deals = Array.from({ length: 360 }, (_, i): Deal => {
    const month = 1 + Math.floor(rnd() * 6);
    const day = 1 + Math.floor(rnd() * 28);
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      stage: STAGES[Math.floor(rnd() * STAGES.length)],
      cents: Math.floor(rnd() * 1_000_000),
      region: REGIONS[Math.floor(rnd() * REGIONS.length)],
      closed_on: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      owner_id: i % 3 === 0 ? memberId : adminId,
      deleted: i % 10 === 9,
    };
  });
  live = deals.filter((d) => !d.deleted);
  await owner.query(
    `INSERT INTO "${schema}".deals (id, stage, amount, region, closed_on, owner_id, created_by, deleted_at)
     SELECT d.id, d.stage, d.cents / 100.0, d.region, d.closed_on, d.owner_id, d.owner_id,
            CASE WHEN d.deleted THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, stage text, cents bigint, region text, closed_on date,
                                               owner_id uuid, deleted boolean)`,
    [JSON.stringify(deals)],
  );
  for (const month of ['01', '02', '03', '04', '05', '06'])
    for (const rep of [adminId, memberId]) targets.push({ period: `2024-${month}-01`, owner: rep, cents: 5_000_000 });
  await owner.query(
    `INSERT INTO "${schema}".targets (period, rep, value, owner_id)
     SELECT x.period, x.owner, x.cents / 100.0, x.owner FROM jsonb_to_recordset($1::jsonb) AS x(period date, owner uuid, cents bigint)`,
    [JSON.stringify(targets)],
  );
  // enough rows that an aggregate cannot finish within a 1 ms statement_timeout
  await owner.query(
    `INSERT INTO "${schema}".big (label, owner_id) SELECT md5(g::text), $1 FROM generate_series(1, 300000) g`,
    [adminId],
  );
  await owner.query(`ANALYZE "${schema}".big`);
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await t?.close();
});

describe('report CRUD', () => {
  it('creates, reads, lists, updates with optimistic concurrency and deletes a report', async () => {
    const definition = report('crud_report', { measures: [{ aggregate: 'count', as: 'n' }] });
    const created = await t.http
      .post(`/api/v1/apps/${appId}/reports`)
      .set('authorization', admin)
      .send({ definition })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'crud_report', version: 1, appId });
    const got = await t.http.get('/api/v1/reports/crud_report').set('authorization', admin).expect(200);
    expect(got.body.definition).toEqual(definition);
    const list = await t.http.get(`/api/v1/apps/${appId}/reports`).set('authorization', admin).expect(200);
    expect(list.body.map((r: { key: string }) => r.key)).toContain('crud_report');

    const renamed = { ...definition, name: 'Renamed' };
    const updated = await t.http
      .put('/api/v1/reports/crud_report')
      .set('authorization', admin)
      .send({ version: 1, definition: renamed })
      .expect(200);
    expect(updated.body).toMatchObject({ version: 2, definition: { name: 'Renamed' } });
    const stale = await t.http
      .put('/api/v1/reports/crud_report')
      .set('authorization', admin)
      .send({ version: 1, definition })
      .expect(409);
    expect(stale.body.errors[0].path).toBe('/body/version');
    expect(stale.body.current.version).toBe(2);

    await t.http
      .post(`/api/v1/apps/${appId}/reports`)
      .set('authorization', member)
      .send({ definition: report('by_member', { measures: [{ aggregate: 'count', as: 'n' }] }) })
      .expect(403);
    await t.http.delete('/api/v1/reports/crud_report').set('authorization', admin).expect(204);
    await t.http.get('/api/v1/reports/crud_report').set('authorization', admin).expect(404);
  });
});

describe('running reports', () => {
  beforeAll(async () => {
    await createReport(
      report('by_stage', {
        dimensions: [{ field: 'stage' }],
        measures: [
          { aggregate: 'count', as: 'n' },
          { field: 'amount', aggregate: 'sum', as: 'total' },
        ],
        sort: [{ by: 'stage', direction: 'asc' }],
      }),
    );
  });

  it('bar: count and sum per stage, soft-deleted records excluded', async () => {
    const res = await t.http.post('/api/v1/reports/by_stage/run').set('authorization', admin).send({}).expect(200);
    const rows = res.body.rows as Row[];
    const stages = [...new Set(live.map((d) => d.stage))].sort();
    expect(rows.map((r) => r.d0)).toEqual(stages);
    for (const r of rows) {
      const ds = live.filter((d) => d.stage === r.d0);
      expect(r.n).toBe(ds.length);
      expect(r.total as number).toBeCloseTo(sumCents(ds) / 100, 2);
    }
    expect(res.body.chartOption).toHaveProperty('series');
    expect(typeof res.body.sqlMs).toBe('number');
  });

  it('line: count per month of a date field', async () => {
    await createReport(
      report('by_month', {
        dimensions: [{ field: 'closed_on', bucket: 'month' }],
        measures: [{ aggregate: 'count', as: 'n' }],
        chart: { type: 'line' },
      }),
    );
    const rows = await run('by_month');
    const months = [...new Set(live.map((d) => `${d.closed_on.slice(0, 7)}-01`))].sort();
    expect(rows.map((r) => r.d0)).toEqual(months);
    for (const r of rows) expect(r.n).toBe(count(live, (d) => `${d.closed_on.slice(0, 7)}-01` === r.d0));
  });

  it('pie: share of each region, empty values included', async () => {
    await createReport(
      report('by_region', {
        dimensions: [{ field: 'region' }],
        measures: [{ aggregate: 'count', as: 'n', percentOfTotal: true }],
        chart: { type: 'pie' },
      }),
    );
    const rows = await run('by_region');
    expect(rows.reduce((s, r) => s + (r.n as number), 0)).toBe(live.length);
    for (const r of rows) {
      const n = count(live, (d) => d.region === r.d0);
      expect(r.n).toBe(n);
      expect(r.n_pct as number).toBeCloseTo(n / live.length, 10);
    }
  });

  it('funnel: records reaching each stage with stage-to-stage conversion', async () => {
    const stages = ['lead', 'qualified', 'proposal', 'won'];
    await createReport(
      report('funnel', {
        measures: [{ aggregate: 'count', as: 'n' }],
        chart: { type: 'funnel' },
        funnel: { stageField: 'stage', stages },
      }),
    );
    const rows = await run('funnel');
    const reached = stages.map((_, i) => count(live, (d) => stages.slice(i).includes(d.stage)));
    expect(rows.map((r) => r.d0)).toEqual(stages);
    expect(rows.map((r) => r.value)).toEqual(reached);
    rows.forEach((r, i) => {
      if (i > 0) expect(r.conversion as number).toBeCloseTo(reached[i] / reached[i - 1], 10);
    });
  });

  it('indicator: one value over all live records', async () => {
    await createReport(
      report('kpi', {
        measures: [
          { field: 'amount', aggregate: 'sum', as: 'total' },
          { field: 'amount', aggregate: 'max', as: 'biggest' },
        ],
        chart: { type: 'indicator' },
      }),
    );
    const rows = await run('kpi');
    expect(rows).toHaveLength(1);
    expect(rows[0].total as number).toBeCloseTo(sumCents(live) / 100, 2);
    expect(rows[0].biggest as number).toBeCloseTo(Math.max(...live.map((d) => d.cents)) / 100, 2);
  });

  it('pivot: region × stage with subtotals and the grand total', async () => {
    await createReport(
      report('pivot', {
        dimensions: [{ field: 'region' }, { field: 'stage' }],
        measures: [{ aggregate: 'count', as: 'n' }],
        chart: { type: 'pivot' },
        pivot: { rows: ['region'], columns: ['stage'], subtotals: true },
      }),
    );
    const rows = await run('pivot');
    expect(rows.find((r) => r.d0_total === true && r.d1_total === true)?.n).toBe(live.length);
    for (const region of REGIONS) {
      const sub = rows.find((r) => r.d0_total === false && r.d0 === region && r.d1_total === true);
      expect(sub?.n).toBe(count(live, (d) => d.region === region));
    }
    const cells = rows.filter((r) => r.d0_total === false && r.d1_total === false);
    for (const c of cells) expect(c.n).toBe(count(live, (d) => d.region === c.d0 && d.stage === c.d1));
  });

  it('target: actuals per month and owner against the target form', async () => {
    await createReport(
      report('vs_target', {
        dimensions: [{ field: 'closed_on', bucket: 'month' }, { field: 'owner_id' }],
        measures: [{ field: 'amount', aggregate: 'sum', as: 'total' }],
        chart: { type: 'column' },
        target: {
          targetForm: 'targets',
          periodField: 'period',
          ownerField: 'rep',
          valueField: 'value',
          matchBy: 'owner',
        },
      }),
    );
    const rows = await run('vs_target');
    for (const target of targets) {
      const row = rows.find((r) => r.d0 === target.period && r.d1 === target.owner);
      const actual = sumCents(
        live.filter((d) => d.owner_id === target.owner && d.closed_on.slice(0, 7) === target.period.slice(0, 7)),
      );
      expect(row?.target_value as number).toBeCloseTo(target.cents / 100, 2);
      expect(row?.total as number).toBeCloseTo(actual / 100, 2);
      expect(row?.target_progress as number).toBeCloseTo(actual / target.cents, 8);
    }
  });

  it('applies dashboard filters given as conditions', async () => {
    const rows = await run('by_stage', { dashboardFilters: [{ field: 'region', op: 'eq', value: 'east' }] });
    for (const r of rows) expect(r.n).toBe(count(live, (d) => d.stage === r.d0 && d.region === 'east'));
  });

  it("a member's aggregates only count the member's own records", async () => {
    const rows = await run('by_stage', {}, member);
    const mine = live.filter((d) => d.owner_id === memberId);
    expect(rows.reduce((s, r) => s + (r.n as number), 0)).toBe(mine.length);
    for (const r of rows) expect(r.n).toBe(count(mine, (d) => d.stage === r.d0));
  });

  it('previews an unsaved definition', async () => {
    const res = await t.http
      .post('/api/v1/reports/preview')
      .set('authorization', admin)
      .send({
        definition: report('draft', { measures: [{ aggregate: 'count', as: 'n' }], chart: { type: 'indicator' } }),
      })
      .expect(200);
    expect(res.body.rows[0].n).toBe(live.length);
  });

  it('serves a repeated run from the cache until a record of the source form changes', async () => {
    const first = await t.http.post('/api/v1/reports/kpi/run').set('authorization', admin).send({}).expect(200);
    const second = await t.http.post('/api/v1/reports/kpi/run').set('authorization', admin).send({}).expect(200);
    expect(second.body.cached).toBe(true);
    expect(second.body.rows).toEqual(first.body.rows);
    // what the record service writes in the same transaction as a change
    await owner.query(
      `INSERT INTO outbox (tenant_id, topic, aggregate_id, payload)
       SELECT id, 'record.updated', $1, jsonb_build_object('form', 'deals') FROM tenants LIMIT 1`,
      [deals[0].id],
    );
    const third = await t.http.post('/api/v1/reports/kpi/run').set('authorization', admin).send({}).expect(200);
    expect(third.body.cached).toBe(false);
  });
});

describe('drill-down and export', () => {
  it('returns exactly the live records behind one bar, and the condition to open them as a list', async () => {
    const res = await t.http
      .post('/api/v1/reports/by_stage/drill-down')
      .set('authorization', admin)
      .send({ point: { dimensionValues: ['won'] }, limit: 1000, offset: 0 })
      .expect(200);
    const expected = live.filter((d) => d.stage === 'won').map((d) => d.id);
    expect(res.body.total).toBe(expected.length);
    expect([...(res.body.recordIds as string[])].sort()).toEqual([...expected].sort());
    expect(res.body.condition).toEqual({ and: [{ field: 'stage', op: 'eq', value: 'won' }] });

    const page = await t.http
      .post('/api/v1/reports/by_stage/drill-down')
      .set('authorization', member)
      .send({ point: { dimensionValues: ['won'] }, limit: 5, offset: 0 })
      .expect(200);
    expect(page.body.total).toBe(count(live, (d) => d.stage === 'won' && d.owner_id === memberId));
    expect(page.body.recordIds.length).toBeLessThanOrEqual(5);
  });

  it('exports the rows as an XLSX workbook', async () => {
    const res = await t.http
      .get('/api/v1/reports/by_stage/export.xlsx')
      .set('authorization', admin)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'stage', 'n', 'total']);
    const stages = [...new Set(live.map((d) => d.stage))].sort();
    expect(sheet.rowCount).toBe(stages.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe(count(live, (d) => d.stage === stages[0]));
  });
});

describe('dashboards', () => {
  it('runs every report of a dashboard with a date-range filter mapped onto each', async () => {
    const definition = {
      key: 'overview',
      name: 'Overview',
      items: [
        { reportKey: 'by_stage', x: 0, y: 0, w: 12, h: 6 },
        { reportKey: 'kpi', x: 12, y: 0, w: 12, h: 6 },
      ],
      filters: [
        {
          key: 'period',
          label: 'Period',
          type: 'date_range',
          mappings: { by_stage: 'closed_on', kpi: 'closed_on' },
        },
      ],
      crossFilter: true,
      refreshSeconds: 0,
    };
    await t.http.post(`/api/v1/apps/${appId}/dashboards`).set('authorization', admin).send({ definition }).expect(201);
    const res = await t.http
      .post('/api/v1/dashboards/overview/run')
      .set('authorization', admin)
      .send({ filterValues: { period: { type: 'date_range', from: '2024-02-01', to: '2024-03-31' } } })
      .expect(200);
    const inRange = live.filter((d) => d.closed_on >= '2024-02-01' && d.closed_on <= '2024-03-31');
    const [byStage, kpi] = res.body.items as Row[];
    for (const r of byStage.rows as Row[]) expect(r.n).toBe(count(inRange, (d) => d.stage === r.d0));
    expect(((kpi.rows as Row[])[0].total as number) * 100).toBeCloseTo(sumCents(inRange), 0);

    const crossed = await t.http
      .post('/api/v1/dashboards/overview/run')
      .set('authorization', admin)
      .send({ crossFilter: { reportKey: 'by_stage', point: { dimensionValues: ['won'] } } })
      .expect(200);
    const crossedKpi = (crossed.body.items as Row[])[1];
    expect(((crossedKpi.rows as Row[])[0].total as number) * 100).toBeCloseTo(
      sumCents(live.filter((d) => d.stage === 'won')),
      0,
    );

    const bad = await t.http
      .post('/api/v1/dashboards/overview/run')
      .set('authorization', admin)
      .send({ filterValues: { nope: { type: 'select', values: ['x'] } } })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('/body/filterValues/nope');

    const badMapping = await t.http
      .put('/api/v1/dashboards/overview')
      .set('authorization', admin)
      .send({
        version: 1,
        definition: { ...definition, filters: [{ ...definition.filters[0], mappings: { kpi: 'no_such_field' } }] },
      })
      .expect(400);
    expect(badMapping.body.errors[0].path).toBe('/body/definition/filters/0/mappings/kpi');
  });
});

describe('bad input', () => {
  const post = (definition: unknown) =>
    t.http.post(`/api/v1/apps/${appId}/reports`).set('authorization', admin).send({ definition });

  it('refuses a definition that breaks the meta-schema, naming the path', async () => {
    const res = await post({ key: 'x', name: 'x', source: { form: 'deals' }, dimensions: [], chart: { type: 'bar' } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/body/definition/measures');
  });

  it('refuses SQL-ish keys in the definition and in the path', async () => {
    const res = await post(report('x"; DROP TABLE reports;--', { measures: [{ aggregate: 'count', as: 'n' }] }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('/body/definition/key');
    const field = await post(
      report('sqlish', { dimensions: [{ field: 'stage"--' }], measures: [{ aggregate: 'count', as: 'n' }] }),
    );
    expect(field.status).toBe(400);
    expect(field.body.errors[0].path).toBe('/body/definition/dimensions/0/field');
    const path = await t.http.post('/api/v1/reports/Robert%22%3B--/run').set('authorization', admin).send({});
    expect(path.status).toBe(400);
    expect(path.body.errors[0].path).toBe('/key');
  });

  it('refuses an unknown form or field, naming the path', async () => {
    const form = await post({
      ...report('unknown_form', { measures: [{ aggregate: 'count', as: 'n' }] }),
      source: { form: 'nope' },
    });
    expect(form.status).toBe(400);
    expect(form.body.errors[0].path).toBe('/body/definition/source/form');
    const field = await post(
      report('unknown_field', { dimensions: [{ field: 'nope' }], measures: [{ aggregate: 'count', as: 'n' }] }),
    );
    expect(field.status).toBe(400);
    expect(field.body.errors[0].path).toBe('/body/definition/dimensions/0/field');
  });

  it('refuses a bad filter operator, naming the path', async () => {
    const shape = await t.http
      .post('/api/v1/reports/by_stage/run')
      .set('authorization', admin)
      .send({ dashboardFilters: [{ field: 'region', op: 'drop_table', value: 'x' }] });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path)).toContain('/body/dashboardFilters/0/op');
    const kind = await t.http
      .post('/api/v1/reports/by_stage/run')
      .set('authorization', admin)
      .send({ dashboardFilters: [{ field: 'amount', op: 'contains', value: 'x' }] });
    expect(kind.status).toBe(400);
    expect(kind.body.errors[0].path).toMatch(/^\/body\/dashboardFilters\/0/);
    const filters = await post(
      report('bad_filter', {
        filters: { field: 'closed_on', op: 'gt', value: 'not a date' },
        measures: [{ aggregate: 'count', as: 'n' }],
      }),
    );
    expect(filters.status).toBe(400);
    expect(filters.body.errors[0].path).toMatch(/^\/body\/definition\/filters/);
  });

  it('refuses a drill point that does not fit the report', async () => {
    const res = await t.http
      .post('/api/v1/reports/funnel/drill-down')
      .set('authorization', admin)
      .send({ point: { dimensionValues: ['no such stage'] }, limit: 10, offset: 0 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('/body/point/dimensionValues');
  });
});

describe('statement timeout', () => {
  it('stops an over-limit report with a clear 422 instead of hanging', async () => {
    await createReport(
      report('heavy', {
        source: { form: 'big' },
        dimensions: [{ field: 'label' }],
        measures: [{ field: 'label', aggregate: 'count_distinct', as: 'n' }],
      }),
    );
    const runner = t.app.get(ReportRunner);
    const previous = runner.settings.timeoutMs;
    runner.settings.timeoutMs = 1;
    try {
      const res = await t.http.post('/api/v1/reports/heavy/run').set('authorization', admin).send({});
      expect(res.status).toBe(422);
      expect(res.body.errors[0].code).toBe('report_timeout');
      expect(res.body.detail).toMatch(/longer than the limit/);
    } finally {
      runner.settings.timeoutMs = previous;
    }
  });
});
