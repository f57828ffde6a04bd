import { Client } from 'pg';
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

describe('departments and users', () => {
  it('builds a department tree in depth-first order', async () => {
    const root = (await t.http.get('/api/v1/departments').set('authorization', admin).expect(200)).body[0];
    const child = await t.http
      .post('/api/v1/departments')
      .set('authorization', admin)
      .send({ name: 'R&D', parentId: root.id })
      .expect(201);
    expect(child.body).toMatchObject({ name: 'R&D', parentId: root.id, depth: 1 });
    const grandchild = await t.http
      .post('/api/v1/departments')
      .set('authorization', admin)
      .send({ name: 'Platform', parentId: child.body.id })
      .expect(201);
    expect(grandchild.body.depth).toBe(2);
    const tree = (await t.http.get('/api/v1/departments').set('authorization', admin).expect(200)).body as {
      id: string;
    }[];
    expect(tree.findIndex((d) => d.id === grandchild.body.id)).toBe(tree.findIndex((d) => d.id === child.body.id) + 1);
  });

  it('refuses an unknown parent department, naming the field', async () => {
    const res = await t.http
      .post('/api/v1/departments')
      .set('authorization', admin)
      .send({ name: 'X', parentId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(res.body.errors[0].path).toBe('/body/parentId');
  });

  it('creates users with unique e-mails; members may not create users', async () => {
    await t.http
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email: 'li@tessera.local', name: '李雷', password: 'li-Passw0rd' })
      .expect(201);
    const dup = await t.http
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email: 'LI@tessera.local', name: 'Li 2', password: 'li-Passw0rd' })
      .expect(409);
    expect(dup.body.errors[0].path).toBe('/body/email');
    const member = await t.login('li@tessera.local', 'li-Passw0rd');
    await t.http
      .post('/api/v1/users')
      .set('authorization', member)
      .send({ email: 'x@tessera.local', name: 'X', password: 'x-Passw0rd' })
      .expect(403);
    const users = (await t.http.get('/api/v1/users').set('authorization', member).expect(200)).body as {
      email: string;
    }[];
    expect(users.map((u) => u.email)).toContain('li@tessera.local');
  });

  it('lets a user switch language', async () => {
    const res = await t.http.patch('/api/v1/me').set('authorization', admin).send({ locale: 'en-US' }).expect(200);
    expect(res.body.locale).toBe('en-US');
    await t.http.patch('/api/v1/me').set('authorization', admin).send({ locale: 'fr-FR' }).expect(400);
  });
});

describe('row-level security', () => {
  it('the app role sees no tenant rows without app.tenant_id, and only its tenant with it', async () => {
    // A second tenant, written on the owner connection.
    const owner = new Client({ connectionString: t.urls.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO tenants (slug, name) VALUES ('other', 'Other') RETURNING id`,
    );
    const otherTenant = rows[0].id;
    await owner.query(
      `INSERT INTO users (tenant_id, email, name, password_hash) VALUES ($1, 'o@other.local', 'O', 'x')`,
      [otherTenant],
    );
    const demo = (await owner.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'demo'`)).rows[0].id;
    await owner.end();

    expect(t.urls.appRole).toBeTruthy();
    const app = new Client({ connectionString: t.urls.appUrl });
    await app.connect();
    try {
      const role = await app.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      );
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      expect((await app.query('SELECT * FROM users')).rowCount).toBe(0);
      expect((await app.query('SELECT * FROM tenants')).rowCount).toBe(0);
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [otherTenant]);
      const visible = await app.query<{ email: string }>('SELECT email FROM users');
      expect(visible.rows.map((r) => r.email)).toEqual(['o@other.local']);
      // Writing into another tenant is refused by the policy's WITH CHECK.
      await expect(
        app.query(`INSERT INTO users (tenant_id, email, name, password_hash) VALUES ($1, 'sneak@x.local', 'S', 'x')`, [
          demo,
        ]),
      ).rejects.toThrow(/row-level security/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });
});
