import type { ConditionContext } from '@tessera/query';
import type { EntityManager } from 'typeorm';
import type { AuthPrincipal } from '../auth/auth-principal';

/**
 * The condition-language context of a request (inside its tenant transaction): now, the tenant's time zone, the
 * user and their departments — what `me`, `my_department`, `today` and relative periods resolve against.
 */
export async function conditionContextFor(
  em: EntityManager,
  principal: Pick<AuthPrincipal, 'userId'> | null,
  now = new Date(),
): Promise<ConditionContext> {
  const rows: { time_zone: string; department_ids: string[] | null }[] = await em.query(
    `SELECT t.time_zone,
            (SELECT array_agg(ud.department_id) FROM user_departments ud WHERE ud.user_id = $1) AS department_ids
       FROM tenants t`,
    [principal?.userId ?? null],
  );
  return {
    now,
    timeZone: rows[0]?.time_zone ?? 'Asia/Shanghai',
    ...(principal ? { userId: principal.userId, departmentIds: rows[0]?.department_ids ?? [] } : {}),
  };
}
