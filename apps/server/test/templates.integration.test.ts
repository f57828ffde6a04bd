import { Client } from 'pg';
import { CRM_FORM_KEYS, FUNNEL_STAGES, generateCrmSampleData } from '@tessera/templates';
import { DEMO_ADMIN_EMAIL, DEMO_TENANT_SLUG } from '../src/seed/demo-tenant-seed';
import { tenantSchemaName } from '../src/forms/tenant-schema';
import { TemplateInstaller, type CrmInstallResult } from '../src/templates/template-installer.service';
import { startTestApp, TestApp } from './test-app';

/** A fraction of the full sample (≈ 18,000 records) keeps this test quick; TEMPLATE_SCALE=1 times the real one. */
const SCALE = Number(process.env.TEMPLATE_SCALE ?? 0.15);

let t: TestApp;
let admin: string;
let db: Client;
let schema: string;
let installed: CrmInstallResult;

const count = async (table: string, where = 'TRUE'): Promise<number> =>
  Number(
    (await db.query(`SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE deleted_at IS NULL AND ${where}`))
      .rows[0].n,
  );

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  db = new Client({ connectionString: t.urls.ownerUrl });
  await db.connect();
  const { rows } = await db.query<{ tenant_id: string; user_id: string }>(
    `SELECT t.id AS tenant_id, u.id AS user_id FROM tenants t JOIN users u ON u.tenant_id = t.id WHERE t.slug = $1 AND u.email = $2`,
    [DEMO_TENANT_SLUG, DEMO_ADMIN_EMAIL],
  );
  const { tenant_id: tenantId, user_id: userId } = rows[0];
  schema = tenantSchemaName(tenantId);
  const started = Date.now();
  try {
    installed = await t.app
      .get(TemplateInstaller)
      .installCrm(tenantId, { tenantId, userId, isAdmin: true }, { sampleData: true, scale: SCALE, locale: 'zh-CN' });
  } catch (error) {
    console.error(JSON.stringify((error as { details?: unknown }).details ?? error).slice(0, 3000));
    throw error;
  }
  console.log(`CRM install at scale ${SCALE}: ${Date.now() - started} ms`, installed.records);
}, 120_000);

afterAll(async () => {
  await db?.end();
  await t?.close();
});

describe('the CRM template installer', () => {
  it('creates the app with every form published', async () => {
    const apps = (await t.http.get('/api/v1/apps').set('authorization', admin).expect(200)).body as {
      key: string;
      forms: { key: string; publishedVersion: number | null }[];
    }[];
    const crm = apps.find((a) => a.key === 'crm');
    expect(crm?.forms.map((f) => f.key)).toEqual([...CRM_FORM_KEYS]);
    for (const form of crm?.forms ?? []) expect(form.publishedVersion).toBeGreaterThanOrEqual(1);
    // customers gets its lifetime-value rollup in a second version, once contracts exist
    expect(crm?.forms.find((f) => f.key === 'customers')?.publishedVersion).toBe(2);
  });

  it('inserts exactly the generated sample records, back-dated, with the demo team as owners', async () => {
    const expected = generateCrmSampleData({ today: new Date().toISOString().slice(0, 10), scale: SCALE });
    for (const key of CRM_FORM_KEYS) {
      expect({ key, n: await count(key) }).toEqual({ key, n: installed.records[key] });
      expect(installed.records[key]).toBe(expected.records[key].length);
    }
    expect(installed.users).toBe(9);
    const oldest = (await db.query(`SELECT min(created_at) AS at FROM "${schema}".opportunities`)).rows[0].at as Date;
    expect(Date.now() - oldest.getTime()).toBeGreaterThan(400 * 86_400_000);
    expect(await count('leads', `owner_id IS NULL`)).toBe(await count('leads', `in_public_pool`));
    // the rollup over the late multi relation: the customers' lifetime value is their contracts' total
    const { body } = await t.http
      .get('/api/v1/forms/customers/records?limit=200')
      .set('authorization', admin)
      .expect(200);
    const ltv = (body.items as { values: { lifetime_value: number } }[]).reduce(
      (s, r) => s + Number(r.values.lifetime_value),
      0,
    );
    expect(ltv).toBeGreaterThan(0);
  });

  it('runs a report whose aggregate matches a SQL count', async () => {
    const { body } = await t.http
      .post('/api/v1/reports/crm_customers_by_region/run')
      .set('authorization', admin)
      .send({})
      .expect(200);
    const total = (body.rows as { customers: number }[]).reduce((s, r) => s + Number(r.customers), 0);
    expect(total).toBe(await count('customers'));
    const lost = await t.http
      .post('/api/v1/reports/crm_loss_reasons/run')
      .set('authorization', admin)
      .send({})
      .expect(200);
    const sum = (lost.body.rows as { deals: number }[]).reduce((s, r) => s + Number(r.deals), 0);
    expect(sum).toBe(await count('opportunities', `stage = 'lost'`));
  });

  it('shows every pipeline stage in the funnel', async () => {
    const { body } = await t.http
      .post('/api/v1/reports/crm_pipeline_funnel/run')
      .set('authorization', admin)
      .send({})
      .expect(200);
    const rows = body.rows as { d0: string; value: number }[];
    expect(rows.map((r) => r.d0)).toEqual([...FUNNEL_STAGES]);
    for (const r of rows) expect(Number(r.value)).toBeGreaterThan(0);
    // cumulative: each stage reaches at most as many deals as the one before
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i].value)).toBeLessThanOrEqual(Number(rows[i - 1].value));
  });

  it('runs every dashboard without a failing chart', async () => {
    for (const key of ['crm_sales_dashboard', 'crm_pipeline_dashboard', 'crm_customer_dashboard']) {
      const { body } = await t.http
        .post(`/api/v1/dashboards/${key}/run`)
        .set('authorization', admin)
        .send({})
        .expect(200);
      const failed = (body.items as { reportKey: string; error?: unknown }[]).filter((i) => i.error);
      expect({ key, failed }).toEqual({ key, failed: [] });
    }
  });

  it('publishes the CRM flows', async () => {
    const { rows } = await db.query<{ key: string; published_version: number | null; enabled: boolean }>(
      `SELECT key, published_version, enabled FROM flows ORDER BY key`,
    );
    expect(rows.map((r) => r.key)).toEqual([
      'crm_birthday_care',
      'crm_discount_approval',
      'crm_dormant_reactivation',
      'crm_lead_assignment',
      'crm_lead_follow_up_sla',
      'crm_nightly_rfm',
      'crm_won_deal_contract',
    ]);
    for (const r of rows) expect(r.published_version).toBe(1);
  });

  it('answers 409 when the CRM is installed again, and 403 to non-administrators', async () => {
    await t.http.post('/api/v1/templates/crm/install').set('authorization', admin).send({}).expect(409);
    await t.http
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email: 'rep@t.local', name: 'Rep', password: 'rep-Passw0rd' })
      .expect(201);
    const rep = await t.login('rep@t.local', 'rep-Passw0rd');
    await t.http.post('/api/v1/templates/crm/install').set('authorization', rep).send({}).expect(403);
  });
});
