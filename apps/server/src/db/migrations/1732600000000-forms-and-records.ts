import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from './tenant-isolation';

/**
 * Apps, forms with draft and published versions, saved views, auto-number sequences and the record-event outbox.
 * Records themselves live in real typed tables, one PostgreSQL schema per tenant (created on first publish).
 */
export class FormsAndRecords1732600000000 implements MigrationInterface {
  name = 'FormsAndRecords1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE apps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key text NOT NULL,
        name jsonb NOT NULL,
        icon text,
        color text,
        sort_index int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, key)
      )`);
    await q.query(`
      CREATE TABLE forms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        app_id uuid NOT NULL REFERENCES apps(id) ON DELETE RESTRICT,
        key text NOT NULL,
        draft jsonb NOT NULL,
        draft_revision int NOT NULL DEFAULT 1,
        published_version int,
        public_token text UNIQUE,
        sort_index int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, key)
      )`);
    await q.query(`
      CREATE TABLE form_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        form_id uuid NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
        version int NOT NULL,
        definition jsonb NOT NULL,
        ddl text[] NOT NULL DEFAULT '{}',
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        UNIQUE (form_id, version)
      )`);
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        form_id uuid NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
        owner_id uuid REFERENCES users(id) ON DELETE CASCADE,
        shared boolean NOT NULL DEFAULT false,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('table', 'kanban', 'calendar')),
        config jsonb NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX saved_views_form ON saved_views (tenant_id, form_id)`);
    await q.query(`
      CREATE TABLE record_sequences (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        form_id uuid NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
        field_key text NOT NULL,
        period text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (form_id, field_key, period)
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        topic text NOT NULL,
        aggregate_id text,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (id) WHERE processed_at IS NULL`);
    await enableTenantIsolation(q, ['apps', 'forms', 'form_versions', 'saved_views', 'record_sequences', 'outbox']);
    // Public forms are opened by token before any tenant is known.
    await q.query(`
      CREATE FUNCTION public_form_tenant(p_token text) RETURNS TABLE (tenant_id uuid, form_key text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT f.tenant_id, f.key FROM forms f WHERE f.public_token = p_token AND f.published_version IS NOT NULL
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS public_form_tenant(text)`);
    for (const table of ['outbox', 'record_sequences', 'saved_views', 'form_versions', 'forms', 'apps']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
