import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign in, refresh, sign out', () => {
  it('signs in with the seeded admin and reads /me', async () => {
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'admin@tessera.local', password: TEST_ADMIN_PASSWORD })
      .expect(200);
    expect(login.body.user).toMatchObject({ email: 'admin@tessera.local', isAdmin: true, tenant: { slug: 'demo' } });
    expect(login.body.expiresIn).toBe(900);
    const me = await t.http.get('/api/v1/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body.id).toBe(login.body.user.id);
    expect(me.body.departmentIds).toHaveLength(1);
  });

  it('refuses /me without a token or with a forged one', async () => {
    const missing = await t.http.get('/api/v1/me').expect(401);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get('/api/v1/me').set('authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.bad').expect(401);
  });

  it('rotates refresh tokens: each works once, and logout revokes', async () => {
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'admin@tessera.local', password: TEST_ADMIN_PASSWORD })
      .expect(200);
    const first = login.body.refreshToken as string;
    const refreshed = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(first);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401);
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: refreshed.body.refreshToken }).expect(204);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);
  });

  it('rate-limits wrong passwords per e-mail, then lets the right one in only after the window', async () => {
    await t.http
      .post('/api/v1/users')
      .set('authorization', await t.login())
      .send({ email: 'rep@tessera.local', name: 'Rep', password: 'rep-Passw0rd' })
      .expect(201);
    for (let i = 0; i < 5; i++) {
      const wrong = await t.http
        .post('/api/v1/auth/login')
        .send({ email: 'rep@tessera.local', password: `wrong-${i}` })
        .expect(401);
      expect(wrong.body.detail).toMatch(/wrong/);
    }
    const limited = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'rep@tessera.local', password: 'rep-Passw0rd' })
      .expect(429);
    expect(limited.body.retryAfter).toBeGreaterThan(0);
    // Other accounts are not affected.
    await t.login();
  });

  it('does not reveal whether an e-mail exists', async () => {
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@tessera.local', password: 'whatever-1' })
      .expect(401);
    const wrong = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'admin@tessera.local', password: 'whatever-1' })
      .expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });
});

describe('bad input gets 4xx problem+json naming the field', () => {
  it('malformed JSON', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors[0]).toMatchObject({ path: '/body', code: 'invalid_json' });
  });

  it('wrong types and unknown fields', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: 42, password: 'x', admin: true }).expect(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['/body/admin', '/body/email']);
  });

  it('a missing body', async () => {
    const res = await t.http.post('/api/v1/auth/login').expect(400);
    expect(res.body.status).toBe(400);
  });

  it('a huge body is refused with 413', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.cd', password: 'x'.repeat(13 * 1024 * 1024) })
      .expect(413);
    expect(res.body.errors[0].path).toBe('/body');
  });

  it('unknown routes', async () => {
    const res = await t.http
      .get('/api/v1/does-not-exist')
      .set('authorization', await t.login())
      .expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
