import { Injectable } from '@nestjs/common';
import type { JsonRecord } from '@tessera/flow-engine';
import type { AssigneeSpec } from '@tessera/schema';
import type { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an assignee spec is resolved against: the instance's submitter, record snapshot and variables. */
export interface AssigneeContext {
  submitterId: string;
  record: JsonRecord;
  vars: JsonRecord;
}

function uuidsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && UUID.test(v));
}

function pathValue(data: unknown, path: string): unknown {
  let cur = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * Turns assignee specs into active user ids of the tenant (inside the caller's tenant transaction, so RLS keeps it
 * to the tenant). Unknown or inactive users are dropped: the engine's `whenNoAssignee` decides what an empty list
 * means. Roles have no table yet, so a roles spec resolves to nobody.
 */
@Injectable()
export class FlowAssigneesResolver {
  async resolve(em: EntityManager, specs: AssigneeSpec[], ctx: AssigneeContext): Promise<string[]> {
    const candidates: string[] = [];
    for (const spec of specs) candidates.push(...(await this.candidates(em, spec, ctx)));
    const unique = [...new Set(candidates.map((id) => id.toLowerCase()))];
    if (!unique.length) return [];
    const rows: { id: string }[] = await em.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND is_active`, [
      unique,
    ]);
    const active = new Set(rows.map((r) => r.id));
    return unique.filter((id) => active.has(id));
  }

  private async candidates(em: EntityManager, spec: AssigneeSpec, ctx: AssigneeContext): Promise<string[]> {
    switch (spec.type) {
      case 'users':
        return uuidsOf(spec.userIds);
      case 'submitter':
        return uuidsOf(ctx.submitterId);
      case 'record_owner':
        return uuidsOf(ctx.record.owner_id);
      case 'member_field':
        return uuidsOf(ctx.record[spec.field]);
      case 'variable':
        return uuidsOf(pathValue({ ...ctx.record, vars: ctx.vars }, spec.path));
      case 'roles':
        return [];
      case 'departments': {
        const ids = uuidsOf(spec.departmentIds);
        if (!ids.length) return [];
        const rows: { user_id: string }[] = await em.query(
          spec.includeChildren
            ? `WITH RECURSIVE tree AS (
                 SELECT id FROM departments WHERE id = ANY($1::uuid[])
                 UNION SELECT d.id FROM departments d JOIN tree ON d.parent_id = tree.id)
               SELECT DISTINCT ud.user_id FROM user_departments ud JOIN tree ON tree.id = ud.department_id`
            : `SELECT DISTINCT user_id FROM user_departments WHERE department_id = ANY($1::uuid[])`,
          [ids],
        );
        return rows.map((r) => r.user_id);
      }
      case 'manager': {
        if (!UUID.test(ctx.submitterId)) return [];
        const rows: { manager_id: string | null }[] = await em.query(
          `WITH RECURSIVE chain AS (
             SELECT manager_id, 1 AS level FROM users WHERE id = $1
             UNION ALL
             SELECT u.manager_id, chain.level + 1 FROM users u JOIN chain ON u.id = chain.manager_id
              WHERE chain.level < $2)
           SELECT manager_id FROM chain WHERE level = $2`,
          [ctx.submitterId, spec.levels],
        );
        return uuidsOf(rows[0]?.manager_id);
      }
    }
  }
}
