import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { Logger as GraphileLogger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../config/app-config.provider';
import { FlowClock } from './flow-clock';
import { FlowDelivery } from './flow-delivery';
import { DELIVER_TASK, TIMER_TASK, type DeliverJobPayload, type TimerJobPayload } from './flow-jobs';
import { FlowTimers } from './flow-timers.service';
import { FlowTriggersListener } from './flow-triggers.listener';

export interface FlowWorkerOptions {
  /** A role that owns graphile-worker's schema (its tables have RLS without policies). */
  ownerUrl: string;
  concurrency?: number;
  /** How often graphile-worker looks for jobs that became due (ms). */
  pollIntervalMs?: number;
  /** How often the record outbox is polled, ms. */
  outboxPollMs?: number;
}

/**
 * graphile-worker inside the server process: wakes timers (`flow_timer`, one job per timer by job_key) and delivers
 * outgoing messages (`flow_deliver`), and polls the record outbox. Everything it runs is in PostgreSQL, so a killed
 * server resumes every pending timer, message and record event on the next start. Stopped before the database
 * pool closes (beforeApplicationShutdown runs ahead of DatabaseModule's onApplicationShutdown).
 */
@Injectable()
export class FlowWorker implements BeforeApplicationShutdown {
  private runner: Runner | undefined;
  private poll: NodeJS.Timeout | undefined;
  private polling: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly timers: FlowTimers,
    private readonly triggers: FlowTriggersListener,
    private readonly delivery: FlowDelivery,
    private readonly clock: FlowClock,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async start(options: FlowWorkerOptions): Promise<void> {
    const logger = new GraphileLogger((scope) => (level, message, meta) => {
      const child = this.logger.child({ component: 'graphile-worker', ...scope });
      if (level === 'error') child.error(meta ?? {}, message);
      else if (level === 'warning') child.warn(meta ?? {}, message);
      else child.debug(meta ?? {}, message);
    });
    await runMigrations({ connectionString: options.ownerUrl, logger });
    const timerTask: Task = async (payload) => {
      const { tenantId, key } = payload as TimerJobPayload;
      const fired = await this.timers.fireOne(tenantId, key, this.clock.now());
      if (!fired) {
        // Woken before the clock says so (clock skew): re-arm for the stored time; a removed timer is a no-op.
        const fireAt = await this.timers.pending(tenantId, key);
        if (fireAt && fireAt > this.clock.now())
          throw new Error(`timer ${key} is not due until ${fireAt.toISOString()}`);
      }
    };
    const deliverTask: Task = async (payload, helpers) => {
      await this.delivery.deliver(payload as DeliverJobPayload, {
        number: helpers.job.attempts,
        max: helpers.job.max_attempts,
      });
    };
    this.runner = await run({
      connectionString: options.ownerUrl,
      concurrency: options.concurrency ?? 4,
      noHandleSignals: true,
      // Jobs due in the future are only seen when the worker polls: the interval bounds a timer's lateness.
      pollInterval: options.pollIntervalMs ?? 250,
      logger,
      taskList: { [TIMER_TASK]: timerTask, [DELIVER_TASK]: deliverTask },
    });
    const every = options.outboxPollMs ?? 200;
    const tick = () => {
      if (this.stopped) return;
      this.polling = this.triggers
        .drainOutbox()
        .catch((error: unknown) => this.logger.error({ err: error }, 'flow outbox poll failed'))
        .finally(() => {
          if (!this.stopped) this.poll = setTimeout(tick, every);
        });
    };
    this.poll = setTimeout(tick, every);
    this.logger.info({ concurrency: options.concurrency ?? 4 }, 'flow worker started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearTimeout(this.poll);
    await this.polling;
    await this.runner?.stop();
    this.runner = undefined;
  }
}
