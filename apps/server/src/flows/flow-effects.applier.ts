import { Injectable } from '@nestjs/common';
import { compileBounded } from '@tessera/form-engine';
import type { Effect, FlowInstance, JsonRecord } from '@tessera/flow-engine';
import type { JsonValue } from '@tessera/schema';
import type { AuthPrincipal } from '../auth/auth-principal';
import { NotificationsService } from '../notifications/notifications.service';
import { FlowAssigneesResolver } from './flow-assignees.resolver';
import type { LoadedFlow } from './flow-definitions.service';
import { DELIVER_TASK } from './flow-jobs';
import { FlowRecordsGateway } from './flow-records.gateway';
import { errorMessage, inSavepoint, type FlowStep } from './flow-step';
import { FlowTimers } from './flow-timers.service';

type EffectOf<T extends Effect['type']> = Extract<Effect, { type: T }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of an instance timer's row and job. */
export const instanceTimerKey = (timerId: string) => `flow:timer:${timerId}`;

function text(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isExpr(x: unknown): x is { $expr: string } {
  return (
    typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { $expr?: unknown }).$expr === 'string'
  );
}

/**
 * Performs the effects of one engine step inside the step's transaction. Answers the engine waits for (a created
 * record, query rows, a calculation, resolved assignees, a chosen owner) are queued as events for the same
 * transaction; outgoing messages (e-mail, SMS, HTTP) become graphile-worker jobs in the same transaction — the job
 * table is the outbox, so a message is sent if and only if the step committed.
 */
@Injectable()
export class FlowEffectsApplier {
  constructor(
    private readonly records: FlowRecordsGateway,
    private readonly assignees: FlowAssigneesResolver,
    private readonly notifications: NotificationsService,
    private readonly timers: FlowTimers,
  ) {}

  async apply(step: FlowStep, flow: LoadedFlow, instance: FlowInstance, effects: Effect[]): Promise<void> {
    for (const effect of effects) await this.applyOne(step, flow, instance, effect);
  }

  /** The flow acts with administrator rights, attributed to the submitter (or the flow's publisher). */
  principalFor(step: FlowStep, flow: LoadedFlow, instance: FlowInstance): AuthPrincipal {
    const userId = UUID.test(instance.submitterId) ? instance.submitterId : (flow.publishedBy ?? instance.submitterId);
    return { tenantId: step.tenantId, userId, isAdmin: true };
  }

  private answer(
    step: FlowStep,
    instance: FlowInstance,
    effectId: string,
    outcome: { result?: JsonValue; error?: string },
  ) {
    step.queue.push({
      instanceId: instance.id,
      event: { type: 'effect_result', effectId, now: step.now.toISOString(), ...outcome },
    });
  }

