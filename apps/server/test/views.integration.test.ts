import { Client } from 'pg';
import { CUSTOMER_FIELDS, createPublishedForm } from './record-fixtures';
import { startTestApp, TestApp } from './test-app';

let t: TestApp;
let admin: string;
let member: string;
let other: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const appId = (
    await t.http.post('/api/v1/apps').set('authorization', admin).send({ key: 'crm', name: 'CRM' }).expect(201)
  ).body.id;
  await createPublishedForm(t, admin, appId, 'customers', 'Customers', [
    ...CUSTOMER_FIELDS,
    { key: 'revenue', type: 'amount', label: 'Revenue' },
    { key: 'tags', type: 'multi_select', label: 'Tags', options: [{ value: 'vip', label: 'VIP' }] },
  ]);
  for (const [email, name] of [
    ['rep1@t.local', 'Rep 1'],
    ['rep2@t.local', 'Rep 2'],
  ])
    await t.http
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email, name, password: 'rep-Passw0rd' })
      .expect(201);
  member = await t.login('rep1@t.local', 'rep-Passw0rd');
  other = await t.login('rep2@t.local', 'rep-Passw0rd');
  for (const [name, region, revenue] of [
    ['Acme', 'east', 300],
    ['Globex', 'south', 100],
    ['Initech', 'east', 200],
  ] as const)
    await t.http
      .post('/api/v1/forms/customers/records')
      .set('authorization', admin)
      .send({ values: { name, region, revenue } })
      .expect(201);
});
afterAll(async () => {
  await t.close();
});

const views = '/api/v1/forms/customers/views';

