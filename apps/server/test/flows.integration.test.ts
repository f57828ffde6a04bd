import { Client } from 'pg';
import { FlowClock } from '../src/flows/flow-clock';
import { FlowTimers } from '../src/flows/flow-timers.service';
import { FlowTriggersListener } from '../src/flows/flow-triggers.listener';
import { createPublishedForm } from './record-fixtures';
import { startTestApp, TestApp } from './test-app';

let t: TestApp;
let admin: string;
let adminId: string;
let appId: string;
let owner: Client;
const users: Record<string, { id: string; auth: string }> = {};
const DAY = 24 * 3600 * 1000;

const as = (auth: string) => ({
  get: (path: string) => t.http.get(path).set('authorization', auth),
  post: (path: string, body: unknown = {}) =>
    t.http
      .post(path)
      .set('authorization', auth)
      .send(body as object),
  put: (path: string, body: unknown) =>
    t.http
      .put(path)
      .set('authorization', auth)
      .send(body as object),
  patch: (path: string, body: unknown) =>
    t.http
      .patch(path)
      .set('authorization', auth)
      .send(body as object),
  del: (path: string) => t.http.delete(path).set('authorization', auth),
});

/** Record events reach flows through the outbox: process everything pending now (deterministic, no sleeping). */
const settle = () => t.app.get(FlowTriggersListener).drainOutbox();
const clock = () => t.app.get(FlowClock);
const fireDue = () => t.app.get(FlowTimers).fireDue();

async function createUser(name: string, managerId: string | null = null) {
  const email = `${name}@flows.test`;
  const res = await as(admin)
    .post('/api/v1/users', { email, name, password: 'Passw0rd-flows!', managerId })
    .expect(201);
  users[name] = { id: res.body.id as string, auth: await t.login(email, 'Passw0rd-flows!') };
  return users[name];
}

async function createFlow(definition: object): Promise<{ id: string; version: number }> {
  const created = await as(admin).post(`/api/v1/apps/${appId}/flows`, { definition });
  if (created.status !== 201) throw new Error(`create flow: ${JSON.stringify(created.body)}`);
  const published = await as(admin).post(`/api/v1/flows/${created.body.key as string}/publish`, {
    revision: created.body.draftRevision,
  });
  if (published.status !== 200) throw new Error(`publish flow: ${JSON.stringify(published.body)}`);
  return { id: published.body.id as string, version: published.body.version as number };
}

const todo = async (auth: string) => (await as(auth).get('/api/v1/tasks?box=todo').expect(200)).body.items;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const me = (await as(admin).get('/api/v1/me').expect(200)).body;
  adminId = (me.id ?? me.user?.id) as string;
  appId = (await as(admin).post('/api/v1/apps', { key: 'flows_app', name: 'Flows' }).expect(201)).body.id;
  owner = new Client({ connectionString: t.urls.ownerUrl });
  await owner.connect();
  const ceo = await createUser('ceo');
  const mgr = await createUser('mgr', ceo.id);
  await createUser('sales', mgr.id);
  await createUser('fin1');
  await createUser('fin2');
  await createUser('director');
  await createUser('rep1');
  await createUser('rep2');
});

afterAll(async () => {
  await owner?.end();
  await t?.close();
});

describe('flow definitions', () => {
  it('refuses an invalid definition with the path of the problem', async () => {
    const res = await as(admin)
      .post(`/api/v1/apps/${appId}/flows`, { definition: { key: 'bad', name: 'Bad', trigger: { type: 'nope' } } })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.some((e: { path: string }) => e.path.startsWith('/body/definition'))).toBe(true);
  });

  it('refuses to publish a graph that does not validate, naming the field', async () => {
    const created = await as(admin)
      .post(`/api/v1/apps/${appId}/flows`, {
        definition: {
          key: 'broken',
          name: 'Broken',
          trigger: { type: 'manual' },
          nodes: [{ id: 'start', kind: 'start' }],
          edges: [],
        },
      })
      .expect(201);
    const res = await as(admin)
      .post('/api/v1/flows/broken/publish', { revision: created.body.draftRevision })
      .expect(400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    await as(admin).post('/api/v1/flows/broken/publish', { revision: 99 }).expect(409);
    await as(users.sales.auth).post('/api/v1/flows/broken/publish', { revision: 1 }).expect(403);
  });
});

