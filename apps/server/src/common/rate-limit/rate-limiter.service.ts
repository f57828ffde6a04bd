import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Counts hits per bucket in PostgreSQL (every replica and restart sees them). `hit` records one attempt and
 * answers how many seconds to wait when the bucket is over its limit (0 = allowed).
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<number> {
    const rows: { hits: number; oldest: Date | null }[] = await this.dataSource.query(
      `WITH recent AS (SELECT at FROM rate_limit_events WHERE bucket = $1 AND at > now() - make_interval(secs => $2))
       SELECT count(*)::int AS hits, min(at) AS oldest FROM recent`,
      [bucket, windowSeconds],
    );
    const { hits, oldest } = rows[0];
    if (hits >= limit) {
      const until = (oldest ? new Date(oldest).getTime() : Date.now()) + windowSeconds * 1000;
      return Math.max(1, Math.ceil((until - Date.now()) / 1000));
    }
    await this.dataSource.query(`INSERT INTO rate_limit_events (bucket) VALUES ($1)`, [bucket]);
    if (Math.random() < 0.01)
      await this.dataSource.query(`DELETE FROM rate_limit_events WHERE at < now() - interval '1 day'`);
    return 0;
  }
}
