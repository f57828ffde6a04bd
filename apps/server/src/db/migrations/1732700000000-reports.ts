import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from './tenant-isolation';

/**
 * Reports and dashboards (metadata documents inside an app). Definitions are JSON validated against the
 * meta-schemas before they are stored; `version` backs optimistic concurrency of PUT.
 */
export class Reports1732700000000 implements MigrationInterface {
  name = 'Reports1732700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['reports', 'dashboards']) {
      await q.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
          app_id uuid NOT NULL REFERENCES apps(id) ON DELETE RESTRICT,
          key text NOT NULL,
          definition jsonb NOT NULL,
          version int NOT NULL DEFAULT 1,
          created_by uuid,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (tenant_id, key)
        )`);
      await q.query(`CREATE INDEX ${table}_app ON ${table} (tenant_id, app_id)`);
      await enableTenantIsolation(q, [table]);
    }
    // The report result cache asks "what is the newest record event of these forms?" on every run: an
    // index-only lookup instead of a scan of the whole outbox.
    await q.query(
      `CREATE INDEX outbox_record_form ON outbox (tenant_id, (payload->>'form'), id)
        WHERE topic IN ('record.created', 'record.updated', 'record.deleted')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_record_form`);
    await q.query(`DROP TABLE IF EXISTS dashboards`);
    await q.query(`DROP TABLE IF EXISTS reports`);
  }
}
