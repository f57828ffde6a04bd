import { Injectable } from '@nestjs/common';
import type { Static } from '@sinclair/typebox';
import type { EntityManager } from 'typeorm';
import { badRequest, conflict, forbidden } from '../common/problem/problem.exception';
import { TenantDatabase } from '../db/tenant-database.service';
import { hashPassword } from '../auth/password-hasher';
import type { AuthPrincipal } from '../auth/auth-principal';
import type {
  CreateDepartmentRequest,
  CreateUserRequest,
  DepartmentResponse,
  MeResponse,
  UpdateMeRequest,
  UserResponse,
} from './tenancy.dto';

type Me = Static<typeof MeResponse>;
type User = Static<typeof UserResponse>;
type Department = Static<typeof DepartmentResponse>;

interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: 'zh-CN' | 'en-US';
  is_admin: boolean;
  is_active: boolean;
  manager_id: string | null;
  department_ids: string[];
}

const USER_COLUMNS = `u.id, u.email, u.name, u.locale, u.is_admin, u.is_active, u.manager_id,
  coalesce((SELECT array_agg(ud.department_id ORDER BY ud.department_id) FROM user_departments ud WHERE ud.user_id = u.id), '{}') AS department_ids`;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isAdmin: row.is_admin,
    isActive: row.is_active,
    managerId: row.manager_id,
    departmentIds: row.department_ids,
  };
}

function assertAdmin(principal: AuthPrincipal): void {
  if (!principal.isAdmin) throw forbidden('Only administrators may do this');
}

@Injectable()
export class TenancyService {
  constructor(private readonly db: TenantDatabase) {}

  async me(tenantId: string, userId: string): Promise<Me | null> {
    return this.db.run(tenantId, async (em) => {
      const rows: (UserRow & { tenant_slug: string; tenant_name: string })[] = await em.query(
        `SELECT ${USER_COLUMNS}, t.slug AS tenant_slug, t.name AS tenant_name
           FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1 AND u.is_active`,
        [userId],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        id: row.id,
        email: row.email,
        name: row.name,
        locale: row.locale,
        isAdmin: row.is_admin,
        tenant: { id: tenantId, slug: row.tenant_slug, name: row.tenant_name },
        departmentIds: row.department_ids,
      };
    });
  }

  async updateMe(principal: AuthPrincipal, input: Static<typeof UpdateMeRequest>): Promise<Me | null> {
    await this.db.run(principal.tenantId, (em) =>
      em.query(
        `UPDATE users SET locale = coalesce($2, locale), name = coalesce($3, name), updated_at = now() WHERE id = $1`,
        [principal.userId, input.locale ?? null, input.name ?? null],
      ),
    );
    return this.me(principal.tenantId, principal.userId);
  }

  listUsers(principal: AuthPrincipal): Promise<User[]> {
    return this.db.run(principal.tenantId, async (em) => {
      const rows: UserRow[] = await em.query(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.name, u.email`);
      return rows.map(toUser);
    });
  }

  async createUser(principal: AuthPrincipal, input: Static<typeof CreateUserRequest>): Promise<User> {
    assertAdmin(principal);
    const passwordHash = await hashPassword(input.password);
    return this.db.run(principal.tenantId, async (em) => {
      await this.assertDepartmentsExist(em, input.departmentIds ?? [], '/body/departmentIds');
      if (input.managerId) {
        const found = await em.query(`SELECT 1 FROM users WHERE id = $1`, [input.managerId]);
        if (!found.length)
          throw badRequest('The manager does not exist', [
            { path: '/body/managerId', code: 'not_found', message: 'No such user' },
          ]);
      }
      const existing = await em.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [input.email]);
      if (existing.length)
        throw conflict('A user with this e-mail exists', [
          { path: '/body/email', code: 'unique', message: 'E-mail already used' },
        ]);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO users (tenant_id, email, name, password_hash, locale, is_admin, manager_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          principal.tenantId,
          input.email,
          input.name,
          passwordHash,
          input.locale ?? 'zh-CN',
          input.isAdmin ?? false,
          input.managerId ?? null,
        ],
      );
      for (const departmentId of input.departmentIds ?? []) {
        await em.query(`INSERT INTO user_departments (tenant_id, user_id, department_id) VALUES ($1, $2, $3)`, [
          principal.tenantId,
          id,
          departmentId,
        ]);
      }
      await this.audit(em, principal, 'user.create', 'user', id, {
        email: input.email,
        name: input.name,
        isAdmin: input.isAdmin ?? false,
      });
      const rows: UserRow[] = await em.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
      return toUser(rows[0]);
    });
  }

  /** The whole tree, in depth-first order, with the depth of each node. */
  listDepartments(principal: AuthPrincipal): Promise<Department[]> {
    return this.db.run(principal.tenantId, async (em) => {
      const rows: { id: string; name: string; parent_id: string | null; depth: number; member_count: string }[] =
        await em.query(`
        WITH RECURSIVE tree AS (
          SELECT id, name, parent_id, 0 AS depth, ARRAY[sort_index::text || ':' || name || ':' || id::text] AS sort_path
            FROM departments WHERE parent_id IS NULL
          UNION ALL
          SELECT d.id, d.name, d.parent_id, t.depth + 1, t.sort_path || (d.sort_index::text || ':' || d.name || ':' || d.id::text)
            FROM departments d JOIN tree t ON d.parent_id = t.id
        )
        SELECT tree.id, tree.name, tree.parent_id, tree.depth,
               (SELECT count(*) FROM user_departments ud WHERE ud.department_id = tree.id) AS member_count
          FROM tree ORDER BY sort_path`);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        parentId: r.parent_id,
        depth: r.depth,
        memberCount: Number(r.member_count),
      }));
    });
  }

  async createDepartment(principal: AuthPrincipal, input: Static<typeof CreateDepartmentRequest>): Promise<Department> {
    assertAdmin(principal);
    const id = await this.db.run(principal.tenantId, async (em) => {
      if (input.parentId) await this.assertDepartmentsExist(em, [input.parentId], '/body/parentId');
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO departments (tenant_id, parent_id, name, sort_index)
         VALUES ($1, $2, $3, (SELECT coalesce(max(sort_index) + 1, 0) FROM departments WHERE parent_id IS NOT DISTINCT FROM $2))
         RETURNING id`,
        [principal.tenantId, input.parentId ?? null, input.name],
      );
      await this.audit(em, principal, 'department.create', 'department', id, input);
      return id;
    });
    const created = (await this.listDepartments(principal)).find((d) => d.id === id);
    if (!created) throw new Error(`Department ${id} vanished after creation`);
    return created;
  }

  private async assertDepartmentsExist(em: EntityManager, ids: string[], path: string): Promise<void> {
    if (!ids.length) return;
    const rows: { id: string }[] = await em.query(`SELECT id FROM departments WHERE id = ANY($1::uuid[])`, [ids]);
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length)
      throw badRequest(
        'Unknown department',
        missing.map((id) => ({ path, code: 'not_found', message: `No department ${id}` })),
      );
  }

  private async audit(
    em: EntityManager,
    principal: AuthPrincipal,
    action: string,
    entityType: string,
    entityId: string,
    after: unknown,
  ): Promise<void> {
    await em.query(
      `INSERT INTO audit_log (tenant_id, actor_id, action, entity_type, entity_id, after) VALUES ($1, $2, $3, $4, $5, $6)`,
      [principal.tenantId, principal.userId, action, entityType, entityId, JSON.stringify(after)],
    );
  }
}
