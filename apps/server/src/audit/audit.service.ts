import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes audit_log rows inside the caller's transaction, so a change and its audit entry commit together. */
@Injectable()
export class AuditService {
  async record(
    em: EntityManager,
    principal: Pick<AuthPrincipal, 'tenantId' | 'userId'> | { tenantId: string; userId: null },
    entry: AuditEntry,
  ): Promise<void> {
    await em.query(
      `INSERT INTO audit_log (tenant_id, actor_id, action, entity_type, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        principal.tenantId,
        principal.userId,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  /** Many rows in one statement (bulk record writes). */
  async recordMany(
    em: EntityManager,
    principal: { tenantId: string; userId: string | null },
    entries: AuditEntry[],
  ): Promise<void> {
    if (!entries.length) return;
    await em.query(
      `INSERT INTO audit_log (tenant_id, actor_id, action, entity_type, entity_id, before, after)
       SELECT $1, $2, e.action, e.entity_type, e.entity_id, e.before, e.after
         FROM jsonb_to_recordset($3::jsonb) AS e(action text, entity_type text, entity_id text, before jsonb, after jsonb)`,
      [
        principal.tenantId,
        principal.userId,
        JSON.stringify(
          entries.map((e) => ({
            action: e.action,
            entity_type: e.entityType,
            entity_id: e.entityId,
            before: e.before ?? null,
            after: e.after ?? null,
          })),
        ),
      ],
    );
  }
}