describe('a 3-level discount approval with countersign and return', () => {
  let flowVersion: number;

  beforeAll(async () => {
    await createPublishedForm(t, admin, appId, 'quotes', 'Quotes', [
      { key: 'title', type: 'text', label: 'Title', required: true },
      { key: 'discount', type: 'number', label: 'Discount %' },
      {
        key: 'status',
        type: 'select',
        label: 'Status',
        options: [
          { value: 'draft', label: 'Draft' },
          { value: 'approved', label: 'Approved' },
          { value: 'rejected', label: 'Rejected' },
        ],
      },
    ]);
    const edge = (from: string, to: string, extra: object = {}) => ({ id: `${from}-${to}`, from, to, ...extra });
    ({ version: flowVersion } = await createFlow({
      key: 'discount_approval',
      name: 'Discount approval',
      form: 'quotes',
      trigger: { type: 'record_created', form: 'quotes', condition: { field: 'discount', op: 'gt', value: 10 } },
      nodes: [
        { id: 'start', kind: 'start' },
        {
          id: 'manager',
          name: 'Manager',
          kind: 'approval',
          mode: 'single',
          assignees: [{ type: 'manager', levels: 1 }],
        },
        {
          id: 'finance',
          name: 'Finance (countersign)',
          kind: 'approval',
          mode: 'all',
          assignees: [{ type: 'users', userIds: [users.fin1.id, users.fin2.id] }],
        },
        { id: 'big', kind: 'condition' },
        {
          id: 'ceo',
          name: 'CEO',
          kind: 'approval',
          mode: 'single',
          assignees: [{ type: 'users', userIds: [users.ceo.id] }],
        },
        { id: 'approved', kind: 'update_record', values: { status: 'approved' } },
        { id: 'rejected', kind: 'update_record', values: { status: 'rejected' } },
        { id: 'end', kind: 'end' },
        { id: 'end_rejected', kind: 'end', status: 'rejected', terminate: true },
      ],
      edges: [
        edge('start', 'manager'),
        edge('manager', 'finance'),
        edge('finance', 'big'),
        edge('big', 'ceo', { condition: { field: 'discount', op: 'gt', value: 30 } }),
        edge('big', 'approved', { isDefault: true }),
        edge('ceo', 'approved'),
        edge('approved', 'end'),
        { id: 'manager-rejected', from: 'manager', to: 'rejected', on: 'rejected' },
        { id: 'finance-rejected', from: 'finance', to: 'rejected', on: 'rejected' },
        { id: 'ceo-rejected', from: 'ceo', to: 'rejected', on: 'rejected' },
        edge('rejected', 'end_rejected'),
      ],
    }));
  });

  it('runs manager → finance countersign (with a return to the manager) → CEO → record approved', async () => {
    const { sales, mgr, fin1, fin2, ceo } = users;
    const quote = await as(sales.auth)
      .post('/api/v1/forms/quotes/records', { values: { title: 'Big deal', discount: 40, status: 'draft' } })
      .expect(201);
    // A small discount does not start the flow (trigger condition).
    await as(sales.auth)
      .post('/api/v1/forms/quotes/records', { values: { title: 'Small', discount: 5, status: 'draft' } })
      .expect(201);
    await settle();

    const started = (await as(sales.auth).get('/api/v1/tasks?box=started').expect(200)).body;
    expect(started.total).toBe(1);
    const instanceId = started.items[0].id as string;
    expect(started.items[0].flowVersion).toBe(flowVersion);

    const [managerTask] = await todo(mgr.auth);
    expect(managerTask).toMatchObject({ nodeId: 'manager', instanceId, status: 'open' });
    expect((await as(mgr.auth).get('/api/v1/tasks/counts').expect(200)).body).toMatchObject({ todo: 1, done: 0 });
    // Someone else's task: 403; a stale version: 409.
    const notMine = await as(fin1.auth)
      .post(`/api/v1/tasks/${managerTask.id}/actions`, { action: 'approve' })
      .expect(403);
    expect(notMine.body.errors[0].code).toBe('not_assignee');
    const stale = await as(mgr.auth)
      .post(`/api/v1/tasks/${managerTask.id}/actions`, { action: 'approve', taskVersion: managerTask.version + 5 })
      .expect(409);
    expect(stale.body.errors[0]).toMatchObject({ path: '/body/taskVersion', code: 'stale_version' });
    await as(mgr.auth)
      .post(`/api/v1/tasks/${managerTask.id}/actions`, {
        action: 'approve',
        taskVersion: managerTask.version,
        comment: 'ok from me',
      })
      .expect(200);
    // A finished task: 409.
    const closed = await as(mgr.auth)
      .post(`/api/v1/tasks/${managerTask.id}/actions`, { action: 'approve' })
      .expect(409);
    expect(closed.body.errors[0].code).toBe('task_closed');
    const missing = await as(mgr.auth)
      .post(`/api/v1/tasks/${managerTask.id}/actions`, { action: 'return' })
      .expect(400);
    expect(missing.body.errors[0].path).toBe('/body/toNodeId');

    // Countersign: fin1 approves, fin2 returns to the manager.
    const [fin1Task] = await todo(fin1.auth);
    const [fin2Task] = await todo(fin2.auth);
    expect(fin1Task.nodeId).toBe('finance');
    await as(fin1.auth).post(`/api/v1/tasks/${fin1Task.id}/actions`, { action: 'approve' }).expect(200);
    let instance = (await as(sales.auth).get(`/api/v1/instances/${instanceId}`).expect(200)).body;
    expect(instance.waitingAt).toEqual(['finance']);
    await as(fin2.auth)
      .post(`/api/v1/tasks/${fin2Task.id}/actions`, {
        action: 'return',
        toNodeId: 'manager',
        comment: 'discount reason missing',
      })
      .expect(200);
    instance = (await as(sales.auth).get(`/api/v1/instances/${instanceId}`).expect(200)).body;
    expect(instance.waitingAt).toEqual(['manager']);

    const [again] = await todo(mgr.auth);
    await as(mgr.auth)
      .post(`/api/v1/tasks/${again.id}/actions`, { action: 'approve', comment: 'reason added' })
      .expect(200);
    for (const user of [fin1, fin2]) {
      const [task] = await todo(user.auth);
      expect(task.nodeId).toBe('finance');
      await as(user.auth).post(`/api/v1/tasks/${task.id}/actions`, { action: 'approve' }).expect(200);
    }
    const [ceoTask] = await todo(ceo.auth);
    expect(ceoTask.nodeId).toBe('ceo');
    instance = (await as(ceo.auth).post(`/api/v1/tasks/${ceoTask.id}/actions`, { action: 'approve' }).expect(200)).body;
    expect(instance.status).toBe('completed');

    const record = await as(sales.auth)
      .get(`/api/v1/forms/quotes/records/${quote.body.id as string}`)
      .expect(200);
    expect(record.body.values.status).toBe('approved');

    const history = (await as(sales.auth).get(`/api/v1/instances/${instanceId}/history`).expect(200)).body as {
      action: string;
      actorName: string | null;
      nodeId?: string;
      comment?: string;
      at: string;
    }[];
    const decisions = history.filter((h) => ['approve', 'return'].includes(h.action));
    expect(decisions.map((h) => `${h.actorName}:${h.action}:${h.nodeId}`)).toEqual([
      'mgr:approve:manager',
      'fin1:approve:finance',
      'fin2:return:finance',
      'mgr:approve:manager',
      'fin1:approve:finance',
      'fin2:approve:finance',
      'ceo:approve:ceo',
    ]);
    expect(history.find((h) => h.action === 'return')?.comment).toBe('discount reason missing');
    expect((await as(mgr.auth).get('/api/v1/tasks/counts').expect(200)).body).toMatchObject({ todo: 0, done: 2 });
    // The submitter is told; an outsider may not read the instance.
    const unread = (await as(sales.auth).get('/api/v1/notifications/unread-count').expect(200)).body.unread;
    expect(unread).toBeGreaterThanOrEqual(1);
    await as(users.director.auth).get(`/api/v1/instances/${instanceId}`).expect(403);
  });

  it('finishes running instances on the version they started with', async () => {
    const quote = await as(users.sales.auth)
      .post('/api/v1/forms/quotes/records', { values: { title: 'v1 deal', discount: 20 } })
      .expect(201);
    await settle();
    const flow = (await as(admin).get('/api/v1/flows/discount_approval').expect(200)).body;
    const draft = { ...flow.draft, name: 'Discount approval v2' };
    const saved = await as(admin)
      .put('/api/v1/flows/discount_approval/draft', { revision: flow.draftRevision, definition: draft })
      .expect(200);
    const v2 = await as(admin)
      .post('/api/v1/flows/discount_approval/publish', { revision: saved.body.draftRevision })
      .expect(200);
    expect(v2.body.version).toBe(flowVersion + 1);
    const versions = (await as(admin).get('/api/v1/flows/discount_approval/versions').expect(200)).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([flowVersion + 1, flowVersion]);
    const [task] = (await todo(users.mgr.auth)).filter((x: { recordId: string }) => x.recordId === quote.body.id);
    const instance = (
      await as(admin)
        .get(`/api/v1/instances/${task.instanceId as string}`)
        .expect(200)
    ).body;
    expect(instance.flowVersion).toBe(flowVersion);
    // Reject at the manager → rejected path updates the record and ends the instance rejected.
    const done = await as(users.mgr.auth)
      .post(`/api/v1/tasks/${task.id as string}/actions`, { action: 'reject' })
      .expect(200);
    expect(done.body.status).toBe('rejected');
  });

  it('lets exactly one of two or-sign approvers complete the node when both act at once', async () => {
    await createFlow({
      key: 'or_sign',
      name: 'Or-sign',
      trigger: { type: 'manual' },
      nodes: [
        { id: 'start', kind: 'start' },
        {
          id: 'any',
          kind: 'approval',
          mode: 'any',
          assignees: [{ type: 'users', userIds: [users.fin1.id, users.fin2.id] }],
        },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e_a', from: 'start', to: 'any' },
        { id: 'e_b', from: 'any', to: 'end' },
      ],
    });
    const started = await as(users.sales.auth).post('/api/v1/flows/or_sign/start', {}).expect(201);
    const tasks = started.body.tasks as { id: string; assigneeId: string }[];
    expect(tasks).toHaveLength(2);
    const byUser = (id: string) => tasks.find((x) => x.assigneeId === id)?.id as string;
    const results = await Promise.all([
      as(users.fin1.auth).post(`/api/v1/tasks/${byUser(users.fin1.id)}/actions`, { action: 'approve' }),
      as(users.fin2.auth).post(`/api/v1/tasks/${byUser(users.fin2.id)}/actions`, { action: 'approve' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const instance = (
      await as(admin)
        .get(`/api/v1/instances/${started.body.id as string}`)
        .expect(200)
    ).body;
    expect(instance.status).toBe('completed');
    expect(instance.tasks.filter((x: { status: string }) => x.status === 'approved')).toHaveLength(1);
  });

  it('stops a flow that would loop forever at the step limit, failed and visible', async () => {
    await createFlow({
      key: 'forever',
      name: 'Forever',
      trigger: { type: 'manual' },
      settings: { maxSteps: 50 },
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'a', kind: 'multi_merge' },
        { id: 'b', kind: 'multi_merge' },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e_s', from: 'start', to: 'a' },
        { id: 'e_ab', from: 'a', to: 'b', isDefault: true },
        { id: 'e_ae', from: 'a', to: 'end', condition: { field: 'vars.stop', op: 'eq', value: true } },
        { id: 'e_ba', from: 'b', to: 'a' },
      ],
    });
    const res = await as(users.sales.auth).post('/api/v1/flows/forever/start', {}).expect(201);
    expect(res.body.status).toBe('failed');
    expect(res.body.reason).toMatch(/step limit/i);
    const failed = (await as(admin).get('/api/v1/instances?status=failed&flow=forever').expect(200)).body;
    expect(failed.map((i: { id: string }) => i.id)).toContain(res.body.id);
  });

  it('lets only administrators cancel an instance', async () => {
    const started = await as(users.sales.auth).post('/api/v1/flows/or_sign/start', {}).expect(201);
    await as(users.sales.auth)
      .post(`/api/v1/instances/${started.body.id as string}/cancel`, { reason: 'mine' })
      .expect(403);
    await as(admin)
      .post(`/api/v1/instances/${started.body.id as string}/cancel`, {})
      .expect(400);
    const cancelled = await as(admin)
      .post(`/api/v1/instances/${started.body.id as string}/cancel`, { reason: 'duplicate request' })
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.tasks.every((x: { status: string }) => x.status !== 'open')).toBe(true);
    await as(admin).get('/api/v1/instances/not-an-id').expect(400);
  });
});

describe('no follow-up within 3 days → notify the director and reassign (controllable clock)', () => {
  beforeAll(async () => {
    await createPublishedForm(t, admin, appId, 'leads', 'Leads', [
      { key: 'name', type: 'text', label: 'Name', required: true },
      {
        key: 'status',
        type: 'select',
        label: 'Status',
        options: [
          { value: 'new', label: 'New' },
          { value: 'contacted', label: 'Contacted' },
        ],
      },
    ]);
    await createFlow({
      key: 'lead_follow_up',
      name: 'Lead follow-up',
      form: 'leads',
      trigger: { type: 'record_created', form: 'leads' },
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'wait', kind: 'delay', duration: { amount: 3, unit: 'days' } },
        { id: 'check', kind: 'condition' },
        {
          id: 'tell',
          kind: 'notify',
          recipients: [{ type: 'users', userIds: [users.director.id] }],
          title: { $expr: '"Lead not followed up: " & name' },
        },
        {
          id: 'reassign',
          kind: 'assign_owner',
          strategy: 'round_robin',
          candidates: [{ type: 'users', userIds: [users.rep1.id, users.rep2.id] }],
        },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'wait' },
        { id: 'e2', from: 'wait', to: 'check' },
        { id: 'e3', from: 'check', to: 'tell', condition: { field: 'status', op: 'eq', value: 'new' } },
        { id: 'e4', from: 'check', to: 'end', isDefault: true },
        { id: 'e5', from: 'tell', to: 'reassign' },
        { id: 'e6', from: 'reassign', to: 'end' },
      ],
    });
  });

  it('waits 3 days on a durable timer, then notifies and reassigns only the leads nobody followed up', async () => {
    const lead = async (name: string) =>
      (
        await as(admin)
          .post('/api/v1/forms/leads/records', { values: { name, status: 'new' } })
          .expect(201)
      ).body;
    const a = await lead('Ignored Ltd');
    const b = await lead('Called Co');
    const c = await lead('Also ignored');
    await settle();
    const timers = await owner.query(`SELECT key, fire_at FROM flow_timers WHERE kind = 'instance'`);
    expect(timers.rowCount).toBe(3);
    const jobs = await owner.query(
      `SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ANY($1::text[])`,
      [timers.rows.map((r: { key: string }) => r.key)],
    );
    expect(jobs.rows[0].n).toBe(3);
    // B is followed up on day 1: the running instance sees the change.
    await as(admin)
      .patch(`/api/v1/forms/leads/records/${b.id as string}`, { version: b.version, values: { status: 'contacted' } })
      .expect(200);
    await settle();

    clock().advance(2 * DAY);
    expect(await fireDue()).toBe(0);
    clock().advance(DAY + 60_000);
    expect(await fireDue()).toBe(3);

    const notes = (await as(users.director.auth).get('/api/v1/notifications').expect(200)).body;
    expect(notes.items.map((n: { title: string }) => n.title).sort()).toEqual([
      'Lead not followed up: Also ignored',
      'Lead not followed up: Ignored Ltd',
    ]);
    expect(notes.unread).toBe(2);
    const ownerOf = async (id: string) =>
      (await as(admin).get(`/api/v1/forms/leads/records/${id}`).expect(200)).body.ownerId as string;
    const owners = [await ownerOf(a.id as string), await ownerOf(c.id as string)];
    expect(owners.sort()).toEqual([users.rep1.id, users.rep2.id].sort()); // round-robin: one each
    expect(await ownerOf(b.id as string)).toBe(adminId);
    const first = notes.items[0].id as string;
    await as(users.director.auth).post(`/api/v1/notifications/${first}/read`).expect(204);
    expect((await as(users.director.auth).get('/api/v1/notifications/unread-count').expect(200)).body.unread).toBe(1);
    await as(users.rep1.auth).post(`/api/v1/notifications/${first}/read`).expect(404);
    expect((await owner.query(`SELECT count(*)::int AS n FROM flow_timers WHERE kind = 'instance'`)).rows[0].n).toBe(0);
  });
});

