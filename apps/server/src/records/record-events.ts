import { SqlParams } from '@tessera/query';
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
 * consume them), and to the audit log with before/after: the CTEs of one statement, for many records at once,
 * so they can also ride along with the INSERT that caused them.
 */
export function recordEventsCtes(params: SqlParams, tenantId: string, events: RecordEvent[]): string {
  const tenant = params.add(tenantId, 'uuid');
  const rows = params.add(JSON.stringify(events), 'jsonb');
  return `record_events AS (
       SELECT * FROM jsonb_to_recordset(${rows})
         AS e(kind text, form text, "formVersion" int, "recordId" text, "actorId" uuid, before jsonb, after jsonb, changed jsonb)
     ), record_audit AS (
       INSERT INTO audit_log (tenant_id, actor_id, action, entity_type, entity_id, before, after)
       SELECT ${tenant}, e."actorId", 'record.' || e.kind, 'record:' || e.form, e."recordId", e.before, e.after FROM record_events e
     ), record_outbox AS (
       INSERT INTO outbox (tenant_id, topic, aggregate_id, payload)
       SELECT ${tenant}, 'record.' || e.kind, e."recordId",
              jsonb_build_object('form', e.form, 'formVersion', e."formVersion", 'recordId', e."recordId", 'actorId', e."actorId",
                                 'before', e.before, 'after', e.after, 'changed', e.changed)
         FROM record_events e
     )`;
}

export async function writeRecordEvents(em: EntityManager, tenantId: string, events: RecordEvent[]): Promise<void> {
  if (!events.length) return;
  const params = new SqlParams();
  await em.query(`WITH ${recordEventsCtes(params, tenantId, events)} SELECT 1`, params.values);
}
