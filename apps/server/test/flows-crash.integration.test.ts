import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { createPublishedForm } from './record-fixtures';
import type { TestApp } from './test-app';

/**
 * A real server process (main.ts, as in production) is SIGKILLed while a flow instance waits on a timer; a new
 * process on the same database must fire the timer and finish the instance — nothing lives only in memory.
 */
const PASSWORD = 'crash-Test-Passw0rd!';
let db: TestDatabase;
let server: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-crash-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      TESSERA_ADMIN_PASSWORD: PASSWORD,
      JWT_SECRET: 'crash-test-secret-that-is-long-enough-for-hs256',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  db = await createTestDatabase('crash');
});

afterAll(async () => {
  server?.kill('SIGKILL');
  await db?.drop();
});

it('resumes a waiting timer after the server is killed and restarted', async () => {
  const port = await freePort();
  server = await startServer(port);
  const http = request(`http://127.0.0.1:${port}`);
  const login = await http.post('/api/v1/auth/login').send({ email: 'admin@tessera.local', password: PASSWORD });
  expect(login.status).toBe(200);
  const auth = `Bearer ${login.body.accessToken as string}`;
  const appId = (
    await http.post('/api/v1/apps').set('authorization', auth).send({ key: 'ops', name: 'Ops' }).expect(201)
  ).body.id as string;
  await createPublishedForm({ http } as unknown as TestApp, auth, appId, 'tickets', 'Tickets', [
    { key: 'title', type: 'text', label: 'Title', required: true },
    { key: 'due_at', type: 'datetime', label: 'Due' },
    { key: 'state', type: 'text', label: 'State' },
  ]);
  const created = await http
    .post(`/api/v1/apps/${appId}/flows`)
    .set('authorization', auth)
    .send({
      definition: {
        key: 'escalate_when_due',
        name: 'Escalate when due',
        form: 'tickets',
        trigger: { type: 'manual', form: 'tickets' },
        nodes: [
          { id: 'start', kind: 'start' },
          { id: 'wait', kind: 'delay', until: { field: 'due_at' } },
          { id: 'escalate', kind: 'update_record', values: { state: 'escalated' } },
          { id: 'end', kind: 'end' },
        ],
        edges: [
          { id: 'e1', from: 'start', to: 'wait' },
          { id: 'e2', from: 'wait', to: 'escalate' },
          { id: 'e3', from: 'escalate', to: 'end' },
        ],
      },
    })
    .expect(201);
  await http
    .post('/api/v1/flows/escalate_when_due/publish')
    .set('authorization', auth)
    .send({ revision: created.body.draftRevision })
    .expect(200);
  const dueAt = new Date(Date.now() + 8000).toISOString();
  const ticket = await http
    .post('/api/v1/forms/tickets/records')
    .set('authorization', auth)
    .send({ values: { title: 'Printer on fire', due_at: dueAt, state: 'open' } })
    .expect(201);
  const started = await http
    .post('/api/v1/flows/escalate_when_due/start')
    .set('authorization', auth)
    .send({ recordId: ticket.body.id })
    .expect(201);
  expect(started.body).toMatchObject({ status: 'running', waitingAt: ['wait'] });

  // Killed without any chance to clean up.
  server.kill('SIGKILL');
  await new Promise((resolve) => server?.once('exit', resolve));

  server = await startServer(port);
  const deadline = Date.now() + 40_000;
  let instance = started.body as { status: string };
  while (instance.status === 'running' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    instance = (await http.get(`/api/v1/instances/${started.body.id as string}`).set('authorization', auth)).body;
  }
  expect(instance.status).toBe('completed');
  const record = await http
    .get(`/api/v1/forms/tickets/records/${ticket.body.id as string}`)
    .set('authorization', auth)
    .expect(200);
  expect(record.body.values.state).toBe('escalated');
  server.kill('SIGTERM');
  await new Promise((resolve) => server?.once('exit', resolve));
  server = undefined;
}, 180_000);