describe('a birthday reminder 7 days before, rescheduled when the birthday changes', () => {
  let flowId: string;

  beforeAll(async () => {
    await createPublishedForm(t, admin, appId, 'customers', 'Customers', [
      { key: 'name', type: 'text', label: 'Name', required: true },
      { key: 'birthday', type: 'date', label: 'Birthday' },
    ]);
    ({ id: flowId } = await createFlow({
      key: 'birthday_reminder',
      name: 'Birthday reminder',
      form: 'customers',
      trigger: {
        type: 'date_field',
        form: 'customers',
        field: 'birthday',
        offset: { amount: -7, unit: 'days' },
        atTime: '09:00',
      },
      nodes: [
        { id: 'start', kind: 'start' },
        {
          id: 'remind',
          kind: 'notify',
          recipients: [{ type: 'record_owner' }],
          title: { $expr: '"Birthday soon: " & name' },
        },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'remind' },
        { id: 'e2', from: 'remind', to: 'end' },
      ],
    }));
  });

  const day = (offsetDays: number) => new Date(clock().now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  const timerOf = async (recordId: string) =>
    (await owner.query(`SELECT key, fire_at FROM flow_timers WHERE key = $1`, [`flow:${flowId}:date:${recordId}`]))
      .rows[0] as { key: string; fire_at: Date } | undefined;

  it('schedules, reschedules on change, cancels on delete and fires once when due', async () => {
    const birthday = day(30);
    const customer = (
      await as(admin)
        .post('/api/v1/forms/customers/records', { values: { name: 'Ada', birthday } })
        .expect(201)
    ).body;
    const other = (
      await as(admin)
        .post('/api/v1/forms/customers/records', { values: { name: 'Bob', birthday: day(20) } })
        .expect(201)
    ).body;
    await settle();
    const first = await timerOf(customer.id as string);
    // 7 days before, 09:00 in the tenant's zone (Asia/Shanghai = UTC+8).
    const reminderAt = (date: string) => new Date(Date.parse(`${date}T09:00:00+08:00`) - 7 * DAY).toISOString();
    expect(first?.fire_at.toISOString()).toBe(reminderAt(birthday));

    const moved = day(60);
    await as(admin)
      .patch(`/api/v1/forms/customers/records/${customer.id as string}`, {
        version: customer.version,
        values: { birthday: moved },
      })
      .expect(200);
    await settle();
    const second = await timerOf(customer.id as string);
    expect(second?.fire_at.toISOString()).toBe(reminderAt(moved));
    const jobs = await owner.query(`SELECT run_at FROM graphile_worker._private_jobs WHERE key = $1`, [second?.key]);
    expect(jobs.rows).toHaveLength(1);
    expect(new Date(jobs.rows[0].run_at).toISOString()).toBe(second?.fire_at.toISOString());

    await as(admin)
      .del(`/api/v1/forms/customers/records/${other.id as string}`)
      .expect(204);
    await settle();
    expect(await timerOf(other.id as string)).toBeUndefined();
    expect(
      (
        await owner.query(`SELECT 1 FROM graphile_worker._private_jobs WHERE key = $1`, [
          `flow:${flowId}:date:${other.id as string}`,
        ])
      ).rowCount,
    ).toBe(0);

    const birthdayNotes = async () =>
      (await as(admin).get('/api/v1/notifications').expect(200)).body.items.filter((n: { title: string }) =>
        n.title.startsWith('Birthday soon'),
      );
    clock().advance(30 * DAY); // the old date's reminder time has passed: nothing fires
    await fireDue();
    expect(await birthdayNotes()).toHaveLength(0);
    clock().advance(24 * DAY); // 54 days: past 60 - 7 days at 09:00 (+08:00)
    expect(await fireDue()).toBe(1);
    const notes = await birthdayNotes();
    expect(notes.map((n: { title: string }) => n.title)).toEqual(['Birthday soon: Ada']);
    expect(await timerOf(customer.id as string)).toBeUndefined();
  });
});

