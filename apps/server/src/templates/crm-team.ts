import { randomBytes } from 'node:crypto';
import { CRM_DEPARTMENTS, type CrmDepartmentKey, type SampleUser } from '@tessera/templates';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hasher';

/**
 * The sales organisation the CRM needs: the sales departments (found by name — the demo tenant seeds them — or
 * created) and, with sample data, the demo sales team. Demo people get a random password nobody knows: they
 * own records and receive tasks, they are not meant to sign in (an administrator may reset one to try it).
 */
export async function ensureSalesDepartments(
  em: EntityManager,
  tenantId: string,
): Promise<Record<CrmDepartmentKey, string>> {
  const ids = {} as Record<CrmDepartmentKey, string>;
  const roots: { id: string }[] = await em.query(
    `SELECT id FROM departments WHERE parent_id IS NULL ORDER BY sort_index, created_at LIMIT 1`,
  );
  for (const [key, department] of Object.entries(CRM_DEPARTMENTS) as [
    CrmDepartmentKey,
    (typeof CRM_DEPARTMENTS)[CrmDepartmentKey],
  ][]) {
    const found: { id: string }[] = await em.query(`SELECT id FROM departments WHERE name = $1 LIMIT 1`, [
      department.name,
    ]);
    if (found[0]) {
      ids[key] = found[0].id;
      continue;
    }
    const parentId = department.parent ? ids[department.parent] : (roots[0]?.id ?? null);
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO departments (tenant_id, parent_id, name, sort_index)
       VALUES ($1, $2, $3, (SELECT coalesce(max(sort_index) + 1, 0) FROM departments)) RETURNING id`,
      [tenantId, parentId, department.name],
    );
    ids[key] = id;
  }
  return ids;
}

/** The sample users (existing e-mails are reused, so a re-install after removing the app keeps its people). */
export async function ensureSampleUsers(
  em: EntityManager,
  tenantId: string,
  users: readonly SampleUser[],
  departments: Record<CrmDepartmentKey, string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const hashes = await Promise.all(users.map(() => hashPassword(randomBytes(24).toString('base64url'))));
  for (const [i, user] of users.entries()) {
    const existing: { id: string }[] = await em.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [
      user.email,
    ]);
    if (existing[0]) {
      ids.set(user.ref, existing[0].id);
      continue;
    }
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO users (tenant_id, email, name, password_hash, locale, is_admin, manager_id)
       VALUES ($1, $2, $3, $4, 'zh-CN', false, $5) RETURNING id`,
      [tenantId, user.email, user.name, hashes[i], user.managerRef ? (ids.get(user.managerRef) ?? null) : null],
    );
    await em.query(`INSERT INTO user_departments (tenant_id, user_id, department_id) VALUES ($1, $2, $3)`, [
      tenantId,
      id,
      departments[user.department],
    ]);
    ids.set(user.ref, id);
  }
  return ids;
}