async function indexesOnCustomers(): Promise<string[]> {
  const owner = new Client({ connectionString: t.urls.ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'customers'`,
    );
    return rows.map((r) => r.indexname);
  } finally {
    await owner.end();
  }
}

describe('saved views', () => {
  let sharedId: string;
  let personalId: string;

  it('creates a shared view (admin) and indexes its sort column', async () => {
    expect(await indexesOnCustomers()).not.toContain('customers_revenue_idx');
    const res = await t.http
      .post(views)
      .set('authorization', admin)
      .send({
        name: 'East by revenue',
        kind: 'table',
        shared: true,
        config: {
          filter: { field: 'region', op: 'eq', value: 'east' },
          sort: [{ field: 'revenue', direction: 'desc' }],
          columns: ['name', 'revenue'],
        },
      })
      .expect(201);
    sharedId = res.body.id;
    expect(res.body).toMatchObject({ shared: true, version: 1, mine: true, kind: 'table' });
    expect(await indexesOnCustomers()).toContain('customers_revenue_idx');
  });

  it('lets members save personal views only', async () => {
    await t.http
      .post(views)
      .set('authorization', member)
      .send({ name: 'Mine shared', kind: 'table', shared: true, config: {} })
      .expect(403);
    const res = await t.http
      .post(views)
      .set('authorization', member)
      .send({ name: 'By region', kind: 'kanban', config: { groupBy: 'region', columns: ['name'] } })
      .expect(201);
    personalId = res.body.id;
    expect(res.body.shared).toBe(false);
  });

  it('shows personal views to their owner only, shared views to everyone', async () => {
    const mine = (await t.http.get(views).set('authorization', member).expect(200)).body as { id: string }[];
    expect(mine.map((v) => v.id).sort()).toEqual([sharedId, personalId].sort());
    const theirs = (await t.http.get(views).set('authorization', other).expect(200)).body as { id: string }[];
    expect(theirs.map((v) => v.id)).toEqual([sharedId]);
    const admins = (await t.http.get(views).set('authorization', admin).expect(200)).body as { id: string }[];
    expect(admins.map((v) => v.id)).toEqual([sharedId]);
    await t.http.get(`${views}/${personalId}`).set('authorization', other).expect(404);
    await t.http
      .patch(`${views}/${personalId}`)
      .set('authorization', other)
      .send({ version: 1, name: 'Stolen' })
      .expect(404);
    await t.http.delete(`${views}/${personalId}`).set('authorization', other).expect(404);
    // a member may not change a shared view
    await t.http.patch(`${views}/${sharedId}`).set('authorization', member).send({ version: 1, name: 'X' }).expect(403);
  });

  it('updates with the version read and refuses a stale one', async () => {
    const updated = await t.http
      .patch(`${views}/${personalId}`)
      .set('authorization', member)
      .send({ version: 1, name: 'Pipeline' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Pipeline', version: 2 });
    const stale = await t.http
      .patch(`${views}/${personalId}`)
      .set('authorization', member)
      .send({ version: 1, name: 'Late' })
      .expect(409);
    expect(stale.body.errors[0]).toMatchObject({ path: '/body/version', code: 'stale' });
  });

  it('refuses invalid configs with the path of each problem, and saves nothing', async () => {
    const res = await t.http
      .post(views)
      .set('authorization', admin)
      .send({
        name: 'Bad',
        kind: 'kanban',
        config: {
          filter: {
            and: [
              { field: 'region', op: 'eq', value: 'east' },
              { field: 'nope', op: 'eq', value: 1 },
            ],
          },
          sort: [{ field: 'tags', direction: 'asc' }],
          columns: ['name', 'ghost'],
          groupBy: 'name',
        },
      })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/body/config/filter/and/1/field',
        '/body/config/sort/0/field',
        '/body/config/columns/1',
        '/body/config/groupBy',
      ]),
    );
    const malformed = await t.http
      .post(views)
      .set('authorization', admin)
      .send({
        name: 'Bad',
        kind: 'table',
        config: { filter: { field: 'revenue', op: 'gt', value: '1; DROP TABLE x' } },
      })
      .expect(400);
    expect(malformed.body.errors[0].path).toBe('/body/config/filter/value');
    const sqlKey = await t.http
      .post(views)
      .set('authorization', admin)
      .send({ name: 'Bad', kind: 'table', config: { columns: ['name"; DROP TABLE customers; --'] } })
      .expect(400);
    expect(sqlKey.body.errors[0].path).toMatch(/^\/body\/config\/columns\/0/);
    const unknownProp = await t.http
      .post(views)
      .set('authorization', admin)
      .send({ name: 'Bad', kind: 'table', config: { colour: 'red' } })
      .expect(400);
    expect(unknownProp.body.errors[0].path).toBe('/body/config/colour');
    const list = (await t.http.get(views).set('authorization', admin).expect(200)).body as { name: string }[];
    expect(list.map((v) => v.name)).not.toContain('Bad');
  });

  it('runs a view: its filter AND the extra one, its sort and columns', async () => {
    const page = await t.http.post(`${views}/${sharedId}/records`).set('authorization', admin).send({}).expect(200);
    expect(page.body.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['Acme', 'Initech']);
    expect(Object.keys(page.body.items[0].values).sort()).toEqual(['name', 'revenue']);
    expect(page.body.total).toBe(2);
    const narrowed = await t.http
      .post(`${views}/${sharedId}/records`)
      .set('authorization', admin)
      .send({ filter: { field: 'revenue', op: 'lt', value: 250 } })
      .expect(200);
    expect(narrowed.body.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['Initech']);
    const bad = await t.http
      .post(`${views}/${sharedId}/records`)
      .set('authorization', admin)
      .send({ filter: { field: 'revenue', op: 'like', value: 1 } })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('/body/filter/op');
  });

  it('deletes a view (owner), then it is gone', async () => {
    await t.http.delete(`${views}/${personalId}`).set('authorization', member).expect(204);
    await t.http.get(`${views}/${personalId}`).set('authorization', member).expect(404);
    await t.http.delete(`${views}/${sharedId}`).set('authorization', member).expect(403);
  });
});

describe('OpenAPI', () => {
  it('documents views, import (raw CSV/XLSX body) and export', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/forms/{formKey}/views',
        '/api/v1/forms/{formKey}/views/{viewId}/records',
        '/api/v1/forms/{formKey}/import',
        '/api/v1/forms/{formKey}/import/template.xlsx',
        '/api/v1/forms/{formKey}/export',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/forms/{formKey}/import'].post.requestBody?.content ?? {})).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });
});
