import { Inject, Injectable } from '@nestjs/common';
import type { JsonValue } from '@tessera/schema';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../config/app-config.provider';
import { TenantDatabase } from '../db/tenant-database.service';
import { toJson } from './flow-effects.applier';
import { FlowHttpClient, PermanentHttpError, type HttpPolicy } from './flow-http.client';
import { FlowInstancesService } from './flow-instances.service';
import type { DeliverJobPayload } from './flow-jobs';
import { EMAIL_SENDER, SMS_PROVIDER, type EmailSender, type SmsProvider } from './flow-messages';
import { errorMessage } from './flow-step';

/**
 * Sends what flows emit to the outside (e-mail, SMS, HTTP), from graphile-worker jobs written in the step's
 * transaction. A failure throws, so graphile-worker retries with backoff; the last attempt (or a refusal that
 * retrying cannot fix) answers the waiting instance with an error, which follows its `on: 'error'` edge or fails it.
 */
@Injectable()
export class FlowDelivery {
  constructor(
    private readonly db: TenantDatabase,
    private readonly instances: FlowInstancesService,
    private readonly http: FlowHttpClient,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async deliver(job: DeliverJobPayload, attempt: { number: number; max: number }): Promise<void> {
    const m = job.message;
    const awaitResult = m.channel === 'http' && m.awaitResult === true;
    try {
      const result = await this.send(job);
      if (awaitResult) await this.instances.answerEffect(job.tenantId, job.instanceId, job.effectId, { result });
    } catch (error) {
      const permanent = error instanceof PermanentHttpError;
      const last = permanent || attempt.number >= attempt.max;
      this.logger.warn(
        {
          channel: m.channel,
          instanceId: job.instanceId,
          attempt: attempt.number,
          permanent,
          err: errorMessage(error),
        },
        'flow delivery failed',
      );
      if (!last) throw error;
      if (awaitResult)
        await this.instances.answerEffect(job.tenantId, job.instanceId, job.effectId, {
          error: `${String(m.channel)}: ${errorMessage(error)}`,
        });
      else if (!permanent) throw error; // keep the failed job visible in graphile-worker
    }
  }

  private async send(job: DeliverJobPayload): Promise<JsonValue> {
    const m = job.message;
    switch (m.channel) {
      case 'email':
        await this.email.send({ to: m.to as string[], subject: String(m.subject), body: String(m.body) });
        return null;
      case 'sms':
        await this.sms.send({
          phones: m.phones as string[],
          template: String(m.template),
          params: (m.params ?? {}) as Record<string, unknown>,
        });
        return null;
      case 'http': {
        const policy = await this.policy(job.tenantId);
        const response = await this.http.request(
          {
            method: String(m.method),
            url: String(m.url),
            headers: (m.headers ?? {}) as Record<string, string>,
            body: m.body ?? undefined,
            timeoutMs: Number(m.timeoutMs ?? 10000),
          },
          policy,
        );
        return toJson(response);
      }
      default:
        throw new PermanentHttpError(`unknown channel ${String(m.channel)}`);
    }
  }

  private policy(tenantId: string): Promise<HttpPolicy> {
    return this.db.run(tenantId, async (em) => {
      const rows: { http_allow_private: boolean; http_allowed_hosts: string[] }[] = await em.query(
        `SELECT http_allow_private, http_allowed_hosts FROM flow_settings`,
      );
      return { allowPrivate: rows[0]?.http_allow_private ?? false, allowedHosts: rows[0]?.http_allowed_hosts ?? [] };
    });
  }
}
