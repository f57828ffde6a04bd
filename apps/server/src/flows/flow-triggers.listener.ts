import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { dateTriggerFireAt, DEFAULT_WORKING_CALENDAR, type JsonRecord } from '@tessera/flow-engine';
import { qualifiedName, quoteIdent } from '@tessera/query';
import type { DateFieldTrigger, FlowTrigger, TriggerType } from '@tessera/schema';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';
import { APP_LOGGER } from '../config/app-config.provider';
import { TenantDatabase } from '../db/tenant-database.service';
import { FormCatalog } from '../forms/form-catalog.service';
import { FlowClock } from './flow-clock';
import { nextCronTime } from './flow-cron';
import { FlowDefinitions, type LoadedFlow } from './flow-definitions.service';
import { engineDeps } from './flow-engine-deps';
import { FlowInstancesService } from './flow-instances.service';
import { FlowRecordsGateway } from './flow-records.gateway';
import { errorMessage, inSavepoint, type FlowStep } from './flow-step';
import { FlowTimers, type TimerRow } from './flow-timers.service';

interface OutboxRow {
  id: string;
  topic: string;
  payload: {
    form: string;
    recordId: string;
    actorId: string | null;
    after: Record<string, unknown> | null;
    changed: string[];
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BATCH = 200;

export const dateTimerKey = (flowId: string, recordId: string) => `flow:${flowId}:date:${recordId}`;
export const cronTimerKey = (flowId: string) => `flow:${flowId}:cron`;

/**
 * Turns record events into flow work. The record outbox (written in the record's own transaction) is consumed with
 * FOR UPDATE SKIP LOCKED; starting the triggered instances, re-planning date timers, telling running instances
 * about the change, and marking the outbox row processed are one transaction — a crash replays the row, never
 * loses it. Also fires date-field and schedule (cron) timers.
 */
@Injectable()
export class FlowTriggersListener implements OnModuleInit {
  private draining: Promise<number> | undefined;

  constructor(
    private readonly db: TenantDatabase,
    private readonly definitions: FlowDefinitions,
    private readonly instances: FlowInstancesService,
    private readonly timers: FlowTimers,
    private readonly records: FlowRecordsGateway,
    private readonly catalog: FormCatalog,
    private readonly clock: FlowClock,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.timers.register('date', (em, timer, now) => this.onDateTimer(em, timer, now));
    this.timers.register('cron', (em, timer, now) => this.onCronTimer(em, timer, now));
  }

  /** Processes every pending record event (all tenants); concurrent callers share one run. */
  drainOutbox(): Promise<number> {
    this.draining ??= this.drainAll().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drainAll(): Promise<number> {
    let total = 0;
    for (let idle = 0; idle < 250;) {
      const pending: { tenant_id: string; id: string }[] = await this.db.withoutTenant((em) =>
        em.query(`SELECT tenant_id, id FROM flow_pending_outbox($1)`, [BATCH]),
      );
      if (!pending.length) return total;
      const byTenant = new Map<string, string[]>();
      for (const p of pending) byTenant.set(p.tenant_id, [...(byTenant.get(p.tenant_id) ?? []), p.id]);
      let processed = 0;
      for (const [tenantId, ids] of byTenant) processed += await this.processTenant(tenantId, ids);
      total += processed;
      // Rows locked by another replica: wait for it to commit rather than spin.
      if (!processed) {
        idle++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    return total;
  }

  private processTenant(tenantId: string, ids: string[]): Promise<number> {
    return this.db.run(tenantId, async (em) => {
      const rows: OutboxRow[] = await em.query(
        `SELECT id, topic, payload FROM outbox WHERE id = ANY($1::bigint[]) AND processed_at IS NULL
          ORDER BY id FOR UPDATE SKIP LOCKED`,
        [ids],
      );
      if (!rows.length) return 0;
      const step = await this.instances.newStep(em, tenantId);
      for (const row of rows) {
        try {
          await inSavepoint(em, () => this.onRecordEvent(step, row));
        } catch (error) {
          // A broken flow must not block the outbox for every other flow: log and move on.
          this.logger.error({ err: errorMessage(error), outboxId: row.id, topic: row.topic }, 'flow trigger failed');
        }
      }
      await this.instances.drain(step);
      await em.query(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private systemPrincipal(step: FlowStep, userId: string | null): AuthPrincipal {
    return { tenantId: step.tenantId, userId: userId ?? '00000000-0000-0000-0000-000000000000', isAdmin: true };
  }

  private async onRecordEvent(step: FlowStep, row: OutboxRow): Promise<void> {
    const { form, recordId, actorId, changed } = row.payload;
    const kind = row.topic.slice('record.'.length);
    const types: TriggerType[] =
      kind === 'created'
        ? ['record_created', 'form_submitted', 'date_field']
        : kind === 'updated'
          ? ['record_updated', 'date_field']
          : kind === 'deleted'
            ? ['record_deleted']
            : ['date_field'];
    const flows = await this.definitions.triggeredBy(step.em, step.tenantId, form, types);
    const principal = this.systemPrincipal(step, actorId);

    if (kind === 'deleted') {
      await this.cancelDateTimers(step.em, recordId);
      const record = flows.length ? await this.records.read(step.em, principal, form, recordId, step.now, true) : null;
      for (const flow of flows) await this.maybeStart(step, flow, record ?? { id: recordId }, actorId, row.topic);
      await this.notifyRunning(step, form, recordId, { deleted_at: step.now.toISOString() });
      return;
    }
    const record = await this.records.read(step.em, principal, form, recordId, step.now);
    if (!record) return; // deleted again since: its own event follows
    for (const flow of flows) {
      const trigger = flow.definition.trigger;
      if (trigger.type === 'date_field') {
        if (kind !== 'updated' || changed.includes(trigger.field)) await this.scheduleDate(step, flow, trigger, record);
        continue;
      }
      if (
        trigger.type === 'record_updated' &&
        trigger.fields?.length &&
        !trigger.fields.some((f) => changed.includes(f))
      )
        continue;
      await this.maybeStart(step, flow, record, actorId, row.topic);
    }
    if (kind === 'updated') {
      const values: JsonRecord = {};
      for (const key of changed) if (key in record) values[key] = record[key];
      values.version = record.version;
      await this.notifyRunning(step, form, recordId, values);
    }
  }

  private conditionHolds(
    step: FlowStep,
    flow: LoadedFlow,
    trigger: FlowTrigger,
    record: JsonRecord,
    userId: string,
  ): boolean {
    if (!('condition' in trigger) || !trigger.condition) return true;
    return engineDeps(flow, step.timeZone).evaluateCondition(
      trigger.condition,
      { ...record, vars: {} },
      {
        now: step.now.toISOString(),
        userId,
        vars: {},
        timeZone: step.timeZone,
      },
    );
  }

  private async maybeStart(
    step: FlowStep,
    flow: LoadedFlow,
    record: JsonRecord,
    actorId: string | null,
    topic: string,
  ) {
    const submitter = actorId && UUID.test(actorId) ? actorId : (flow.publishedBy ?? '');
    if (!this.conditionHolds(step, flow, flow.definition.trigger, record, submitter)) return;
    await this.instances.startIn(step, flow, { submitterId: submitter, record, recordForm: flow.form, trigger: topic });
  }

  /** Running instances on the record see the change (`record_changed`: snapshot merge, delays re-planned). */
  private async notifyRunning(step: FlowStep, form: string, recordId: string, values: JsonRecord): Promise<void> {
    const rows: { id: string }[] = await step.em.query(
      `SELECT id FROM flow_instances WHERE record_form = $1 AND record_id = $2 AND status = 'running' ORDER BY started_at`,
      [form, recordId],
    );
    for (const { id } of rows) {
      await this.instances.dispatchIn(
        step,
        id,
        { type: 'record_changed', record: values, now: step.now.toISOString() },
        false,
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Date-field triggers ("7 days before the birthday")
  // ---------------------------------------------------------------------------------------------------------------

  private async scheduleDate(step: FlowStep, flow: LoadedFlow, trigger: DateFieldTrigger, record: JsonRecord) {
    const recordId = String(record.id);
    const fireAt = dateTriggerFireAt(trigger, record[trigger.field], {
      ...DEFAULT_WORKING_CALENDAR,
      timeZone: step.timeZone,
    });
    const key = dateTimerKey(flow.id, recordId);
    // No date, or the moment has passed: nothing to wait for (a cleared date cancels its reminder).
    if (!fireAt || new Date(fireAt) <= step.now) {
      await this.timers.cancel(step.em, key);
      return;
    }
    await this.timers.schedule(step.em, step.tenantId, {
      key,
      kind: 'date',
      fireAt: new Date(fireAt),
      payload: { flowId: flow.id, recordId, form: trigger.form },
    });
  }

  private async cancelDateTimers(em: EntityManager, recordId: string): Promise<void> {
    const rows: { key: string }[] = await em.query(
      `SELECT key FROM flow_timers WHERE kind = 'date' AND payload->>'recordId' = $1`,
      [recordId],
    );
    for (const { key } of rows) await this.timers.cancel(em, key);
  }

  /** On publish: one timer per existing record with a date (the timers of the previous version are replaced). */
  async backfillDateTimers(em: EntityManager, tenantId: string, flow: LoadedFlow): Promise<number> {
    await this.timers.cancelPrefix(em, `flow:${flow.id}:date:`);
    const trigger = flow.definition.trigger;
    if (trigger.type !== 'date_field') return 0;
    const form = await this.catalog.published(em, tenantId, trigger.form);
    const column = form.queryable.find((f) => f.key === trigger.field)?.column ?? trigger.field;
    const rows: { id: string; value: unknown }[] = await em.query(
      `SELECT "id", ${quoteIdent(column)} AS value FROM ${qualifiedName(form.schema, form.key)}
        WHERE "deleted_at" IS NULL AND ${quoteIdent(column)} IS NOT NULL`,
    );
    const step = await this.instances.newStep(em, tenantId);
    for (const row of rows) {
      const value = row.value instanceof Date ? row.value.toISOString() : row.value;
      await this.scheduleDate(step, flow, trigger, { id: row.id, [trigger.field]: value as string });
    }
    return rows.length;
  }

  private async onDateTimer(em: EntityManager, timer: TimerRow, now: Date): Promise<void> {
    const { flowId, recordId, form } = timer.payload as { flowId: string; recordId: string; form: string };
    const step = await this.instances.newStep(em, timer.tenant_id, now);
    const rows: { published_version: number | null; enabled: boolean }[] = await em.query(
      `SELECT published_version, enabled FROM flows WHERE id = $1`,
      [flowId],
    );
    if (!rows[0]?.published_version || !rows[0].enabled) return;
    const flow = await this.definitions.version(em, step.tenantId, flowId, rows[0].published_version);
    if (flow.definition.trigger.type !== 'date_field') return;
    const record = await this.records.read(em, this.systemPrincipal(step, flow.publishedBy), form, recordId, now);
    if (!record) return;
    await this.maybeStart(step, flow, record, flow.publishedBy, 'date_field');
    await this.instances.drain(step);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Schedule triggers (cron)
  // ---------------------------------------------------------------------------------------------------------------

  async scheduleCron(em: EntityManager, tenantId: string, flow: LoadedFlow, after: Date): Promise<void> {
    const trigger = flow.definition.trigger;
    if (trigger.type !== 'schedule') {
      await this.timers.cancel(em, cronTimerKey(flow.id));
      return;
    }
    await this.timers.schedule(em, tenantId, {
      key: cronTimerKey(flow.id),
      kind: 'cron',
      fireAt: nextCronTime(trigger.cron, trigger.timeZone, after),
      payload: { flowId: flow.id },
    });
  }

  private async onCronTimer(em: EntityManager, timer: TimerRow, now: Date): Promise<void> {
    const { flowId } = timer.payload as { flowId: string };
    const rows: { published_version: number | null; enabled: boolean }[] = await em.query(
      `SELECT published_version, enabled FROM flows WHERE id = $1`,
      [flowId],
    );
    if (!rows[0]?.published_version) return;
    const flow = await this.definitions.version(em, timer.tenant_id, flowId, rows[0].published_version);
    if (flow.definition.trigger.type !== 'schedule') return;
    await this.scheduleCron(em, timer.tenant_id, flow, now);
    if (!rows[0].enabled) return;
    const step = await this.instances.newStep(em, timer.tenant_id, now);
    await this.instances.startIn(step, flow, {
      submitterId: flow.publishedBy ?? '',
      record: {},
      recordForm: null,
      trigger: 'schedule',
    });
    await this.instances.drain(step);
  }

  /** For callers outside a step (webhooks): the clock the listener runs on. */
  now(): Date {
    return this.clock.now();
  }
}