  private async applyOne(step: FlowStep, flow: LoadedFlow, instance: FlowInstance, effect: Effect): Promise<void> {
    const { em, tenantId } = step;
    switch (effect.type) {
      case 'create_task':
        if (effect.task.type === 'cc' || UUID.test(effect.task.assigneeId)) {
          await this.notifications.add(em, tenantId, {
            userIds: [effect.task.assigneeId],
            kind: effect.task.type === 'cc' ? 'flow.cc' : 'flow.task',
            title: `${flow.definition.name}: ${effect.task.nodeName ?? effect.task.nodeId}`,
            instanceId: instance.id,
            taskId: effect.task.id,
            dedupeKey: effect.id,
          });
        }
        return;
      case 'cancel_task':
        return; // the task projection follows the instance state
      case 'schedule_timer':
        await this.timers.schedule(em, tenantId, {
          key: instanceTimerKey(effect.timerId),
          kind: 'instance',
          fireAt: new Date(effect.fireAt),
          instanceId: instance.id,
          payload: { timerId: effect.timerId },
        });
        return;
      case 'cancel_timer':
        await this.timers.cancel(em, instanceTimerKey(effect.timerId));
        return;
      case 'create_record':
        return this.createRecord(step, flow, instance, effect);
      case 'update_record':
      case 'delete_record':
        return this.changeRecord(step, flow, instance, effect);
      case 'query_records':
        try {
          const rows = await inSavepoint(em, () =>
            this.records.query(
              em,
              this.principalFor(step, flow, instance),
              effect.form,
              { condition: effect.condition, sort: effect.sort, limit: effect.limit, vars: effect.vars },
              step.now,
            ),
          );
          this.answer(step, instance, effect.id, { result: rows });
        } catch (error) {
          this.answer(step, instance, effect.id, { error: errorMessage(error) });
        }
        return;
      case 'calculate':
        try {
          const result = await compileBounded(effect.expression).evaluate(effect.input);
          this.answer(step, instance, effect.id, { result: toJson(result) });
        } catch (error) {
          this.answer(step, instance, effect.id, { error: `calculate: ${errorMessage(error)}` });
        }
        return;
      case 'resolve_assignees': {
        const userIds = await this.assignees.resolve(em, effect.specs, {
          submitterId: effect.submitterId,
          record: effect.record,
          vars: instance.vars,
        });
        step.queue.push({
          instanceId: instance.id,
          event: { type: 'assignees_resolved', effectId: effect.id, userIds, now: step.now.toISOString() },
        });
        return;
      }
      case 'assign_owner':
        return this.assignOwner(step, flow, instance, effect);
      case 'notify': {
        const input = { ...instance.record, vars: instance.vars };
        const title = text((await this.expressions(effect.title, input)) as JsonValue);
        const body = effect.body === undefined ? null : text((await this.expressions(effect.body, input)) as JsonValue);
        const userIds = await this.assignees.resolve(em, effect.recipients, {
          submitterId: instance.submitterId,
          record: instance.record,
          vars: instance.vars,
        });
        await this.notifications.add(em, tenantId, {
          userIds,
          kind: `flow.${effect.reason}`,
          title: title || flow.definition.name,
          body,
          instanceId: instance.id,
          dedupeKey: effect.id,
        });
        return;
      }
      case 'email': {
        const userIds = await this.assignees.resolve(em, effect.recipients, {
          submitterId: instance.submitterId,
          record: instance.record,
          vars: instance.vars,
        });
        const rows: { email: string }[] = userIds.length
          ? await em.query(`SELECT email FROM users WHERE id = ANY($1::uuid[])`, [userIds])
          : [];
        const input = { ...instance.record, vars: instance.vars };
        const addresses = (await this.expressions(effect.addresses, input)) as JsonValue[];
        const to = [...new Set([...rows.map((r) => r.email), ...addresses.map(text).filter(Boolean)])];
        await this.enqueue(step, instance, effect.id, {
          channel: 'email',
          to,
          subject: text((await this.expressions(effect.subject, input)) as JsonValue),
          body: text((await this.expressions(effect.body, input)) as JsonValue),
        });
        return;
      }
      case 'sms': {
        const input = { ...instance.record, vars: instance.vars };
        await this.enqueue(step, instance, effect.id, {
          channel: 'sms',
          phones: ((await this.expressions(effect.phones, input)) as JsonValue[]).map(text).filter(Boolean),
          template: effect.template,
          params: await this.expressions(effect.params, input),
        });
        return;
      }
      case 'http': {
        const input = { ...instance.record, vars: instance.vars };
        const headers = (await this.expressions(effect.headers, input)) as Record<string, JsonValue>;
        await this.enqueue(step, instance, effect.id, {
          channel: 'http',
          method: effect.method,
          url: text((await this.expressions(effect.url, input)) as JsonValue),
          headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, text(v)])),
          body: effect.body === undefined ? null : await this.expressions(effect.body, input),
          timeoutMs: Math.min(Math.max(effect.timeoutMs ?? 10000, 100), 60000),
          awaitResult: effect.awaitResult,
        });
        return;
      }
      case 'start_subflow':
        await step.startChild({
          flowKey: effect.flowKey,
          instanceId: effect.childInstanceId,
          parent: instance,
          record: effect.record,
          vars: effect.vars,
        });
        return;
      case 'instance_completed':
      case 'instance_failed':
        return; // the runner reads the final status off the instance
    }
  }

  private async enqueue(step: FlowStep, instance: FlowInstance, effectId: string, message: Record<string, unknown>) {
    await step.em.query(`SELECT flow_add_job($1, $2::json, $3, $4, $5)`, [
      DELIVER_TASK,
      JSON.stringify({ tenantId: step.tenantId, instanceId: instance.id, effectId, message }),
      step.now,
      `flow:deliver:${effectId}`,
      5,
    ]);
  }

  /** `{ $expr }` values are passed through by the engine (jsonata is async here): evaluate them, bounded. */
  async expressions(value: unknown, input: Record<string, unknown>): Promise<unknown> {
    if (isExpr(value)) return toJson(await compileBounded(value.$expr).evaluate(input));
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.expressions(v, input)));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = await this.expressions(v, input);
      return out;
    }
    return value;
  }

  private async createRecord(
    step: FlowStep,
    flow: LoadedFlow,
    instance: FlowInstance,
    effect: EffectOf<'create_record'>,
  ) {
    try {
      const values = (await this.expressions(effect.values, { ...instance.record, vars: instance.vars })) as JsonRecord;
      const created = await inSavepoint(step.em, () =>
        this.records.create(step.em, this.principalFor(step, flow, instance), effect.form, values, step.now),
      );
      if (effect.awaitResult) this.answer(step, instance, effect.id, { result: created });
    } catch (error) {
      const reason = `create ${effect.form} record at ${effect.nodeId}: ${errorMessage(error)}`;
      if (effect.awaitResult) this.answer(step, instance, effect.id, { error: reason });
      else step.failures.push({ instanceId: instance.id, reason });
    }
  }

  private async changeRecord(
    step: FlowStep,
    flow: LoadedFlow,
    instance: FlowInstance,
    effect: EffectOf<'update_record'> | EffectOf<'delete_record'>,
  ) {
    const form = effect.form ?? flow.form;
    const recordId = typeof effect.recordId === 'string' ? effect.recordId : null;
    const what = effect.type === 'update_record' ? 'update' : 'delete';
    try {
      if (!form) throw new Error('the flow has no form: name one on the node');
      if (!recordId || !UUID.test(recordId)) throw new Error(`no record id (got ${JSON.stringify(effect.recordId)})`);
      const principal = this.principalFor(step, flow, instance);
      if (effect.type === 'update_record') {
        const values = (await this.expressions(effect.values, {
          ...instance.record,
          vars: instance.vars,
        })) as JsonRecord;
        await inSavepoint(step.em, () => this.records.update(step.em, principal, form, recordId, values, step.now));
      } else {
        await inSavepoint(step.em, () => this.records.remove(step.em, principal, form, recordId, step.now));
      }
    } catch (error) {
      step.failures.push({
        instanceId: instance.id,
        reason: `${what} record at ${effect.nodeId}: ${errorMessage(error)}`,
      });
    }
  }

  /** Round-robin: the candidate after the last one chosen at this node; least-loaded: fewest live records owned. */
  private async assignOwner(
    step: FlowStep,
    flow: LoadedFlow,
    instance: FlowInstance,
    effect: EffectOf<'assign_owner'>,
  ) {
    const { em, tenantId } = step;
    const candidates = (
      await this.assignees.resolve(em, effect.candidates, {
        submitterId: instance.submitterId,
        record: instance.record,
        vars: instance.vars,
      })
    ).sort();
    if (!candidates.length) {
      this.answer(step, instance, effect.id, { error: 'assign owner: no active candidate' });
      return;
    }
    const form = effect.form ?? flow.form;
    const principal = this.principalFor(step, flow, instance);
    const cursorKey = `${flow.key}:${effect.nodeId}`;
    const [cursor]: { last_user_id: string | null }[] = await em.query(
      `INSERT INTO flow_assignment_cursors (tenant_id, key) VALUES ($1, $2)
       ON CONFLICT (tenant_id, key) DO UPDATE SET key = EXCLUDED.key RETURNING last_user_id`,
      [tenantId, cursorKey],
    );
    const afterLast = (list: string[]) => {
      const i = cursor.last_user_id ? list.indexOf(cursor.last_user_id) : -1;
      return list[(i + 1) % list.length] ?? list[0];
    };
    let chosen: string;
    if (effect.strategy === 'least_loaded' && form) {
      const counts = await this.records.ownedCounts(em, principal, form, candidates, step.now);
      const min = Math.min(...candidates.map((c) => counts.get(c) ?? 0));
      chosen = afterLast(candidates.filter((c) => (counts.get(c) ?? 0) === min));
    } else {
      chosen = afterLast(candidates);
    }
    await em.query(`UPDATE flow_assignment_cursors SET last_user_id = $2 WHERE key = $1`, [cursorKey, chosen]);
    const recordId = typeof effect.recordId === 'string' ? effect.recordId : null;
    try {
      if (form && recordId) {
        await inSavepoint(em, () => this.records.setOwner(em, principal, form, recordId, chosen, step.now));
      }
      this.answer(step, instance, effect.id, { result: chosen });
    } catch (error) {
      this.answer(step, instance, effect.id, { error: `assign owner: ${errorMessage(error)}` });
    }
  }
}

export function toJson(x: unknown): JsonValue {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (Array.isArray(x)) return x.map(toJson);
  if (typeof x === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(x)) if (v !== undefined && typeof v !== 'function') out[k] = toJson(v);
    return out;
  }
  return null;
}
