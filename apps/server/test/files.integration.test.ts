import { readdirSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { hashPassword } from '../src/auth/password-hasher';
import { createPublishedForm } from './record-fixtures';
import { startTestApp, TestApp } from './test-app';

let t: TestApp;
let admin: string;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const MAX_BYTES = 20 * 1024 * 1024;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
});
afterAll(async () => {
  await t.close();
});

/** supertest buffers binary bodies only when told how. */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const upload = (auth: string, name: string, body: Buffer | string, type = 'application/octet-stream') =>
  t.http.post('/api/v1/files').query({ name }).set('authorization', auth).set('content-type', type).send(body);

describe('file upload and download', () => {
  it('round-trips a file with a Chinese name, streamed to DATA_DIR/files/<tenant>/<aa>/<id>', async () => {
    const content = Buffer.from('合同正文 contract body\n'.repeat(1000));
    const res = await upload(admin, '合同 2024(终稿).pdf', content, 'application/pdf').expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '合同 2024(终稿).pdf',
      size: content.length,
      type: 'application/pdf',
      url: `/api/v1/files/${res.body.id as string}`,
    });
    const id = res.body.id as string;
    const tenants = readdirSync(join(t.config.dataDir, 'files'));
    expect(tenants).toHaveLength(1);
    expect(readdirSync(join(t.config.dataDir, 'files', tenants[0], id.slice(0, 2)))).toEqual([id]);

    const download = await t.http
      .get(`/api/v1/files/${id}`)
      .set('authorization', admin)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="__ 2024(__).pdf"; filename*=UTF-8''${encodeURIComponent('合同 2024')}%28${encodeURIComponent('终稿')}%29.pdf`,
    );
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
  });

  it('serves images inline and keeps a JSON file as content, not a request body', async () => {
    const image = await upload(admin, 'logo.png', PNG, 'image/png').expect(201);
    const res = await t.http.get(image.body.url).set('authorization', admin).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="logo.png"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const json = await upload(admin, 'data.json', '{"not": "parsed"', 'application/json').expect(201);
    expect(json.body).toMatchObject({ size: 16, type: 'application/json' });
  });

  it('refuses a bad name, an empty body and a body over 20 MB, naming the input', async () => {
    for (const name of ['../etc/passwd', 'a\\b.txt', '..']) {
      const res = await upload(admin, name, 'x').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors[0].path).toBe('/query/name');
    }
    const missing = await t.http.post('/api/v1/files').set('authorization', admin).send('x').expect(400);
    expect(missing.body.errors[0].path).toBe('/query/name');
    const empty = await upload(admin, 'empty.txt', Buffer.alloc(0)).expect(400);
    expect(empty.body.errors[0].path).toBe('/body');

    const big = await upload(admin, 'big.bin', Buffer.alloc(MAX_BYTES + 1)).expect(413);
    expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(big.body.errors[0]).toMatchObject({ path: '/body', code: 'too_large' });
    // Exactly at the limit is fine.
    await upload(admin, 'limit.bin', Buffer.alloc(MAX_BYTES, 1)).expect(201);
  });

  it('counts a chunked body (no Content-Length) while streaming: 413 past the limit, no partial file left', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const storedFiles = () =>
      readdirSync(join(t.config.dataDir, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        .length;
    const before = storedFiles();
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/v1/files?name=stream.bin',
          headers: { authorization: admin },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 7);
      for (let i = 0; i < 21; i++) req.write(chunk);
      req.end();
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body).errors[0].path).toBe('/body');
    expect(storedFiles()).toBe(before);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    await t.http.get('/api/v1/files/00000000-0000-4000-8000-000000000000').set('authorization', admin).expect(404);
    const bad = await t.http.get('/api/v1/files/nope').set('authorization', admin).expect(400);
    expect(bad.body.errors[0].path).toBe('/id');
    await t.http.get('/api/v1/files/00000000-0000-4000-8000-000000000000').expect(401);
  });
});

describe('tenant isolation', () => {
  it('a file of tenant A is 404 for tenant B, and B cannot reference it in a record', async () => {
    const owner = new Client({ connectionString: t.urls.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ id: string }>(
        `INSERT INTO tenants (slug, name) VALUES ('other', 'Other') RETURNING id`,
      );
      await owner.query(
        `INSERT INTO users (tenant_id, email, name, password_hash, is_admin) VALUES ($1, 'b@other.local', 'B', $2, true)`,
        [rows[0].id, await hashPassword('other-Passw0rd')],
      );
    } finally {
      await owner.end();
    }
    const other = await t.login('b@other.local', 'other-Passw0rd');

    const mine = await upload(admin, '机密.txt', 'tenant A only', 'text/plain').expect(201);
    await t.http
      .get(`/api/v1/files/${mine.body.id as string}`)
      .set('authorization', other)
      .expect(404);
    const theirs = await upload(other, 'b.txt', 'tenant B', 'text/plain').expect(201);
    await t.http
      .get(`/api/v1/files/${theirs.body.id as string}`)
      .set('authorization', other)
      .expect(200);
    await t.http
      .get(`/api/v1/files/${theirs.body.id as string}`)
      .set('authorization', admin)
      .expect(404);

    const appId = (
      await t.http.post('/api/v1/apps').set('authorization', other).send({ key: 'b_docs', name: 'B' }).expect(201)
    ).body.id as string;
    await createPublishedForm(t, other, appId, 'b_files', 'B files', [
      { key: 'doc', type: 'attachment', label: 'Doc' },
    ]);
    const value = (file: { id: string; name: string }) => ({ values: { doc: [{ id: file.id, name: file.name }] } });
    const refused = await t.http
      .post('/api/v1/forms/b_files/records')
      .set('authorization', other)
      .send(value(mine.body))
      .expect(400);
    expect(refused.body.errors[0]).toMatchObject({ path: '/body/values/doc', code: 'not_found' });
    await t.http.post('/api/v1/forms/b_files/records').set('authorization', other).send(value(theirs.body)).expect(201);
  });
});

describe('records referencing files', () => {
  it('accepts an image value pointing at an uploaded file and refuses a bogus id, naming the field', async () => {
    const appId = (
      await t.http.post('/api/v1/apps').set('authorization', admin).send({ key: 'docs', name: 'Docs' }).expect(201)
    ).body.id as string;
    await createPublishedForm(t, admin, appId, 'photos', 'Photos', [
      { key: 'title', type: 'text', label: 'Title' },
      { key: 'photo', type: 'image', label: { 'zh-CN': '照片', 'en-US': 'Photo' }, maxFiles: 2 },
      { key: 'files', type: 'attachment', label: 'Files' },
    ]);
    const image = await upload(admin, '现场照片.png', PNG, 'image/png').expect(201);
    const stored = {
      id: image.body.id as string,
      name: image.body.name as string,
      size: image.body.size as number,
      mimeType: image.body.type as string,
      url: image.body.url as string,
    };
    const created = await t.http
      .post('/api/v1/forms/photos/records')
      .set('authorization', admin)
      .send({ values: { title: 'ok', photo: [stored] } })
      .expect(201);
    const read = await t.http
      .get(`/api/v1/forms/photos/records/${created.body.id as string}`)
      .set('authorization', admin)
      .expect(200);
    expect(read.body.values.photo).toEqual([stored]);

    const bogus = { id: '00000000-0000-4000-8000-000000000000', name: 'x.pdf', size: 1, mimeType: 'application/pdf' };
    const refused = await t.http
      .post('/api/v1/forms/photos/records')
      .set('authorization', admin)
      .send({ values: { title: 'bad', files: [bogus] } })
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/body/values/files', code: 'not_found' })]);

    const patched = await t.http
      .patch(`/api/v1/forms/photos/records/${created.body.id as string}`)
      .set('authorization', admin)
      .send({ version: read.body.version as number, values: { photo: [stored, { ...bogus, mimeType: 'image/png' }] } });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].path).toBe('/body/values/photo');
  });
});
