import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  handle,
  start,
  type Effect,
  type FlowEvent,
  type FlowInstance,
  type JsonRecord,
  type StepResult,
  type TaskAction,
} from '@tessera/flow-engine';
import type { FlowDefinition, JsonValue } from '@tessera/schema';
import type { Static } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { badRequest, conflict, forbidden, notFound } from '../common/problem/problem.exception';
import { APP_LOGGER } from '../config/app-config.provider';
import { TenantDatabase } from '../db/tenant-database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { FlowClock } from './flow-clock';
import { FlowDefinitions, type LoadedFlow } from './flow-definitions.service';
import { FlowEffectsApplier } from './flow-effects.applier';
import { engineDeps } from './flow-engine-deps';
import { flowProblem } from './flow-errors';
import { FlowRecordsGateway } from './flow-records.gateway';
import { errorMessage, MAX_EVENTS_PER_TRANSACTION, type FlowStep } from './flow-step';
import { FlowTimers, type TimerRow } from './flow-timers.service';
import type { InstanceResponse, StartFlowRequest, TaskActionRequest, TaskResponse } from './flows.dto';

interface InstanceRow {
  id: string;
  flow_id: string;
  flow_key: string;
  flow_version: number;
  status: FlowInstance['status'];
  state: FlowInstance;
  record_form: string | null;
  record_id: string | null;
  submitter_id: string | null;
  parent_instance_id: string | null;
  trigger: string;
  reason: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export interface StartInput {
  instanceId?: string;
  submitterId: string;
  record: JsonRecord;
  recordForm: string | null;
  vars?: JsonRecord;
  trigger: string;
  parentInstanceId?: string;
}

interface TaskRow {
  id: string;
  instance_id: string;
  node_id: string;
  node_name: string | null;
  type: string;
  assignee_id: string;
  status: string;
  version: number;
  created_at: Date;
  closed_at: Date | null;
  flow_key: string;
  flow_name: string;
  record_form: string | null;
  record_id: string | null;
  submitter_id: string | null;
  instance_status: string;
}

export type TaskView = Static<typeof TaskResponse>;
export type InstanceView = Static<typeof InstanceResponse>;

export const TASK_SELECT = `
  SELECT t.id, t.instance_id, t.node_id, t.node_name, t.type, t.assignee_id, t.status, t.version, t.created_at,
         t.closed_at, i.flow_key, coalesce(i.state->>'flowName', i.flow_key) AS flow_name, i.record_form, i.record_id,
         i.submitter_id, i.status AS instance_status
    FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id`;

export function toTaskView(r: TaskRow): TaskView {
  return {
    id: r.id,
    instanceId: r.instance_id,
    flowKey: r.flow_key,
    flowName: r.flow_name,
    nodeId: r.node_id,
    nodeName: r.node_name,
    type: r.type,
    assigneeId: r.assignee_id,
    status: r.status,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    recordForm: r.record_form,
    recordId: r.record_id,
    submitterId: r.submitter_id,
    instanceStatus: r.instance_status,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HUMAN_KINDS = new Set(['approval', 'fill']);

function withTenantLimits(definition: FlowDefinition, maxSteps: number | null): FlowDefinition {
  if (maxSteps === null || definition.settings?.maxSteps !== undefined) return definition;
  return { ...definition, settings: { ...definition.settings, maxSteps } };
}

/** How long a tenant's flow settings are reused before they are read again. */
const SETTINGS_CACHE_MS = 5_000;

/**
 * The flow runner: starts instances and applies events to them, each in ONE transaction with everything the step
 * causes (task projection, timers, record writes, notifications, outgoing-message jobs, answers to effects, child
 * instances). The instance row is locked (FOR UPDATE) for the step, so concurrent actions on one instance are
 * serialised and the engine sees the state the previous one committed.
 */
@Injectable()
export class FlowInstancesService implements OnModuleInit {
  constructor(
    private readonly db: TenantDatabase,
    private readonly definitions: FlowDefinitions,
    private readonly applier: FlowEffectsApplier,
    private readonly timers: FlowTimers,
    private readonly clock: FlowClock,
    private readonly records: FlowRecordsGateway,
    private readonly notifications: NotificationsService,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  private readonly settingsCache = new Map<string, { at: number; timeZone: string; maxSteps: number | null }>();

  onModuleInit(): void {
    this.timers.register('instance', (em, timer, now) => this.onInstanceTimer(em, timer, now));
  }

  // -------------------------------------------------------------------------------------------------------------
  // The step machinery
  // -------------------------------------------------------------------------------------------------------------

  async newStep(
    em: EntityManager,
    tenantId: string,
    now = this.clock.now(),
  ): Promise<FlowStep & { maxSteps: number | null }> {
    const settings = await this.tenantSettings(em, tenantId);
    const step: FlowStep & { maxSteps: number | null } = {
      em,
      tenantId,
      now,
      timeZone: settings.timeZone,
      maxSteps: settings.maxSteps,
      queue: [],
      failures: [],
      startChild: (input) => this.startChild(step, input),
    };
    return step;
  }

  /**
   * The tenant's time zone and step limit, re-read at most every few seconds (wall clock, not the flow clock):
   * every step needs them, they change rarely, and a settings change here forgets them at once.
   */
  private async tenantSettings(
    em: EntityManager,
    tenantId: string,
  ): Promise<{ timeZone: string; maxSteps: number | null }> {
    const known = this.settingsCache.get(tenantId);
    if (known && Date.now() - known.at < SETTINGS_CACHE_MS) return known;
    const rows: { time_zone: string; max_steps: number | null }[] = await em.query(
      `SELECT t.time_zone, s.max_steps FROM tenants t LEFT JOIN flow_settings s ON s.tenant_id = t.id WHERE t.id = $1`,
      [tenantId],
    );
    const settings = {
      at: Date.now(),
      timeZone: rows[0]?.time_zone ?? 'Asia/Shanghai',
      maxSteps: rows[0]?.max_steps ?? null,
    };
    if (this.settingsCache.size > 10_000) this.settingsCache.clear();
    this.settingsCache.set(tenantId, settings);
    return settings;
  }

  forgetTenantSettings(tenantId: string): void {
    this.settingsCache.delete(tenantId);
  }

  private definitionFor(step: FlowStep, flow: LoadedFlow): FlowDefinition {
    return withTenantLimits(flow.definition, (step as FlowStep & { maxSteps?: number | null }).maxSteps ?? null);
  }

  /** Starts an instance inside the step; an engine refusal is stored as a failed instance (visible, not lost). */
  async startIn(step: FlowStep, flow: LoadedFlow, input: StartInput): Promise<string> {
    const id = input.instanceId ?? randomUUID();
    const now = step.now.toISOString();
    let result: StepResult;
    try {
      result = start(
        this.definitionFor(step, flow),
        { instanceId: id, now, submitterId: input.submitterId, record: input.record, vars: input.vars ?? {} },
        engineDeps(flow, step.timeZone),
      );
    } catch (error) {
      result = { ok: false, error: { code: 'invalid_flow', message: errorMessage(error) } };
    }
    const state: FlowInstance = result.ok
      ? result.instance
      : {
          id,
          flowKey: flow.key,
          flowVersion: flow.version,
          status: 'failed',
          submitterId: input.submitterId,
          record: input.record,
          vars: input.vars ?? {},
          tokens: [],
          tasks: [],
          timers: [],
          joins: {},
          groups: {},
          visited: [],
          history: [{ at: now, actorId: 'system', action: 'failed', detail: result.error.message }],
          steps: 0,
          seq: 0,
          startedAt: now,
          finishedAt: now,
          reason: result.error.message,
        };
    await step.em.query(
      `INSERT INTO flow_instances (id, tenant_id, flow_id, flow_key, flow_version, status, state, record_form, record_id,
                                   submitter_id, parent_instance_id, trigger, reason, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8, $9, $10, $11, NULL, $12, NULL)`,
      [
        id,
        step.tenantId,
        flow.id,
        flow.key,
        flow.version,
        JSON.stringify({ ...state, flowName: flow.definition.name }),
        input.recordForm,
        typeof input.record.id === 'string' ? input.record.id : null,
        UUID.test(input.submitterId) ? input.submitterId : null,
        input.parentInstanceId ?? null,
        input.trigger,
        step.now,
      ],
    );
    const meta = { id, parentInstanceId: input.parentInstanceId ?? null };
    // Compared against an empty instance, so every task of the first step lands in the task projection.
    await this.commit(
      step,
      flow,
      meta,
      { ...state, status: 'running', tasks: [] },
      state,
      result.ok ? result.effects : [],
    );
    return id;
  }

  /** Applies one event to an instance. `strict`: refusals become problem responses (an API call) — else logged. */
  async dispatchIn(
    step: FlowStep,
    instanceId: string,
    event: FlowEvent,
    strict: boolean,
    /** The instance's row when the caller already locked it (FOR UPDATE) in this transaction. */
    locked?: InstanceRow,
  ): Promise<FlowInstance | null> {
    const rows: InstanceRow[] = locked
      ? [locked]
      : await step.em.query(`SELECT * FROM flow_instances WHERE id = $1 FOR UPDATE`, [instanceId]);
    const row = rows[0];
    if (!row) {
      if (strict) throw notFound(`No flow instance ${instanceId}`);
      return null;
    }
    const flow = await this.definitions.version(step.em, step.tenantId, row.flow_id, row.flow_version);
    let result: StepResult;
    try {
      result = handle(this.definitionFor(step, flow), row.state, event, engineDeps(flow, step.timeZone));
    } catch (error) {
      // A condition on a field the form no longer has, a broken expression …: the instance fails visibly.
      await this.failInstance(step, instanceId, `engine error: ${errorMessage(error)}`);
      return null;
    }
    if (!result.ok) {
      if (strict) throw flowProblem(result.error);
      this.logger.debug({ instanceId, event: event.type, code: result.error.code }, 'flow event refused');
      return null;
    }
    await this.commit(
      step,
      flow,
      { id: row.id, parentInstanceId: row.parent_instance_id },
      row.state,
      result.instance,
      result.effects,
    );
    return result.instance;
  }

  /** Applies the answers queued by effects until nothing is left (bounded). */
  async drain(step: FlowStep): Promise<void> {
    let handled = 0;
    while (step.queue.length) {
      const next = step.queue.shift();
      if (!next) break;
      if (++handled > MAX_EVENTS_PER_TRANSACTION) {
        await this.failInstance(step, next.instanceId, `more than ${MAX_EVENTS_PER_TRANSACTION} events in one step`);
        step.queue.length = 0;
        return;
      }
      await this.dispatchIn(step, next.instanceId, next.event, false);
    }
  }

  private async commit(
    step: FlowStep,
    flow: LoadedFlow,
    meta: { id: string; parentInstanceId: string | null },
    before: FlowInstance,
    after: FlowInstance,
    effects: Effect[],
  ): Promise<void> {
    await this.persist(step, flow, meta.id, before, after);
    await this.applier.apply(step, flow, after, effects);
    for (const failure of step.failures.splice(0)) await this.failInstance(step, failure.instanceId, failure.reason);
    if (before.status === 'running' && after.status !== 'running') await this.onFinished(step, flow, meta, after);
  }

  private async persist(
    step: FlowStep,
    flow: LoadedFlow,
    id: string,
    before: FlowInstance,
    after: FlowInstance,
  ): Promise<void> {
    await step.em.query(
      `UPDATE flow_instances SET state = $2, status = $3, reason = $4, finished_at = $5, revision = revision + 1,
              updated_at = now() WHERE id = $1`,
      [
        id,
        JSON.stringify({ ...after, flowName: flow.definition.name }),
        after.status,
        after.reason ?? null,
        after.finishedAt ?? null,
      ],
    );
    const previous = new Map(before.tasks.map((t) => [t.id, t]));
    const changed = after.tasks.filter((t) => {
      const p = previous.get(t.id);
      return !p || p.status !== t.status || p.version !== t.version;
    });
    if (!changed.length) return;
    const flowNodes = new Map(flow.definition.nodes.map((n) => [n.id, n.name] as [string, string | undefined]));
    await step.em.query(
      `INSERT INTO flow_tasks (id, tenant_id, instance_id, node_id, node_name, type, assignee_id, status, version,
                               created_at, closed_at, actor_id, comment)
       SELECT t.id, $1, $2, t."nodeId", t."nodeName", t.type, t."assigneeId", t.status, t.version, t."createdAt",
              t."closedAt", t."actorId", t.comment
         FROM jsonb_to_recordset($3::jsonb) AS t(id text, "nodeId" text, "nodeName" text, type text, "assigneeId" text,
              status text, version int, "createdAt" timestamptz, "closedAt" timestamptz, "actorId" text, comment text)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
              assignee_id = EXCLUDED.assignee_id, closed_at = EXCLUDED.closed_at, actor_id = EXCLUDED.actor_id,
              comment = EXCLUDED.comment`,
      [step.tenantId, id, JSON.stringify(changed.map((t) => ({ ...t, nodeName: flowNodes.get(t.nodeId) })))],
    );
  }

  /** Marks an instance failed (an effect nobody waited for failed, or the engine threw): visible with its reason. */
  async failInstance(step: FlowStep, instanceId: string, reason: string): Promise<void> {
    const rows: InstanceRow[] = await step.em.query(`SELECT * FROM flow_instances WHERE id = $1 FOR UPDATE`, [
      instanceId,
    ]);
    const row = rows[0];
    if (!row || row.status !== 'running') return;
    const now = step.now.toISOString();
    const after: FlowInstance = structuredClone(row.state);
    after.status = 'failed';
    after.reason = reason;
    after.finishedAt = now;
    after.tokens = [];
    after.timers = [];
    for (const task of after.tasks) {
      if (task.status === 'open')
        Object.assign(task, { status: 'cancelled', version: task.version + 1, closedAt: now });
    }
    after.history.push({ at: now, actorId: 'system', action: 'failed', detail: reason });
    this.logger.warn({ instanceId, flow: row.flow_key }, 'flow instance failed');
    const flow = await this.definitions.version(step.em, step.tenantId, row.flow_id, row.flow_version);
    await this.persist(step, flow, instanceId, row.state, after);
    await this.onFinished(step, flow, { id: instanceId, parentInstanceId: row.parent_instance_id }, after);
  }

  private async onFinished(
    step: FlowStep,
    flow: LoadedFlow,
    meta: { id: string; parentInstanceId: string | null },
    instance: FlowInstance,
  ): Promise<void> {
    await this.timers.cancelForInstance(step.em, meta.id);
    if (meta.parentInstanceId) {
      step.queue.push({
        instanceId: meta.parentInstanceId,
        event: {
          type: 'subflow_completed',
          childInstanceId: meta.id,
          status: instance.status === 'running' ? 'failed' : instance.status,
          vars: instance.vars,
          now: step.now.toISOString(),
        },
      });
    }
    const isApproval = flow.definition.nodes.some((n) => HUMAN_KINDS.has(n.kind));
    if (isApproval && UUID.test(instance.submitterId)) {
      await this.notifications.add(step.em, step.tenantId, {
        userIds: [instance.submitterId],
        kind: `flow.${instance.status}`,
        title: `${flow.definition.name}: ${instance.status}`,
        body: instance.reason ?? null,
        instanceId: meta.id,
        dedupeKey: `${meta.id}:finished`,
      });
    }
  }

  private async startChild(
    step: FlowStep,
    input: { flowKey: string; instanceId: string; parent: FlowInstance; record: JsonRecord; vars: JsonRecord },
  ): Promise<void> {
    let child: LoadedFlow;
    try {
      child = await this.definitions.published(step.em, step.tenantId, input.flowKey);
    } catch (error) {
      step.queue.push({
        instanceId: input.parent.id,
        event: {
          type: 'subflow_completed',
          childInstanceId: input.instanceId,
          status: 'failed',
          now: step.now.toISOString(),
        },
      });
      this.logger.warn({ flow: input.flowKey, err: errorMessage(error) }, 'subflow could not start');
      return;
    }
    await this.startIn(step, child, {
      instanceId: input.instanceId,
      submitterId: input.parent.submitterId,
      record: input.record,
      recordForm: child.form,
      vars: input.vars,
      trigger: 'subflow',
      parentInstanceId: input.parent.id,
    });
  }

  private async onInstanceTimer(em: EntityManager, timer: TimerRow, now: Date): Promise<void> {
    if (!timer.instance_id) return;
    const step = await this.newStep(em, timer.tenant_id, now);
    const timerId = String(timer.payload.timerId);
    await this.dispatchIn(step, timer.instance_id, { type: 'timer_fired', timerId, now: now.toISOString() }, false);
    await this.drain(step);
  }

  /** Feeds an effect's answer that arrived from outside (an HTTP delivery job) in a new transaction. */
  answerEffect(
    tenantId: string,
    instanceId: string,
    effectId: string,
    outcome: { result?: JsonValue; error?: string },
  ) {
    return this.db.run(tenantId, async (em) => {
      const step = await this.newStep(em, tenantId);
      await this.dispatchIn(
        step,
        instanceId,
        { type: 'effect_result', effectId, now: step.now.toISOString(), ...outcome },
        false,
      );
      await this.drain(step);
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // API operations
  // -------------------------------------------------------------------------------------------------------------

  startManual(principal: AuthPrincipal, key: string, body: Static<typeof StartFlowRequest>): Promise<InstanceView> {
    return this.db.run(principal.tenantId, async (em) => {
      const row = await this.definitions.row(em, key);
      const flow = await this.definitions.published(em, principal.tenantId, key);
      if (!row.enabled)
        throw conflict(`The flow ${key} is disabled`, [
          { path: '/key', code: 'disabled', message: 'Enable the flow first' },
        ]);
      const trigger = flow.definition.trigger;
      if (trigger.type !== 'manual')
        throw conflict(`The flow ${key} starts on its ${trigger.type} trigger, not by hand`, [
          { path: '/key', code: 'not_manual', message: 'Only flows with a manual trigger start by hand' },
        ]);
      const step = await this.newStep(em, principal.tenantId);
      let record: JsonRecord = {};
      if (flow.form) {
        if (!body.recordId)
          throw badRequest('This flow runs on a record', [
            { path: '/body/recordId', code: 'required', message: `A record of ${flow.form} is required` },
          ]);
        // Read with the caller's own access: you may only start a flow on a record you can see.
        const found = await this.records.read(em, principal, flow.form, body.recordId, step.now);
        if (!found) throw notFound(`No record ${body.recordId} in ${flow.form}`);
        record = found;
      }
      const id = await this.startIn(step, flow, {
        submitterId: principal.userId,
        record,
        recordForm: flow.form,
        vars: (body.vars ?? {}) as JsonRecord,
        trigger: 'manual',
      });
      await this.drain(step);
      return this.view(em, id);
    });
  }

  act(principal: AuthPrincipal, taskId: string, body: Static<typeof TaskActionRequest>): Promise<InstanceView> {
    return this.db.run(principal.tenantId, async (em) => {
      // The task's instance, locked in the same statement that finds it.
      const rows: InstanceRow[] = await em.query(
        `SELECT i.* FROM flow_instances i WHERE i.id = (SELECT t.instance_id FROM flow_tasks t WHERE t.id = $1) FOR UPDATE`,
        [taskId],
      );
      if (!rows[0]) throw notFound(`No task ${taskId}`);
      const step = await this.newStep(em, principal.tenantId);
      await this.dispatchIn(
        step,
        rows[0].id,
        {
          type: 'task_action',
          taskId,
          taskVersion: body.taskVersion,
          actorId: principal.userId,
          action: toTaskAction(body),
          comment: body.comment,
          fields: body.fields as JsonRecord | undefined,
          now: step.now.toISOString(),
        },
        true,
        rows[0],
      );
      await this.drain(step);
      return this.view(em, rows[0].id);
    });
  }

  /** Administrators cancel any running instance (everything open is withdrawn, the reason is kept). */
  cancel(principal: AuthPrincipal, id: string, reason: string): Promise<InstanceView> {
    if (!principal.isAdmin) throw forbidden('Only administrators may cancel flow instances');
    return this.instanceEvent(principal, id, (now) => ({
      type: 'cancel_instance',
      actorId: principal.userId,
      reason,
      now,
    }));
  }

  withdraw(principal: AuthPrincipal, id: string, comment?: string): Promise<InstanceView> {
    return this.instanceEvent(principal, id, (now) => ({
      type: 'withdraw',
      actorId: principal.userId,
      reason: comment,
      now,
    }));
  }

  urge(principal: AuthPrincipal, id: string, comment?: string): Promise<InstanceView> {
    return this.instanceEvent(principal, id, (now) => ({ type: 'urge', actorId: principal.userId, comment, now }));
  }

  private instanceEvent(
    principal: AuthPrincipal,
    id: string,
    event: (now: string) => FlowEvent,
  ): Promise<InstanceView> {
    return this.db.run(principal.tenantId, async (em) => {
      await this.assertVisible(em, principal, id);
      const step = await this.newStep(em, principal.tenantId);
      await this.dispatchIn(step, id, event(step.now.toISOString()), true);
      await this.drain(step);
      return this.view(em, id);
    });
  }

  get(principal: AuthPrincipal, id: string): Promise<InstanceView> {
    return this.db.run(principal.tenantId, async (em) => {
      await this.assertVisible(em, principal, id);
      return this.view(em, id);
    });
  }

  history(principal: AuthPrincipal, id: string) {
    return this.db.run(principal.tenantId, async (em) => {
      const row = await this.assertVisible(em, principal, id);
      const flow = await this.definitions.version(em, principal.tenantId, row.flow_id, row.flow_version);
      const names = new Map(flow.definition.nodes.map((n) => [n.id, n.name ?? n.id] as [string, string]));
      const actorIds = [...new Set(row.state.history.map((h) => h.actorId).filter((a) => UUID.test(a)))];
      const users: { id: string; name: string }[] = actorIds.length
        ? await em.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [actorIds])
        : [];
      const userNames = new Map(users.map((u) => [u.id, u.name] as [string, string]));
      return row.state.history.map((h) => ({
        ...h,
        actorName: userNames.get(h.actorId) ?? null,
        ...(h.nodeId ? { nodeName: names.get(h.nodeId) ?? h.nodeId } : {}),
      }));
    });
  }

  list(principal: AuthPrincipal, query: { flow?: string; status?: string; limit: number }) {
    return this.db.run(principal.tenantId, async (em) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (!principal.isAdmin) {
        params.push(principal.userId);
        where.push(`i.submitter_id = $${params.length}`);
      }
      if (query.flow) {
        params.push(query.flow);
        where.push(`i.flow_key = $${params.length}`);
      }
      if (query.status) {
        params.push(query.status);
        where.push(`i.status = $${params.length}`);
      }
      params.push(query.limit);
      const rows: { id: string }[] = await em.query(
        `SELECT i.id FROM flow_instances i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY i.started_at DESC, i.id LIMIT $${params.length}`,
        params,
      );
      const items: InstanceView[] = [];
      for (const r of rows) items.push(await this.view(em, r.id));
      return items;
    });
  }

  private async assertVisible(em: EntityManager, principal: AuthPrincipal, id: string): Promise<InstanceRow> {
    const rows: InstanceRow[] = await em.query(`SELECT * FROM flow_instances WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw notFound(`No flow instance ${id}`);
    if (principal.isAdmin || row.submitter_id === principal.userId) return row;
    const tasks: unknown[] = await em.query(
      `SELECT 1 FROM flow_tasks WHERE instance_id = $1 AND assignee_id = $2 LIMIT 1`,
      [id, principal.userId],
    );
    if (!tasks.length) throw forbidden('You are neither the submitter nor an assignee of this flow instance');
    return row;
  }

  async view(em: EntityManager, id: string): Promise<InstanceView> {
    const rows: InstanceRow[] = await em.query(`SELECT * FROM flow_instances WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw notFound(`No flow instance ${id}`);
    const tasks: TaskRow[] = await em.query(`${TASK_SELECT} WHERE t.instance_id = $1 ORDER BY t.created_at, t.id`, [
      id,
    ]);
    return {
      id: row.id,
      flowKey: row.flow_key,
      flowVersion: row.flow_version,
      status: row.status,
      reason: row.reason,
      trigger: row.trigger,
      submitterId: row.submitter_id,
      recordForm: row.record_form,
      recordId: row.record_id,
      parentInstanceId: row.parent_instance_id,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
      steps: row.state.steps,
      vars: row.state.vars,
      record: row.state.record,
      tasks: tasks.map(toTaskView),
      waitingAt: row.state.tokens.map((t) => t.nodeId),
    };
  }
}

/** The request body as the engine's action; the fields each action needs are required here, by path. */
function toTaskAction(body: Static<typeof TaskActionRequest>): TaskAction {
  const missing = (path: string, message: string) =>
    badRequest(message, [{ path: `/body/${path}`, code: 'required', message }]);
  switch (body.action) {
    case 'approve':
    case 'reject':
    case 'submit':
    case 'comment':
      return { type: body.action };
    case 'return':
      if (!body.toNodeId) throw missing('toNodeId', 'return needs the node to return to');
      return { type: 'return', toNodeId: body.toNodeId, resume: body.resume };
    case 'transfer':
      if (!body.toUserId) throw missing('toUserId', 'transfer needs the user to transfer to');
      return { type: 'transfer', toUserId: body.toUserId };
    case 'add_signer':
      if (!body.userIds) throw missing('userIds', 'add_signer needs the users to add');
      if (!body.position) throw missing('position', 'add_signer needs before or after');
      return { type: 'add_signer', userIds: body.userIds, position: body.position };
    default:
      throw badRequest('Unknown action', [{ path: '/body/action', code: 'enum', message: 'Unknown action' }]);
  }
}
