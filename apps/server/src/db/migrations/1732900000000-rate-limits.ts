import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Hits of rate-limited actions that happen before sign-in (public form submissions), shared by all replicas. */
export class RateLimits1732900000000 implements MigrationInterface {
  name = 'RateLimits1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE rate_limit_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, bucket text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(`CREATE INDEX rate_limit_events_bucket_at ON rate_limit_events (bucket, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rate_limit_events`);
  }
}
