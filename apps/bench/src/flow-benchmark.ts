import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client, Pool } from 'pg';
import { TenantDatabase } from '../../server/src/db/tenant-database.service';
import { FlowTimers } from '../../server/src/flows/flow-timers.service';
import { api, BENCH_PASSWORD, startBenchServer, type BenchServer } from './bench-server';
import type { FlowLoadJob, FlowLoadResult, FlowRequest } from './flow-load-worker';
import { latencyStats, round, runConcurrently, type LatencyStats } from './latency-stats';

/**
 * Issue 6 — the flow engine's budgets (DESIGN.md: "≥ 1,000 approval steps per second through the API; 100k pending
 * timers without slowdown"), measured on the real server (embedded PostgreSQL, HTTP, flow worker running as in
 * main.ts):
 * 1. approval steps/s through POST /tasks/:id/actions, with a bare jsonb UPDATE per step over a pg Pool as the
 *    baseline of the same run (same count, same concurrency, same pool size as the server);
 * 2. instances started per second by a record_created trigger (POST /records/bulk → outbox → instances);
 * 3. N pending timers (flows waiting on `delay until due_at`, scheduled by the engine through the record trigger),
 *    of which `dueSoon` are due within a short window: scheduling rate, firing rate, lateness (fire − due) and the
 *    p50 of GET /api/health while they fire.
 * Approvals and triggers run `rounds` times and report the median round.
 */
export interface FlowBenchmarkOptions {
  approvals: number;
  triggeredRecords: number;
  timers: number;
  /** Of `timers`, how many are due within the window (the rest are due in a day: pending, not firing). */
  /** Of `timers`, how many are due evenly over `dueWindowSeconds` (lateness when the due rate is sustainable). */
  steadyTimers?: number;
  dueWindowSeconds?: number;
  /** Of `timers`, how many are all due at one instant after the window (firing capacity). */
  burstTimers?: number;
  /** The rest (far future, never firing during the run) through FlowTimers.schedule or through the engine. */
  farVia?: 'service' | 'engine';
  concurrency?: number;
  rounds?: number;
  /** graphile-worker concurrency of the flow worker (main.ts default 4). */
  workerConcurrency?: number;
  /** Give up waiting for timers to fire after this many seconds past the end of the window. */
  fireTimeoutSeconds?: number;
  server?: BenchServer;
  log?: (line: string) => void;
}

export type Rate = { perSecond: number } & LatencyStats;

export interface ApprovalRound {
  start: Rate;
  approve: Rate;
  bareUpdate: Rate;
  ratio: number;
}

