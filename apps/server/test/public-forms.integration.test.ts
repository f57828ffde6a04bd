import { createPublishedForm } from './record-fixtures';
import { startTestApp, TestApp } from './test-app';

let t: TestApp;
let admin: string;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const app = await t.http
    .post('/api/v1/apps')
    .set('authorization', admin)
    .send({ key: 'site', name: 'Website' })
    .expect(201);
  await createPublishedForm(t, admin, app.body.id, 'leads', 'Leads', [
    { key: 'name', type: 'text', label: 'Name', required: true },
    { key: 'email', type: 'email', label: 'E-mail', required: true },
    { key: 'score', type: 'number', label: 'Internal score', hidden: true },
  ]);
  const shared = await t.http
    .put('/api/v1/forms/leads/public-link')
    .set('authorization', admin)
    .send({ enabled: true })
    .expect(200);
  token = shared.body.publicToken;
});
afterAll(async () => {
  await t.close();
});

describe('public form links', () => {
  it('serves the definition without sign-in, hiding hidden fields', async () => {
    const res = await t.http.get(`/api/v1/public/forms/${token}`).expect(200);
    expect(res.body.definition.fields.map((f: { key: string }) => f.key)).toEqual(['name', 'email']);
    expect(res.body.tenantName).toContain('Demo');
  });

  it('accepts a valid submission with no owner, and validates like the API', async () => {
    const bad = await t.http
      .post(`/api/v1/public/forms/${token}/submissions`)
      .send({ values: { name: 'Zhang' } })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('/body/values/email');
    const ok = await t.http
      .post(`/api/v1/public/forms/${token}/submissions`)
      .send({ values: { name: 'Zhang', email: 'z@example.com' } })
      .expect(201);
    const record = await t.http
      .get(`/api/v1/forms/leads/records/${ok.body.id}`)
      .set('authorization', admin)
      .expect(200);
    expect(record.body).toMatchObject({ ownerId: null, createdBy: null, values: { name: 'Zhang' } });
  });

  it('rate-limits submissions per address', async () => {
    let limited = false;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await t.http
        .post(`/api/v1/public/forms/${token}/submissions`)
        .send({ values: { name: `N${i}`, email: `n${i}@example.com` } });
      limited = res.status === 429;
    }
    expect(limited).toBe(true);
  });

  it('a disabled or unknown link is a 404', async () => {
    await t.http
      .put('/api/v1/forms/leads/public-link')
      .set('authorization', admin)
      .send({ enabled: false })
      .expect(200);
    await t.http.get(`/api/v1/public/forms/${token}`).expect(404);
    await t.http.get(`/api/v1/public/forms/x'%20or%201=1`).expect(404);
  });
});
