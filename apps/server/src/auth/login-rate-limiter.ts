import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

/**
 * Wrong passwords are counted in PostgreSQL (so every replica and every restart sees them): after 5 failures for
 * one e-mail, or 30 from one address, within 15 minutes, further attempts are refused until the window passes.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds to wait, or 0 when a new attempt is allowed. */
  async retryAfterSeconds(email: string, ip: string): Promise<number> {
    const rows: { by_email: string; by_ip: string; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1) AS by_email,
              count(*) FILTER (WHERE ip = $2) AS by_ip,
              min(at) AS oldest
         FROM login_failures
        WHERE at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email.toLowerCase(), ip, WINDOW_MINUTES],
    );
    const { by_email, by_ip, oldest } = rows[0];
    if (Number(by_email) < MAX_FAILURES_PER_EMAIL && Number(by_ip) < MAX_FAILURES_PER_IP) return 0;
    const until = (oldest ? new Date(oldest).getTime() : Date.now()) + WINDOW_MINUTES * 60_000;
    return Math.max(1, Math.ceil((until - Date.now()) / 1000));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failures (email, ip) VALUES ($1, $2)`, [email.toLowerCase(), ip]);
    // Keep the table small: old entries are worthless.
    await this.dataSource.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
  }

  async clear(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE email = $1`, [email.toLowerCase()]);
  }
}