export interface FlowBenchmarkResult {
  approvals: {
    instancesPerRound: number;
    concurrency: number;
    rounds: ApprovalRound[];
    /** The median round by approve steps/s. */
    median: ApprovalRound;
    /** SQL statements sent by the server per approval call (incl. BEGIN/COMMIT/tenant setting), round 1. */
    queriesPerStep: number;
    stateBytes: number;
  };
  trigger: {
    recordsPerRound: number;
    rounds: { bulkSeconds: number; allInstancesSeconds: number; instancesPerSecond: number }[];
    median: { bulkSeconds: number; allInstancesSeconds: number; instancesPerSecond: number };
  };
  timers: {
    /** Timers pending in total (flow_timers rows + graphile jobs). */
    pending: number;
    /** How the far-future part was scheduled: FlowTimers.schedule directly, or flows through the engine. */
    farVia: 'service' | 'engine';
    farSeconds: number;
    /** Due evenly over `windowSeconds` (on-time firing), then `burst` all due at one instant (firing capacity). */
    steady: number;
    burst: number;
    windowSeconds: number;
    /** Scheduling of the steady + burst timers by the engine (record trigger → delay-until node). */
    engineScheduleSeconds: number;
    engineSchedulePerSecond: number;
    /** flow_timers rows / graphile flow_timer jobs when the first timer came due. */
    pendingAtFirstDue: number;
    jobsAtFirstDue: number;
    scheduledBeforeFirstDue: boolean;
    fired: number;
    steadyLateness: LatencyStats & { max: number };
    burstLateness: LatencyStats & { max: number };
    burstSeconds: number;
    burstFirePerSecond: number;
    health: LatencyStats;
    healthBaseline: LatencyStats;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = <T>(items: T[], by: (item: T) => number): T =>
  [...items].sort((a, b) => by(a) - by(b))[Math.floor((items.length - 1) / 2)];

function runLoad(job: FlowLoadJob): { done: Promise<FlowLoadResult>; stop(): void } {
  const worker = new Worker(join(__dirname, 'flow-load-worker.ts'), {
    workerData: job,
    execArgv: ['-r', '@swc-node/register'],
  });
  const done = new Promise<FlowLoadResult>((resolve, reject) => {
    worker.once('message', (result: FlowLoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
  return { done, stop: () => worker.postMessage('stop') };
}

async function requests(server: BenchServer, list: FlowRequest[], concurrency: number, keepBodies = false) {
  const result = await runLoad({ mode: 'requests', baseUrl: server.baseUrl, requests: list, concurrency, keepBodies })
    .done;
  if (result.failures) throw new Error(`${result.failures} API calls failed: ${result.firstFailure}`);
  return result;
}

const rate = (count: number, run: { latencies: number[]; seconds: number }): Rate => ({
  perSecond: round(count / run.seconds, 0),
  ...latencyStats(run.latencies),
});

/** Counts the SQL statements every pg client in this process sends (the server runs in this process). */
function countQueries(): () => number {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function counted(this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return () => {
    proto.query = original;
    return count;
  };
}

async function createFlow(server: BenchServer, appId: string, definition: object): Promise<void> {
  const created = await api<{ key: string; draftRevision: number }>(server, 'POST', `/api/v1/apps/${appId}/flows`, {
    definition,
  });
  await api(server, 'POST', `/api/v1/flows/${created.key}/publish`, { revision: created.draftRevision });
}

async function createForm(server: BenchServer, appId: string, key: string, fields: object[]): Promise<void> {
  const form = await api<{ draftRevision: number }>(server, 'POST', `/api/v1/apps/${appId}/forms`, {
    key,
    name: key,
    fields,
  });
  await api(server, 'POST', `/api/v1/forms/${key}/publish`, { revision: form.draftRevision });
}

async function bulkCreate(server: BenchServer, form: string, values: Record<string, unknown>[], chunk = 1000) {
  for (let i = 0; i < values.length; i += chunk) {
    await api(server, 'POST', `/api/v1/forms/${form}/records/bulk`, {
      create: values.slice(i, i + chunk).map((v) => ({ values: v })),
    });
  }
}

async function waitForCount(
  pool: Pool,
  sql: string,
  params: unknown[],
  target: number,
  timeoutMs: number,
  everyMs = 100,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(sql, params);
    const n = rows[0]?.n ?? 0;
    if (n >= target || Date.now() > deadline) return n;
    await sleep(everyMs);
  }
}

const approvalFlow = (key: string, approverId: string, trigger: object, form?: string) => ({
  key,
  name: key,
  ...(form ? { form } : {}),
  trigger,
  nodes: [
    { id: 'start', kind: 'start' },
    {
      id: 'approve',
      name: 'Approve',
      kind: 'approval',
      mode: 'single',
      assignees: [{ type: 'users', userIds: [approverId] }],
    },
    { id: 'end', kind: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'approve' },
    { id: 'e2', from: 'approve', to: 'end' },
  ],
});

interface TaskLite {
  id: string;
  version: number;
  status: string;
}

// -----------------------------------------------------------------------------------------------------------------
// 1. Approval steps through the API vs a bare jsonb UPDATE
// -----------------------------------------------------------------------------------------------------------------

async function approvalRound(
  server: BenchServer,
  owner: Pool,
  bare: Pool,
  approverToken: string,
  count: number,
  concurrency: number,
  countSql: boolean,
): Promise<ApprovalRound & { queriesPerStep: number; stateBytes: number }> {
  const starts = await requests(
    server,
    Array.from({ length: count }, (_, i) => ({
      method: 'POST',
      path: '/api/v1/flows/bench_approval/start',
      token: server.token,
      body: { vars: { n: i } },
    })),
    concurrency,
    true,
  );
  const tasks = starts.bodies.map((text) => {
    const instance = JSON.parse(text) as { id: string; tasks: TaskLite[] };
    const task = instance.tasks.find((t) => t.status === 'open');
    if (!task) throw new Error(`instance ${instance.id} has no open task`);
    return { instanceId: instance.id, task };
  });
  const stopCounting = countSql ? countQueries() : () => 0;
  const approves = await requests(
    server,
    tasks.map(({ task }) => ({
      method: 'POST',
      path: `/api/v1/tasks/${task.id}/actions`,
      token: approverToken,
      body: { action: 'approve', taskVersion: task.version },
    })),
    concurrency,
  );
  const queries = stopCounting();
  const ids = tasks.map((t) => t.instanceId);
  const { rows: done } = await owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM flow_instances WHERE id = ANY($1) AND status = 'completed'`,
    [ids],
  );
  if (done[0]?.n !== count) throw new Error(`only ${done[0]?.n} of ${count} instances completed`);

  // Baseline: the same number of single-row jsonb UPDATEs of the same states, same concurrency, same pool size.
  await owner.query(`TRUNCATE bench_flow_state`);
  await owner.query(
    `INSERT INTO bench_flow_state (id, state) SELECT id, state FROM flow_instances WHERE id = ANY($1)`,
    [ids],
  );
  const { rows: states } = await owner.query<{ id: string; state: string }>(
    `SELECT id, state::text AS state FROM bench_flow_state`,
  );
  const stateBytes = Math.round(states.reduce((s, r) => s + r.state.length, 0) / Math.max(1, states.length));
  await runConcurrently(Math.min(200, states.length), concurrency, (i) =>
    bare
      .query(`UPDATE bench_flow_state SET state = $2 WHERE id = $1`, [states[i].id, states[i].state])
      .then(() => undefined),
  );
  const updates = await runConcurrently(states.length, concurrency, (i) =>
    bare
      .query(`UPDATE bench_flow_state SET state = $2 WHERE id = $1`, [states[i].id, states[i].state])
      .then(() => undefined),
  );
  const approve = rate(count, approves);
  const bareUpdate = rate(states.length, updates);
  return {
    start: rate(count, starts),
    approve,
    bareUpdate,
    ratio: round(approve.perSecond / bareUpdate.perSecond, 3),
    queriesPerStep: round(queries / count, 1),
    stateBytes,
  };
}

// -----------------------------------------------------------------------------------------------------------------
// 3. Pending timers
// -----------------------------------------------------------------------------------------------------------------

interface TimerOptions {
  timers: number;
  steady: number;
  burst: number;
  windowSeconds: number;
  farVia: 'service' | 'engine';
  fireTimeoutSeconds: number;
}

/** Far-future timers straight through FlowTimers.schedule (flow_timers row + graphile job), 1,000 per transaction. */
async function scheduleViaService(server: BenchServer, tenantId: string, count: number, from: number): Promise<void> {
  const db = server.app.get(TenantDatabase);
  const timers = server.app.get(FlowTimers);
  for (let i = 0; i < count; i += 1000) {
    await db.run(tenantId, async (em) => {
      for (let j = i; j < Math.min(count, i + 1000); j++) {
        await timers.schedule(em, tenantId, {
          key: `flow:bench:far:${j}`,
          kind: 'instance',
          fireAt: new Date(from + j),
          payload: { timerId: `far${j}` },
        });
      }
    });
  }
}

async function lateness(owner: Pool, prefix: string): Promise<{ late: number[]; firedAt: number[] }> {
  const { rows } = await owner.query<{ late: number; fired_at: Date }>(
    `SELECT extract(epoch FROM finished_at - (state->'record'->>'due_at')::timestamptz) * 1000 AS late,
            finished_at AS fired_at
       FROM flow_instances
      WHERE flow_key = 'bench_timers' AND status = 'completed' AND starts_with(state->'record'->>'title', $1)`,
    [prefix],
  );
  return { late: rows.map((r) => Number(r.late)), firedAt: rows.map((r) => r.fired_at.getTime()) };
}

async function timersPhase(
  server: BenchServer,
  owner: Pool,
  tenantId: string,
  options: TimerOptions,
  log: (line: string) => void,
): Promise<FlowBenchmarkResult['timers']> {
  const countTimers = `SELECT count(*)::int AS n FROM flow_timers`;
  const countJobs = `SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'flow_timer'`;
  const { rows: before } = await owner.query<{ n: number }>(countTimers);
  const base = before[0]?.n ?? 0;
  const soon = options.steady + options.burst;
  const far = options.timers - soon;
  const dayLater = Date.now() + 24 * 3600 * 1000;

  // The far-future timers first: pending all along (they never fire during the run).
  const t0 = performance.now();
  if (options.farVia === 'service') await scheduleViaService(server, tenantId, far, dayLater);
  else
    await bulkCreate(
      server,
      'bench_timer',
      Array.from({ length: far }, (_, i) => ({ title: `far ${i}`, due_at: new Date(dayLater + i).toISOString() })),
      2000,
    );
  await waitForCount(owner, countTimers, [], base + far, 30 * 60_000, 250);
  const farSeconds = (performance.now() - t0) / 1000;
  log(`  scheduled ${far} far-future timers via ${options.farVia} in ${round(farSeconds, 1)} s`);

  // The due-soon ones through the engine (record trigger → delay-until node), timed: the engine's scheduling rate.
  // First due after the (estimated) scheduling time: everything is pending when the first one comes due.
  const estimate = soon / 250;
  const firstDue = Date.now() + (estimate * 1.5 + 5) * 1000;
  const burstDue = firstDue + options.windowSeconds * 1000 + 5000;
  const step = (options.windowSeconds * 1000) / Math.max(1, options.steady);
  const soonValues = [
    ...Array.from({ length: options.steady }, (_, i) => ({
      title: `steady ${i}`,
      due_at: new Date(firstDue + Math.floor(i * step)).toISOString(),
    })),
    ...Array.from({ length: options.burst }, (_, i) => ({
      title: `burst ${i}`,
      due_at: new Date(burstDue).toISOString(),
    })),
  ];
  const t1 = performance.now();
  await bulkCreate(server, 'bench_timer', soonValues, 2000);
  await waitForCount(owner, countTimers, [], base + options.timers, 30 * 60_000, 100);
  const engineSeconds = (performance.now() - t1) / 1000;
  const scheduledBeforeFirstDue = Date.now() < firstDue;
  log(
    `  scheduled ${soon} through the engine in ${round(engineSeconds, 1)} s; first due in ${round((firstDue - Date.now()) / 1000, 1)} s`,
  );

  // API responsiveness: a baseline before, then while the timers fire.
  const idle = runLoad({ mode: 'poll', baseUrl: server.baseUrl, path: '/api/health', intervalMs: 50 });
  await sleep(Math.max(1000, Math.min(3000, firstDue - Date.now() - 500)));
  idle.stop();
  const healthBaseline = (await idle.done).latencies;
  await sleep(Math.max(0, firstDue - Date.now()));
  const { rows: pendingRows } = await owner.query<{ n: number }>(countTimers);
  const { rows: jobRows } = await owner.query<{ n: number }>(countJobs);
  const poll = runLoad({ mode: 'poll', baseUrl: server.baseUrl, path: '/api/health', intervalMs: 50 });
  const countFired = `SELECT count(*)::int AS n FROM flow_instances WHERE flow_key = 'bench_timers' AND status = 'completed'`;
  const fired = await waitForCount(
    owner,
    countFired,
    [],
    soon,
    (options.windowSeconds + 5 + options.fireTimeoutSeconds) * 1000,
    250,
  );
  poll.stop();
  const health = (await poll.done).latencies;
  const steady = await lateness(owner, 'steady ');
  const burst = await lateness(owner, 'burst ');
  const burstSeconds = burst.firedAt.length ? (Math.max(...burst.firedAt) - burstDue) / 1000 : 0;
  const maxOf = (values: number[]) => round(values.length ? Math.max(...values) : 0);
  return {
    pending: options.timers,
    farVia: options.farVia,
    farSeconds: round(farSeconds, 1),
    steady: options.steady,
    burst: options.burst,
    windowSeconds: options.windowSeconds,
    engineScheduleSeconds: round(engineSeconds, 1),
    engineSchedulePerSecond: round(soon / engineSeconds, 0),
    pendingAtFirstDue: (pendingRows[0]?.n ?? 0) - base,
    jobsAtFirstDue: jobRows[0]?.n ?? 0,
    scheduledBeforeFirstDue,
    fired,
    steadyLateness: { ...latencyStats(steady.late), max: maxOf(steady.late) },
    burstLateness: { ...latencyStats(burst.late), max: maxOf(burst.late) },
    burstSeconds: round(burstSeconds, 1),
    burstFirePerSecond: round(burst.late.length / Math.max(burstSeconds, 0.001), 0),
    health: latencyStats(health),
    healthBaseline: latencyStats(healthBaseline),
  };
}

// -----------------------------------------------------------------------------------------------------------------

export async function runFlowBenchmark(options: FlowBenchmarkOptions): Promise<FlowBenchmarkResult> {
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 8;
  const rounds = options.rounds ?? 3;
  const server =
    options.server ??
    (await startBenchServer({ withFlowWorker: true, flowWorkerConcurrency: options.workerConcurrency }));
  const owner = new Pool({ connectionString: server.ownerUrl, max: 2 });
  const bare = new Pool({ connectionString: server.ownerUrl, max: 20 });
  try {
    const me = await api<{ tenant: { id: string } }>(server, 'GET', '/api/v1/me');
    const app = await api<{ id: string }>(server, 'POST', '/api/v1/apps', { key: 'bench_flows', name: 'Bench flows' });
    const approver = await api<{ id: string }>(server, 'POST', '/api/v1/users', {
      email: 'approver@bench.local',
      name: 'Approver',
      password: BENCH_PASSWORD,
    });
    const login = await api<{ accessToken: string }>(server, 'POST', '/api/v1/auth/login', {
      email: 'approver@bench.local',
      password: BENCH_PASSWORD,
    });
    await owner.query(`CREATE TABLE IF NOT EXISTS bench_flow_state (id text PRIMARY KEY, state jsonb NOT NULL)`);

    // 1. Approvals.
    await createFlow(server, app.id, approvalFlow('bench_approval', approver.id, { type: 'manual' }));
    await approvalRound(server, owner, bare, login.accessToken, Math.min(300, options.approvals), concurrency, false);
    const approvalRounds: (ApprovalRound & { queriesPerStep: number; stateBytes: number })[] = [];
    for (let r = 0; r < rounds; r++) {
      const result = await approvalRound(
        server,
        owner,
        bare,
        login.accessToken,
        options.approvals,
        concurrency,
        r === 0,
      );
      log(
        `  approvals round ${r + 1}: ${result.approve.perSecond}/s (p50 ${result.approve.p50} ms), bare UPDATE ${result.bareUpdate.perSecond}/s`,
      );
      approvalRounds.push(result);
    }

    // 2. Instances started by a record trigger.
    await createForm(server, app.id, 'bench_trigger', [
      { key: 'title', type: 'text', label: 'Title', required: true },
      { key: 'amount', type: 'number', label: 'Amount' },
    ]);
    await createFlow(
      server,
      app.id,
      approvalFlow('bench_on_create', approver.id, { type: 'record_created', form: 'bench_trigger' }, 'bench_trigger'),
    );
    const countTriggered = `SELECT count(*)::int AS n FROM flow_instances WHERE flow_key = 'bench_on_create'`;
    const triggerRounds: FlowBenchmarkResult['trigger']['rounds'] = [];
    let expected = 0;
    for (let r = 0; r <= rounds; r++) {
      const size = r === 0 ? Math.min(200, options.triggeredRecords) : options.triggeredRecords; // round 0: warm-up
      expected += size;
      const t0 = performance.now();
      await bulkCreate(
        server,
        'bench_trigger',
        Array.from({ length: size }, (_, i) => ({ title: `r${r}-${i}`, amount: i })),
      );
      const bulkSeconds = (performance.now() - t0) / 1000;
      const n = await waitForCount(owner, countTriggered, [], expected, 10 * 60_000, 50);
      if (n < expected) throw new Error(`only ${n} of ${expected} triggered instances`);
      const allInstancesSeconds = (performance.now() - t0) / 1000;
      if (r === 0) continue;
      const result = {
        bulkSeconds: round(bulkSeconds),
        allInstancesSeconds: round(allInstancesSeconds),
        instancesPerSecond: round(size / allInstancesSeconds, 0),
      };
      log(`  trigger round ${r}: ${result.instancesPerSecond} instances/s (bulk insert ${result.bulkSeconds} s)`);
      triggerRounds.push(result);
    }

    // 3. Pending timers.
    await createForm(server, app.id, 'bench_timer', [
      { key: 'title', type: 'text', label: 'Title', required: true },
      { key: 'due_at', type: 'datetime', label: 'Due' },
    ]);
    await createFlow(server, app.id, {
      key: 'bench_timers',
      name: 'bench_timers',
      form: 'bench_timer',
      trigger: { type: 'record_created', form: 'bench_timer' },
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'wait', kind: 'delay', until: { field: 'due_at' } },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'wait' },
        { id: 'e2', from: 'wait', to: 'end' },
      ],
    });
    const steady = Math.min(options.timers, options.steadyTimers ?? 5000);
    const burst = Math.min(options.timers - steady, options.burstTimers ?? 10_000);
    const timers = await timersPhase(
      server,
      owner,
      me.tenant.id,
      {
        timers: options.timers,
        steady,
        burst,
        windowSeconds: options.dueWindowSeconds ?? 30,
        farVia: options.farVia ?? 'service',
        fireTimeoutSeconds: options.fireTimeoutSeconds ?? 240,
      },
      log,
    );

    const medianApproval = median(approvalRounds, (r) => r.approve.perSecond);
    return {
      approvals: {
        instancesPerRound: options.approvals,
        concurrency,
        rounds: approvalRounds.map(({ start, approve, bareUpdate, ratio }) => ({ start, approve, bareUpdate, ratio })),
        median: {
          start: medianApproval.start,
          approve: medianApproval.approve,
          bareUpdate: medianApproval.bareUpdate,
          ratio: medianApproval.ratio,
        },
        queriesPerStep: approvalRounds[0].queriesPerStep,
        stateBytes: approvalRounds[0].stateBytes,
      },
      trigger: {
        recordsPerRound: options.triggeredRecords,
        rounds: triggerRounds,
        median: median(triggerRounds, (r) => r.instancesPerSecond),
      },
      timers,
    };
  } finally {
    await owner.end();
    await bare.end();
    if (!options.server) await server.stop();
  }
}

export function printFlowResult(result: FlowBenchmarkResult): void {
  const a = result.approvals;
  console.log(
    `\n## Approval steps through the API (${a.instancesPerRound} single-approver instances × ${a.rounds.length} rounds, concurrency ${a.concurrency}; median round)`,
  );
  console.table({
    'start (POST /flows/:key/start)': a.median.start,
    'approve (POST /tasks/:id/actions)': a.median.approve,
    'bare jsonb UPDATE (pg Pool)': a.median.bareUpdate,
  });
  console.log(
    `approve steps/s per round: ${a.rounds.map((r) => r.approve.perSecond).join(', ')}; bare: ${a.rounds.map((r) => r.bareUpdate.perSecond).join(', ')}`,
  );
  console.log(
    `ratio API/bare ${a.median.ratio}; ${a.queriesPerStep} SQL statements per approval call; state ${a.stateBytes} bytes — target ≥ 1,000 steps/s`,
  );
  const t = result.trigger;
  console.log(
    `\n## Instances started by a record_created trigger (${t.recordsPerRound} records via POST /records/bulk)`,
  );
  console.table(Object.fromEntries(t.rounds.map((r, i) => [`round ${i + 1}`, r])));
  console.log(`median ${t.median.instancesPerSecond} instances/s`);
  const m = result.timers;
  console.log(
    `\n## ${m.pending.toLocaleString('en-US')} pending timers: ${m.steady} due over ${m.windowSeconds} s, then ${m.burst} due at one instant (delay-until nodes, scheduled by the engine); the rest due in a day (via ${m.farVia})`,
  );
  console.table({
    [`far-future (${m.pending - m.steady - m.burst}) via ${m.farVia}`]: { seconds: m.farSeconds },
    'engine scheduling (record trigger → delay)': {
      seconds: m.engineScheduleSeconds,
      perSecond: m.engineSchedulePerSecond,
    },
    'burst firing': { seconds: m.burstSeconds, perSecond: m.burstFirePerSecond },
  });
  console.table({
    'steady lateness (fire − due), ms': m.steadyLateness,
    'burst lateness (fire − due), ms': m.burstLateness,
    'GET /api/health while firing, ms': m.health,
    'GET /api/health before, ms': m.healthBaseline,
  });
  console.log(
    `pending at first due: ${m.pendingAtFirstDue} timers, ${m.jobsAtFirstDue} graphile jobs (all scheduled before: ${m.scheduledBeforeFirstDue}); fired ${m.fired}/${m.steady + m.burst}`,
  );
}

/** Sizes from the environment (BENCH_QUICK=1 for a smoke run; see the README of apps/bench in docs/performance.md). */
export function flowBenchmarkOptionsFromEnv(): FlowBenchmarkOptions {
  const quick = process.env.BENCH_QUICK === '1';
  const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  return {
    approvals: num('BENCH_APPROVALS', quick ? 300 : 2000),
    triggeredRecords: num('BENCH_TRIGGERED', quick ? 500 : 2000),
    timers: num('BENCH_TIMERS', quick ? 3000 : 100_000),
    steadyTimers: num('BENCH_STEADY', quick ? 1000 : 5000),
    burstTimers: num('BENCH_BURST', quick ? 1000 : 10_000),
    dueWindowSeconds: num('BENCH_DUE_WINDOW', quick ? 10 : 30),
    farVia: process.env.BENCH_FAR_VIA === 'engine' ? 'engine' : 'service',
    concurrency: num('BENCH_CONCURRENCY', 8),
    rounds: num('BENCH_ROUNDS', 3),
    workerConcurrency: process.env.BENCH_WORKER_CONCURRENCY ? Number(process.env.BENCH_WORKER_CONCURRENCY) : undefined,
    log: (line) => console.log(line),
  };
}

if (require.main === module) {
  console.log(
    `Tessera flow benchmark — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  runFlowBenchmark(flowBenchmarkOptionsFromEnv()).then(
    (result) => {
      printFlowResult(result);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
