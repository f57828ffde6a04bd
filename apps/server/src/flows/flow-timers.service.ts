import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { APP_LOGGER } from '../config/app-config.provider';
import { TenantDatabase } from '../db/tenant-database.service';
import { FlowClock } from './flow-clock';
import { TIMER_TASK } from './flow-jobs';

export type TimerKind = 'instance' | 'date' | 'cron';

export interface TimerRow {
  tenant_id: string;
  key: string;
  kind: TimerKind;
  fire_at: Date;
  instance_id: string | null;
  payload: Record<string, unknown>;
}

/** Runs a fired timer inside the transaction that deletes it: the effect and the removal commit together. */
export type TimerHandler = (em: EntityManager, timer: TimerRow, now: Date) => Promise<void>;

/**
 * Durable timers. The `flow_timers` row is the truth (scheduled in the transaction of the step that needs it,
 * deleted in the transaction that fires it); a graphile-worker job with the same job_key wakes the server at
 * `fire_at`, so a rescheduled timer replaces its job and a cancelled one removes it. `fireDue(now)` fires
 * everything due by the clock — the worker's job handler and the tests use the same path.
 */
@Injectable()
export class FlowTimers {
  private readonly handlers = new Map<TimerKind, TimerHandler>();

  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: FlowClock,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  register(kind: TimerKind, handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Inserts or moves a timer (same key = the same timer: "reschedule the birthday reminder"). */
  async schedule(
    em: EntityManager,
    tenantId: string,
    timer: { key: string; kind: TimerKind; fireAt: Date; instanceId?: string; payload?: Record<string, unknown> },
  ): Promise<void> {
    await em.query(
      `INSERT INTO flow_timers (tenant_id, key, kind, fire_at, instance_id, payload) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, key) DO UPDATE SET fire_at = EXCLUDED.fire_at, kind = EXCLUDED.kind,
         instance_id = EXCLUDED.instance_id, payload = EXCLUDED.payload`,
      [tenantId, timer.key, timer.kind, timer.fireAt, timer.instanceId ?? null, JSON.stringify(timer.payload ?? {})],
    );
    await em.query(`SELECT flow_add_job($1, $2::json, $3, $4, $5)`, [
      TIMER_TASK,
      JSON.stringify({ tenantId, key: timer.key }),
      timer.fireAt,
      timer.key,
      10,
    ]);
  }

  async cancel(em: EntityManager, key: string): Promise<void> {
    const [rows] = (await em.query(`DELETE FROM flow_timers WHERE key = $1 RETURNING key`, [key])) as [
      { key: string }[],
      number,
    ];
    if (rows.length) await em.query(`SELECT flow_remove_job($1)`, [key]);
  }

  /** Cancels every timer whose key starts with `prefix` (a flow's date timers when it is re-published). */
  async cancelPrefix(em: EntityManager, prefix: string): Promise<void> {
    const [rows] = (await em.query(`DELETE FROM flow_timers WHERE starts_with(key, $1) RETURNING key`, [prefix])) as [
      { key: string }[],
      number,
    ];
    for (const { key } of rows) await em.query(`SELECT flow_remove_job($1)`, [key]);
  }

  /** Removes the instance's leftover timers when it finishes. */
  async cancelForInstance(em: EntityManager, instanceId: string): Promise<void> {
    const [rows] = (await em.query(`DELETE FROM flow_timers WHERE instance_id = $1 RETURNING key`, [instanceId])) as [
      { key: string }[],
      number,
    ];
    for (const { key } of rows) await em.query(`SELECT flow_remove_job($1)`, [key]);
  }

  /** Fires every timer due at `now` (all tenants). Returns how many fired. */
  async fireDue(now: Date = this.clock.now()): Promise<number> {
    let fired = 0;
    for (;;) {
      const due: { tenant_id: string; key: string }[] = await this.db.withoutTenant((em) =>
        em.query(`SELECT tenant_id, key FROM flow_due_timers($1, 200)`, [now]),
      );
      let progressed = 0;
      for (const timer of due) {
        // One failing timer must not hold up the others; its row stays and its job retries it.
        const ok = await this.fireOne(timer.tenant_id, timer.key, now).catch(() => false);
        if (ok) progressed++;
      }
      fired += progressed;
      if (due.length < 200 || progressed === 0) return fired;
    }
  }

  /**
   * Fires one timer if it is due and nobody else is firing it (SKIP LOCKED): the handler's work and the timer's
   * deletion are one transaction, so a crash in between fires it again after restart, never half.
   */
  async fireOne(tenantId: string, key: string, now: Date = this.clock.now()): Promise<boolean> {
    try {
      return await this.db.run(tenantId, async (em) => {
        const rows: TimerRow[] = await em.query(
          `SELECT tenant_id, key, kind, fire_at, instance_id, payload FROM flow_timers
            WHERE key = $1 AND fire_at <= $2 FOR UPDATE SKIP LOCKED`,
          [key, now],
        );
        const timer = rows[0];
        if (!timer) return false;
        await em.query(`DELETE FROM flow_timers WHERE key = $1`, [key]);
        const handler = this.handlers.get(timer.kind);
        if (handler) await handler(em, timer, now);
        return true;
      });
    } catch (error) {
      this.logger.error({ err: error, tenantId, key }, 'flow timer failed');
      throw error;
    }
  }

  /** When the job woke up early (clock skew), the fire time of the timer, to re-arm the job. */
  async pending(tenantId: string, key: string): Promise<Date | null> {
    const rows: { fire_at: Date }[] = await this.db.run(tenantId, (em) =>
      em.query(`SELECT fire_at FROM flow_timers WHERE key = $1`, [key]),
    );
    return rows[0]?.fire_at ?? null;
  }
}
