import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from './tenant-isolation';

/**
 * Flows (approvals and automations): definitions with draft and published versions, instances (the engine's state
 * as jsonb), a task projection for the inbox, durable timers, owner-assignment cursors, in-app notifications and
 * per-tenant flow settings. Timers are rows here (the truth, deleted in the transaction that fires them) and
 * graphile-worker jobs with the same job_key (the wake-up); the definer functions below are the only doors
 * through row-level security for the cross-tenant workers, and the only way the app role may enqueue jobs.
 */
export class Flows1732800000000 implements MigrationInterface {
  name = 'Flows1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE flows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        app_id uuid NOT NULL REFERENCES apps(id) ON DELETE RESTRICT,
        key text NOT NULL,
        draft jsonb NOT NULL,
        draft_revision int NOT NULL DEFAULT 1,
        published_version int,
        enabled boolean NOT NULL DEFAULT true,
        trigger_type text,
        trigger_form text,
        webhook_token_hash text UNIQUE,
        published_by uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, key)
      )`);
    await q.query(
      `CREATE INDEX flows_trigger ON flows (tenant_id, trigger_form, trigger_type) WHERE published_version IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE flow_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        flow_id uuid NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        version int NOT NULL,
        definition jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        UNIQUE (flow_id, version)
      )`);
    await q.query(`
      CREATE TABLE flow_instances (
        id text PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        flow_id uuid NOT NULL REFERENCES flows(id) ON DELETE RESTRICT,
        flow_key text NOT NULL,
        flow_version int NOT NULL,
        status text NOT NULL,
        state jsonb NOT NULL,
        record_form text,
        record_id text,
        submitter_id uuid,
        parent_instance_id text REFERENCES flow_instances(id) ON DELETE SET NULL,
        trigger text NOT NULL,
        reason text,
        revision int NOT NULL DEFAULT 1,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX flow_instances_record ON flow_instances (tenant_id, record_form, record_id) WHERE status = 'running'`,
    );
    await q.query(`CREATE INDEX flow_instances_submitter ON flow_instances (tenant_id, submitter_id, started_at DESC)`);
    await q.query(`CREATE INDEX flow_instances_flow ON flow_instances (tenant_id, flow_id, status, started_at DESC)`);
    await q.query(`
      CREATE TABLE flow_tasks (
        id text PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        instance_id text NOT NULL REFERENCES flow_instances(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        node_name text,
        type text NOT NULL,
        assignee_id text NOT NULL,
        status text NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        actor_id text,
        comment text
      )`);
    await q.query(`CREATE INDEX flow_tasks_inbox ON flow_tasks (tenant_id, assignee_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX flow_tasks_instance ON flow_tasks (instance_id)`);
    await q.query(`
      CREATE TABLE flow_timers (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('instance', 'date', 'cron')),
        fire_at timestamptz NOT NULL,
        instance_id text REFERENCES flow_instances(id) ON DELETE CASCADE,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key)
      )`);
    await q.query(`CREATE INDEX flow_timers_due ON flow_timers (fire_at)`);
    await q.query(`CREATE INDEX flow_timers_instance ON flow_timers (instance_id) WHERE instance_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE flow_assignment_cursors (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key text NOT NULL,
        last_user_id text,
        PRIMARY KEY (tenant_id, key)
      )`);
    await q.query(`
      CREATE TABLE flow_settings (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        http_allow_private boolean NOT NULL DEFAULT false,
        http_allowed_hosts text[] NOT NULL DEFAULT '{}',
        max_steps int,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text,
        instance_id text,
        task_id text,
        dedupe_key text,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (tenant_id, user_id) WHERE read_at IS NULL`);
    await enableTenantIsolation(q, [
      'flows',
      'flow_versions',
      'flow_instances',
      'flow_tasks',
      'flow_timers',
      'flow_assignment_cursors',
      'flow_settings',
      'notifications',
    ]);

    // Cross-tenant workers only learn WHICH tenant has work; they then open a tenant transaction (RLS applies).
    await q.query(`
      CREATE FUNCTION flow_pending_outbox(p_limit int) RETURNS TABLE (tenant_id uuid, id bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT o.tenant_id, o.id FROM outbox o
         WHERE o.processed_at IS NULL AND o.topic LIKE 'record.%'
         ORDER BY o.id LIMIT p_limit
      $$`);
    await q.query(`
      CREATE FUNCTION flow_due_timers(p_now timestamptz, p_limit int) RETURNS TABLE (tenant_id uuid, key text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.tenant_id, t.key FROM flow_timers t WHERE t.fire_at <= p_now ORDER BY t.fire_at LIMIT p_limit
      $$`);
    // An incoming webhook names a flow and a token before any tenant is known.
    await q.query(`
      CREATE FUNCTION flow_webhook_target(p_token_hash text) RETURNS TABLE (tenant_id uuid, flow_key text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT f.tenant_id, f.key FROM flows f
         WHERE f.webhook_token_hash = p_token_hash AND f.published_version IS NOT NULL
      $$`);
    // graphile-worker's tables have RLS without policies (only their owner may use them): the app role enqueues
    // and removes flow jobs through these definer functions, inside its own transaction, so a job commits or rolls
    // back with the state that caused it. plpgsql resolves graphile_worker at call time (its schema is migrated
    // by graphile-worker at boot, after these migrations).
    await q.query(`
      CREATE FUNCTION flow_add_job(p_task text, p_payload json, p_run_at timestamptz, p_job_key text, p_max_attempts int)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF p_task NOT LIKE 'flow\\_%' THEN RAISE EXCEPTION 'only flow jobs may be added'; END IF;
        PERFORM graphile_worker.add_job(p_task, p_payload, run_at => p_run_at, job_key => p_job_key,
                                        max_attempts => p_max_attempts, job_key_mode => 'replace');
      END $$`);
    await q.query(`
      CREATE FUNCTION flow_remove_job(p_job_key text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF p_job_key NOT LIKE 'flow:%' THEN RAISE EXCEPTION 'only flow jobs may be removed'; END IF;
        PERFORM graphile_worker.remove_job(p_job_key);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of [
      'flow_remove_job(text)',
      'flow_add_job(text, json, timestamptz, text, int)',
      'flow_webhook_target(text)',
      'flow_due_timers(timestamptz, int)',
      'flow_pending_outbox(int)',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
    for (const table of [
      'notifications',
      'flow_settings',
      'flow_assignment_cursors',
      'flow_timers',
      'flow_tasks',
      'flow_instances',
      'flow_versions',
      'flows',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
