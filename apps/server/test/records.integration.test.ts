import { CONTRACT_FIELDS, CUSTOMER_FIELDS, createPublishedForm } from './record-fixtures';
import { startTestApp, TestApp } from './test-app';

let t: TestApp;
let admin: string;
let appId: string;
const customers: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  appId = (await t.http.post('/api/v1/apps').set('authorization', admin).send({ key: 'crm', name: 'CRM' }).expect(201))
    .body.id;
  await createPublishedForm(t, admin, appId, 'customers', 'Customers', CUSTOMER_FIELDS);
  await createPublishedForm(t, admin, appId, 'contracts', 'Contracts', CONTRACT_FIELDS);
  for (const [name, region] of [
    ['Acme', 'east'],
    ['Globex', 'south'],
  ]) {
    const res = await t.http
      .post('/api/v1/forms/customers/records')
      .set('authorization', admin)
      .send({ values: { name, region } })
      .expect(201);
    customers[name] = res.body.id;
  }
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, body: unknown) =>
  t.http
    .post(path)
    .set('authorization', admin)
    .send(body as object);

describe('records of a 20-field form on real typed tables', () => {
  let contractId: string;

  it('publishes into a real table with one typed column per field', async () => {
    const { Client } = await import('pg');
    const owner = new Client({ connectionString: t.urls.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'contracts' ORDER BY ordinal_position`,
    );
    await owner.end();
    const types = Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
    expect(types).toMatchObject({
      amount: 'numeric',
      signed_on: 'date',
      reminder_at: 'timestamp with time zone',
      tags: 'ARRAY',
      customer: 'uuid',
      is_framework: 'boolean',
      version: 'integer',
    });
  });

  it('creates a record: validation, formulas, auto-number, lookup, sub-table, display names', async () => {
    const res = await post('/api/v1/forms/contracts/records', {
      values: {
        title: 'Annual licence',
        external_id: 'ERP-1',
        customer: customers.Acme,
        stage: 'draft',
        amount: 1000,
        discount: 10,
        signed_on: '2026-11-20',
        tags: ['vip'],
        items: [
          { product: 'Seats', qty: 10, price: 80 },
          { product: 'Support', qty: 1, price: 200 },
        ],
      },
    }).expect(201);
    contractId = res.body.id;
    expect(res.body.version).toBe(1);
    expect(res.body.values.code).toMatch(/^HT-\d{6}-0001$/);
    expect(res.body.values.net).toBe(900);
    expect(res.body.values.customer_region).toBe('east');
    expect(res.body.display.customer).toBe('Acme');
    expect(res.body.display.owner_id).toBe('管理员 Admin');
    expect(res.body.values.items.map((i: { line_total: number }) => i.line_total)).toEqual([800, 200]);
    const second = await post('/api/v1/forms/contracts/records', { values: { title: 'Second', amount: 5 } }).expect(
      201,
    );
    expect(second.body.values.code).toMatch(/-0002$/);
  });

  it('refuses bad values with paths, and writes nothing', async () => {
    const before = (await t.http.get('/api/v1/forms/contracts/records').set('authorization', admin).expect(200)).body
      .total;
    const res = await post('/api/v1/forms/contracts/records', {
      values: {
        amount: 'lots',
        stage: 'unknown',
        discount: 150,
        contact_email: 'not-an-email',
        bogus: 1,
        net: 5,
        customer: '00000000-0000-4000-8000-000000000000',
      },
    }).expect(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/body/values/title',
        '/body/values/amount',
        '/body/values/stage',
        '/body/values/discount',
        '/body/values/contact_email',
        '/body/values/bogus',
        '/body/values/net',
      ]),
    );
    const refs = await post('/api/v1/forms/contracts/records', {
      values: { title: 'x', customer: '00000000-0000-4000-8000-000000000000' },
    }).expect(400);
    expect(refs.body.errors[0]).toMatchObject({ path: '/body/values/customer', code: 'not_found' });
    const after = (await t.http.get('/api/v1/forms/contracts/records').set('authorization', admin).expect(200)).body
      .total;
    expect(after).toBe(before);
  });

  it('refuses a 10 MB text and SQL-ish keys without a 500', async () => {
    await post('/api/v1/forms/contracts/records', { values: { title: 'x'.repeat(10 * 1024 * 1024) } }).expect(400);
    const sqlish = await post('/api/v1/forms/contracts/records', {
      values: { title: 'ok', 'title"; DROP TABLE x; --': 1 },
    }).expect(400);
    expect(sqlish.body.errors[0].code).toBe('unknown_field');
    await t.http.get('/api/v1/forms/robert%22%3B%20drop/records').set('authorization', admin).expect(400);
  });

  it('answers 409 naming the unique field', async () => {
    const res = await post('/api/v1/forms/contracts/records', {
      values: { title: 'Dup', external_id: 'ERP-1' },
    }).expect(409);
    expect(res.body.errors[0]).toMatchObject({ path: '/body/values/external_id', code: 'unique' });
  });

  it('updates with optimistic concurrency: a stale version gets 409 with the current record', async () => {
    const updated = await t.http
      .patch(`/api/v1/forms/contracts/records/${contractId}`)
      .set('authorization', admin)
      .send({ version: 1, values: { discount: 20 } })
      .expect(200);
    expect(updated.body.version).toBe(2);
    expect(updated.body.values.net).toBe(800);
    const stale = await t.http
      .patch(`/api/v1/forms/contracts/records/${contractId}`)
      .set('authorization', admin)
      .send({ version: 1, values: { discount: 30 } })
      .expect(409);
    expect(stale.body.current.values.discount).toBe(20);
    expect(stale.body.errors[0].path).toBe('/body/version');
  });

  it('soft-deletes into the trash and restores', async () => {
    await t.http.delete(`/api/v1/forms/contracts/records/${contractId}`).set('authorization', admin).expect(204);
    await t.http.get(`/api/v1/forms/contracts/records/${contractId}`).set('authorization', admin).expect(404);
    const trash = await t.http
      .get('/api/v1/forms/contracts/records?deleted=only')
      .set('authorization', admin)
      .expect(200);
    expect(trash.body.items.map((r: { id: string }) => r.id)).toEqual([contractId]);
    const restored = await post(`/api/v1/forms/contracts/records/${contractId}/restore`, {}).expect(200);
    expect(restored.body.deletedAt).toBeNull();
    const history = await t.http
      .get(`/api/v1/forms/contracts/records/${contractId}/history`)
      .set('authorization', admin)
      .expect(200);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual([
      'record.restored',
      'record.deleted',
      'record.updated',
      'record.created',
    ]);
    expect(history.body[2].before).toEqual({ discount: 10, net: 900 });
  });

  it('adds a field and republishes with data present; old records stay readable and editable', async () => {
    const form = (await t.http.get('/api/v1/forms/contracts').set('authorization', admin).expect(200)).body;
    const draft = {
      ...form.draft,
      fields: [...form.draft.fields, { key: 'region_note', type: 'text', label: 'Region note', required: true }],
    };
    const saved = await t.http
      .put('/api/v1/forms/contracts/draft')
      .set('authorization', admin)
      .send({ revision: form.draftRevision, definition: draft })
      .expect(200);
    const preview = await t.http.get('/api/v1/forms/contracts/publish-preview').set('authorization', admin).expect(200);
    expect(preview.body.changes).toEqual([{ kind: 'added', field: 'region_note', label: 'Region note' }]);
    const published = await post('/api/v1/forms/contracts/publish', { revision: saved.body.draftRevision }).expect(200);
    expect(published.body.publishedVersion).toBe(2);
    const old = await t.http
      .get(`/api/v1/forms/contracts/records/${contractId}`)
      .set('authorization', admin)
      .expect(200);
    expect(old.body.values.title).toBe('Annual licence');
    await t.http
      .patch(`/api/v1/forms/contracts/records/${contractId}`)
      .set('authorization', admin)
      .send({ version: old.body.version, values: { notes: 'still editable' } })
      .expect(200);
    await post('/api/v1/forms/contracts/records', { values: { title: 'New' } }).expect(400);
  });

  it('refuses an incompatible type change with 422, keeping the published version', async () => {
    const form = (await t.http.get('/api/v1/forms/contracts').set('authorization', admin).expect(200)).body;
    const fields = form.draft.fields.map((f: { key: string }) => (f.key === 'title' ? { ...f, type: 'number' } : f));
    const saved = await t.http
      .put('/api/v1/forms/contracts/draft')
      .set('authorization', admin)
      .send({ revision: form.draftRevision, definition: { ...form.draft, fields } })
      .expect(200);
    const refused = await post('/api/v1/forms/contracts/publish', { revision: saved.body.draftRevision }).expect(422);
    expect(refused.body.errors[0].path).toMatch(/^\/draft/);
    expect((await t.http.get('/api/v1/forms/contracts').set('authorization', admin)).body.publishedVersion).toBe(2);
    await t.http
      .put('/api/v1/forms/contracts/draft')
      .set('authorization', admin)
      .send({ revision: saved.body.draftRevision, definition: form.draft })
      .expect(200);
  });
});

describe('listing', () => {
  beforeAll(async () => {
    const create = Array.from({ length: 30 }, (_, i) => ({
      values: {
        title: `Deal ${String(i).padStart(2, '0')}`,
        region_note: 'n',
        amount: (i % 7) * 100,
        stage: i % 3 === 0 ? 'signed' : 'draft',
        signed_on: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
        customer: i % 2 ? customers.Acme : customers.Globex,
      },
    }));
    const res = await post('/api/v1/forms/contracts/records/bulk', { create }).expect(200);
    expect(res.body.created).toHaveLength(30);
  });

  it('filters with the condition language and sorts', async () => {
    const filter = encodeURIComponent(
      JSON.stringify({
        and: [
          { field: 'stage', op: 'eq', value: 'signed' },
          { field: 'amount', op: 'gte', value: 300 },
        ],
      }),
    );
    const res = await t.http
      .get(`/api/v1/forms/contracts/records?filter=${filter}&sort=-amount,title&limit=100`)
      .set('authorization', admin)
      .expect(200);
    const items = res.body.items as { values: { stage: string; amount: number; title: string } }[];
    expect(items.length).toBe(res.body.total);
    expect(items.every((r) => r.values.stage === 'signed' && r.values.amount >= 300)).toBe(true);
    const amounts = items.map((r) => r.values.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it.each(['-amount', 'discount,-title', '-discount,signed_on'])(
    'pages by keyset (sort %s, NULLs included) without gaps or repeats, in offset order',
    async (sort) => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const query: string = `/api/v1/forms/contracts/records?sort=${sort}&limit=7&total=false${after ? `&after=${after}` : ''}`;
        const page = await t.http.get(query).set('authorization', admin).expect(200);
        seen.push(...page.body.items.map((r: { id: string }) => r.id));
        after = page.body.nextCursor;
      } while (after);
      const all = await t.http
        .get(`/api/v1/forms/contracts/records?sort=${sort}&limit=500`)
        .set('authorization', admin)
        .expect(200);
      expect(seen).toEqual(all.body.items.map((r: { id: string }) => r.id));
      expect(new Set(seen).size).toBe(all.body.total);
    },
  );

  it('searches text fields, projects fields, and filters through POST /query', async () => {
    const search = await t.http
      .get('/api/v1/forms/contracts/records?q=deal%2007&fields=title')
      .set('authorization', admin)
      .expect(200);
    expect(search.body.items).toHaveLength(1);
    expect(Object.keys(search.body.items[0].values)).toEqual(['title']);
    // A projection without the sort column still pages correctly.
    const first = await t.http
      .get('/api/v1/forms/contracts/records?sort=-amount&fields=title&limit=5&total=false')
      .set('authorization', admin)
      .expect(200);
    const second = await t.http
      .get(
        `/api/v1/forms/contracts/records?sort=-amount&fields=title&limit=5&total=false&after=${first.body.nextCursor}`,
      )
      .set('authorization', admin)
      .expect(200);
    const both = await t.http
      .get('/api/v1/forms/contracts/records?sort=-amount&limit=10&total=false')
      .set('authorization', admin)
      .expect(200);
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual(
      both.body.items.map((r: { id: string }) => r.id),
    );
    const query = await post('/api/v1/forms/contracts/records/query', {
      filter: { field: 'customer', op: 'eq', value: customers.Acme },
      limit: 5,
    }).expect(200);
    expect(query.body.items.every((r: { values: { customer: string } }) => r.values.customer === customers.Acme)).toBe(
      true,
    );
  });

  it('refuses malformed filters, unknown operators, unsortable fields, bad cursors', async () => {
    const bad = async (query: string, path: RegExp) => {
      const res = await t.http.get(`/api/v1/forms/contracts/records?${query}`).set('authorization', admin).expect(400);
      expect(res.body.errors[0].path).toMatch(path);
    };
    await bad('filter=%7Bnot-json', /^\/query\/filter$/);
    await bad(
      `filter=${encodeURIComponent(JSON.stringify({ field: 'amount', op: 'explode', value: 1 }))}`,
      /^\/filter/,
    );
    await bad(`filter=${encodeURIComponent(JSON.stringify({ field: 'nope', op: 'eq', value: 1 }))}`, /^\/filter/);
    await bad('sort=tags', /^\/sort\/0$/);
    await bad('after=garbage', /^\/query\/after$/);
    await bad('limit=abc', /^\/query\/limit$/);
  });

  it('upserts by a unique field', async () => {
    const created = await t.http
      .put('/api/v1/forms/contracts/records/upsert')
      .set('authorization', admin)
      .send({ matchField: 'external_id', values: { external_id: 'ERP-9', title: 'From ERP', region_note: 'x' } })
      .expect(200);
    expect(created.body.created).toBe(true);
    const updated = await t.http
      .put('/api/v1/forms/contracts/records/upsert')
      .set('authorization', admin)
      .send({ matchField: 'external_id', values: { external_id: 'ERP-9', title: 'Renamed in ERP' } })
      .expect(200);
    expect(updated.body).toMatchObject({
      created: false,
      record: { id: created.body.record.id, values: { title: 'Renamed in ERP' } },
    });
    await t.http
      .put('/api/v1/forms/contracts/records/upsert')
      .set('authorization', admin)
      .send({ matchField: 'title', values: { title: 'x' } })
      .expect(400);
  });

  it('bulk writes are all or nothing', async () => {
    const before = (await t.http.get('/api/v1/forms/contracts/records').set('authorization', admin)).body.total;
    const res = await post('/api/v1/forms/contracts/records/bulk', {
      create: [{ values: { title: 'ok', region_note: 'x' } }, { values: { amount: -5 } }],
    }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/create/1/values/amount', '/body/create/1/values/title']),
    );
    expect((await t.http.get('/api/v1/forms/contracts/records').set('authorization', admin)).body.total).toBe(before);
  });
});

describe('members', () => {
  it('see and change only their own records', async () => {
    await post('/api/v1/users', { email: 'rep@t.local', name: 'Rep', password: 'rep-Passw0rd' }).expect(201);
    const rep = await t.login('rep@t.local', 'rep-Passw0rd');
    const mine = await t.http
      .post('/api/v1/forms/customers/records')
      .set('authorization', rep)
      .send({ values: { name: 'Rep customer' } })
      .expect(201);
    const list = await t.http.get('/api/v1/forms/customers/records').set('authorization', rep).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([mine.body.id]);
    await t.http.get(`/api/v1/forms/customers/records/${customers.Acme}`).set('authorization', rep).expect(404);
    await t.http
      .patch(`/api/v1/forms/customers/records/${customers.Acme}`)
      .set('authorization', rep)
      .send({ version: 1, values: { name: 'hijack' } })
      .expect(404);
    await t.http.delete(`/api/v1/forms/customers/records/${customers.Acme}`).set('authorization', rep).expect(404);
  });
});
