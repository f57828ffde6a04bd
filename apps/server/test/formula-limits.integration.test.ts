import { createPublishedForm } from './record-fixtures';
import { startTestApp, TestApp } from './test-app';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const app = await t.http
    .post('/api/v1/apps')
    .set('authorization', admin)
    .send({ key: 'limits', name: 'Limits' })
    .expect(201);
  await createPublishedForm(t, admin, app.body.id, 'runaway', 'Runaway', [
    { key: 'title', type: 'text', label: 'Title' },
    {
      key: 'loop',
      type: 'formula',
      label: 'Loop',
      formula: { expression: '( $f := function($x){ $f($x) }; $f(1) )', resultType: 'number' },
    },
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('a tenant-written formula that never ends', () => {
  it('answers 400 naming the formula field within the time limit, and writes nothing', async () => {
    const started = Date.now();
    const res = await t.http
      .post('/api/v1/forms/runaway/records')
      .set('authorization', admin)
      .send({ values: { title: 'x' } })
      .expect(400);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors[0]).toMatchObject({ path: '/body/values/loop' });
    expect(res.body.errors[0].code).toMatch(/^formula_(depth|timeout)$/);
    const list = await t.http.get('/api/v1/forms/runaway/records').set('authorization', admin).expect(200);
    expect(list.body.total).toBe(0);
    // The server is still responsive.
    await t.http.get('/api/health').expect(200);
  });

  it('a formula with a syntax error cannot be published', async () => {
    const app = (await t.http.get('/api/v1/apps').set('authorization', admin)).body[0];
    const created = await t.http
      .post(`/api/v1/apps/${app.id}/forms`)
      .set('authorization', admin)
      .send({
        key: 'broken',
        name: 'Broken',
        fields: [{ key: 'f', type: 'formula', label: 'F', formula: { expression: '1 +', resultType: 'number' } }],
      })
      .expect(201);
    const res = await t.http
      .post('/api/v1/forms/broken/publish')
      .set('authorization', admin)
      .send({ revision: created.body.draftRevision });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors[0].path).toMatch(/^\/draft\/fields\/0/);
  });
});