describe('an incoming webhook creating records', () => {
  let token: string;

  beforeAll(async () => {
    await createPublishedForm(t, admin, appId, 'web_leads', 'Web leads', [
      { key: 'name', type: 'text', label: 'Name', required: true },
      { key: 'email', type: 'email', label: 'E-mail' },
      { key: 'source', type: 'text', label: 'Source' },
    ]);
    await createFlow({
      key: 'web_lead_intake',
      name: 'Web lead intake',
      trigger: { type: 'webhook', form: 'web_leads' },
      nodes: [
        { id: 'start', kind: 'start' },
        {
          id: 'create',
          kind: 'create_record',
          form: 'web_leads',
          values: { name: { $var: 'vars.payload.name' }, email: { $var: 'vars.payload.email' }, source: 'website' },
          resultVar: 'lead',
        },
        { id: 'total', kind: 'calculate', expression: '$count(vars.payload.tags)', resultVar: 'tagCount' },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'create' },
        { id: 'e2', from: 'create', to: 'total' },
        { id: 'e3', from: 'total', to: 'end' },
      ],
    });
    token = (await as(admin).post('/api/v1/flows/web_lead_intake/webhook-token').expect(201)).body.token;
  });

  it('refuses a wrong token with 401 and starts the flow with the right one', async () => {
    const wrong = await t.http
      .post(`/api/v1/webhooks/flows/web_lead_intake/${'x'.repeat(32)}`)
      .send({ name: 'Eve' })
      .expect(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    await t.http.post(`/api/v1/webhooks/flows/or_sign/${token}`).send({ name: 'Eve' }).expect(401);
    const ok = await t.http
      .post(`/api/v1/webhooks/flows/web_lead_intake/${token}`)
      .send({ name: 'Grace', email: 'grace@example.com', tags: ['a', 'b', 'c'] })
      .expect(201);
    expect(ok.body.status).toBe('completed');
    const instance = (
      await as(admin)
        .get(`/api/v1/instances/${ok.body.instanceId as string}`)
        .expect(200)
    ).body;
    expect(instance.vars.tagCount).toBe(3);
    const list = await as(admin).get('/api/v1/forms/web_leads/records').expect(200);
    expect(list.body.items.map((r: { values: { name: string; source: string } }) => r.values)).toEqual([
      expect.objectContaining({ name: 'Grace', source: 'website' }),
    ]);
    // Invalid data from outside: the API's validation applies; the instance fails visibly with the reason.
    const bad = await t.http
      .post(`/api/v1/webhooks/flows/web_lead_intake/${token}`)
      .send({ email: 'nope' })
      .expect(201);
    expect(bad.body.status).toBe('failed');
    const failed = (
      await as(admin)
        .get(`/api/v1/instances/${bad.body.instanceId as string}`)
        .expect(200)
    ).body;
    expect(failed.reason).toMatch(/name/);
  });
});
