import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface EmailMessage {
  to: string[];
  subject: string;
  body: string;
}

/** Outgoing e-mail. Chosen at boot: SMTP when SMTP_URL is set, else a log-only sender (trial installs, tests). */
export interface EmailSender {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/**
 * SMTP through nodemailer. SMTP_URL is `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`;
 * SMTP_FROM names the sender. A failed send rejects, so the delivery job retries and stays visible when it gives up.
 */
export class SmtpEmailSender implements EmailSender {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from = 'Tessera <no-reply@tessera.local>',
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: EmailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.body });
  }

  close(): void {
    this.transport.close();
  }
}

/** Records what would be sent (recipients and subject only: bodies may hold personal data). */
export class LogEmailSender implements EmailSender {
  readonly name = 'log';
  readonly sent: EmailMessage[] = [];
  constructor(private readonly logger: Logger) {}
  send(message: EmailMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 1000) this.sent.shift();
    this.logger.info({ to: message.to.length, subject: message.subject }, 'email (log sender)');
    return Promise.resolve();
  }
}

export interface SmsMessage {
  phones: string[];
  template: string;
  params: Record<string, unknown>;
}

/** SMS through a provider adapter (Aliyun / Tencent style: a template id plus parameters). */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  readonly sent: SmsMessage[] = [];
  constructor(private readonly logger: Logger) {}
  send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 1000) this.sent.shift();
    this.logger.info({ phones: message.phones.length, template: message.template }, 'sms (log provider)');
    return Promise.resolve();
  }
}

/**
 * A generic HTTP gateway: POST {phones, template, params} as JSON to SMS_HTTP_URL with an optional bearer token.
 * The token is never logged.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10000,
  ) {}
  async send(message: SmsMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
  }
}

export function emailSenderFromEnv(env: NodeJS.ProcessEnv, logger: Logger): EmailSender {
  return env.SMTP_URL ? new SmtpEmailSender(env.SMTP_URL, env.SMTP_FROM) : new LogEmailSender(logger);
}

export function smsProviderFromEnv(env: NodeJS.ProcessEnv, logger: Logger): SmsProvider {
  return env.SMS_HTTP_URL ? new HttpSmsProvider(env.SMS_HTTP_URL, env.SMS_HTTP_TOKEN) : new LogSmsProvider(logger);
}
