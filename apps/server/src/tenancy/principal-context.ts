import type { ConditionContext } from '@tessera/query';
import type { EntityManager } from 'typeorm';

/** Time zone and departments change rarely; a few seconds of reuse saves a round trip on every request. */
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; timeZone: string; departmentIds: string[] }>();

/**
 * The condition-language context of a request (inside its tenant transaction): now, the tenant's time zone, the
 * user and their departments — what `me`, `my_department`, `today` and relative periods resolve against.
 */
export async function conditionContextFor(
  em: EntityManager,
  principal: { userId: string | null; tenantId?: string } | null,
  now = new Date(),
): Promise<ConditionContext> {
  const key = principal?.tenantId ? `${principal.tenantId}:${principal.userId ?? ''}` : undefined;
  let entry = key ? cache.get(key) : undefined;
  if (!entry || now.getTime() - entry.at > CACHE_MS || now.getTime() < entry.at) {
    const rows: { time_zone: string; department_ids: string[] | null }[] = await em.query(
      `SELECT t.time_zone,
              (SELECT array_agg(ud.department_id) FROM user_departments ud WHERE ud.user_id = $1) AS department_ids
         FROM tenants t`,
      [principal?.userId ?? null],
    );
    entry = {
      at: now.getTime(),
      timeZone: rows[0]?.time_zone ?? 'Asia/Shanghai',
      departmentIds: rows[0]?.department_ids ?? [],
    };
    if (key) {
      if (cache.size > 10_000) cache.clear();
      cache.set(key, entry);
    }
  }
  return {
    now,
    timeZone: entry.timeZone,
    ...(principal?.userId ? { userId: principal.userId, departmentIds: entry.departmentIds } : {}),
  };
}
