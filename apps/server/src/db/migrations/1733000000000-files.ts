import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from './tenant-isolation';

/**
 * Uploaded files (image and attachment field values): the metadata lives here, the bytes on disk under
 * DATA_DIR/files/<tenant>/<aa>/<id> (`storage_key` is that path relative to DATA_DIR/files, so moving the data
 * directory does not invalidate rows). The sha256 lets a later clean-up or de-duplication job trust the bytes.
 */
export class Files1733000000000 implements MigrationInterface {
  name = 'Files1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX files_tenant_created ON files (tenant_id, created_at DESC)`);
    await enableTenantIsolation(q, ['files']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS files`);
  }
}
