import type { EntityManager } from 'typeorm';

export type RecordEventKind = 'created' | 'updated' | 'deleted' | 'restored';

export interface RecordEvent {
  kind: RecordEventKind;
  form: string;
  formVersion: number;
  recordId: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Field keys whose value changed (all written keys on create). */
  changed: string[];
}

/**
 * Record events go to the outbox in the same transaction as the change (flows, webhooks and report caches
 * consume them), and to the audit log with before/after — one statement for both, for many records at once.
 */
export async function writeRecordEvents(em: EntityManager, tenantId: string, events: RecordEvent[]): Promise<void> {
  if (!events.length) return;
  await em.query(
    `WITH e AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb)
         AS e(kind text, form text, "formVersion" int, "recordId" text, "actorId" uuid, before jsonb, after jsonb, changed jsonb)
     ), audit AS (
       INSERT INTO audit_log (tenant_id, actor_id, action, entity_type, entity_id, before, after)
       SELECT $1, e."actorId", 'record.' || e.kind, 'record:' || e.form, e."recordId", e.before, e.after FROM e
     )
     INSERT INTO outbox (tenant_id, topic, aggregate_id, payload)
     SELECT $1, 'record.' || e.kind, e."recordId",
            jsonb_build_object('form', e.form, 'formVersion', e."formVersion", 'recordId', e."recordId", 'actorId', e."actorId",
                               'before', e.before, 'after', e.after, 'changed', e.changed)
       FROM e`,
    [tenantId, JSON.stringify(events)],
  );
}
