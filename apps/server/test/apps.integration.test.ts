import { startTestApp, TestApp } from './test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
});
afterAll(async () => {
  await t.close();
});

describe('apps', () => {
  it('creates, lists, renames with optimistic concurrency, and deletes an app', async () => {
    const created = await t.http
      .post('/api/v1/apps')
      .set('authorization', admin)
      .send({ key: 'sales', name: { 'zh-CN': '销售', 'en-US': 'Sales' }, color: '#1677ff' })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'sales', version: 1, forms: [] });
    const list = await t.http.get('/api/v1/apps').set('authorization', admin).expect(200);
    expect(list.body.map((a: { key: string }) => a.key)).toEqual(['sales']);

    const renamed = await t.http
      .patch(`/api/v1/apps/${created.body.id}`)
      .set('authorization', admin)
      .send({ version: 1, name: 'Sales & CRM' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Sales & CRM', version: 2 });
    const stale = await t.http
      .patch(`/api/v1/apps/${created.body.id}`)
      .set('authorization', admin)
      .send({ version: 1, name: 'Lost update' })
      .expect(409);
    expect(stale.body.current.name).toBe('Sales & CRM');

    await t.http.delete(`/api/v1/apps/${created.body.id}`).set('authorization', admin).expect(204);
    await t.http.get(`/api/v1/apps/${created.body.id}`).set('authorization', admin).expect(404);
  });

  it('refuses duplicate keys, bad keys and bad ids with a problem naming the field', async () => {
    await t.http.post('/api/v1/apps').set('authorization', admin).send({ key: 'crm', name: 'CRM' }).expect(201);
    const dup = await t.http
      .post('/api/v1/apps')
      .set('authorization', admin)
      .send({ key: 'crm', name: 'CRM 2' })
      .expect(409);
    expect(dup.body.errors[0].path).toBe('/body/key');
    const bad = await t.http
      .post('/api/v1/apps')
      .set('authorization', admin)
      .send({ key: 'Robert"); DROP TABLE apps;--', name: 'x' })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('/body/key');
    const badId = await t.http.get('/api/v1/apps/not-a-uuid').set('authorization', admin).expect(400);
    expect(badId.body.errors[0].path).toBe('/appId');
  });
});
