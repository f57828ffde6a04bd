import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../auth/password-hasher';

export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@tessera.local';

export interface DemoSeedResult {
  created: boolean;
  adminEmail: string;
  /** Only when the tenant was created in this run. */
  adminPassword?: string;
  /** Only when the tenant was created in this run (the demo CRM is installed into it). */
  tenantId?: string;
  adminUserId?: string;
}

const DEPARTMENTS: { key: string; name: string; parent?: string }[] = [
  { key: 'hq', name: '总部 Headquarters' },
  { key: 'sales', name: '销售部 Sales', parent: 'hq' },
  { key: 'sales_east', name: '华东销售组 Sales East', parent: 'sales' },
  { key: 'sales_south', name: '华南销售组 Sales South', parent: 'sales' },
  { key: 'marketing', name: '市场部 Marketing', parent: 'hq' },
  { key: 'service', name: '客服部 Customer Service', parent: 'hq' },
];

/**
 * On an empty database: the demo tenant, its department tree and an administrator. Runs on the owner
 * connection (creating a tenant is a platform operation, above row-level security), in one transaction.
 */
export async function seedDemoTenant(ownerUrl: string, adminPassword?: string): Promise<DemoSeedResult> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE tenants IN EXCLUSIVE MODE');
    const { rowCount } = await client.query('SELECT 1 FROM tenants LIMIT 1');
    if (rowCount) {
      await client.query('ROLLBACK');
      return { created: false, adminEmail: DEMO_ADMIN_EMAIL };
    }
    const password = adminPassword ?? randomBytes(9).toString('base64url');
    const [{ id: tenantId }] = (
      await client.query<{ id: string }>(
        `INSERT INTO tenants (slug, name, locale, time_zone) VALUES ($1, $2, 'zh-CN', 'Asia/Shanghai') RETURNING id`,
        [DEMO_TENANT_SLUG, '演示公司 Demo Co.'],
      )
    ).rows;
    const departmentIds = new Map<string, string>();
    for (const [index, department] of DEPARTMENTS.entries()) {
      const parentId = department.parent ? departmentIds.get(department.parent) : null;
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO departments (tenant_id, parent_id, name, sort_index) VALUES ($1, $2, $3, $4) RETURNING id`,
        [tenantId, parentId ?? null, department.name, index],
      );
      departmentIds.set(department.key, rows[0].id);
    }
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO users (tenant_id, email, name, password_hash, locale, is_admin) VALUES ($1, $2, $3, $4, 'zh-CN', true) RETURNING id`,
      [tenantId, DEMO_ADMIN_EMAIL, '管理员 Admin', await hashPassword(password)],
    );
    await client.query(`INSERT INTO user_departments (tenant_id, user_id, department_id) VALUES ($1, $2, $3)`, [
      tenantId,
      rows[0].id,
      departmentIds.get('hq'),
    ]);
    await client.query('COMMIT');
    return { created: true, adminEmail: DEMO_ADMIN_EMAIL, adminPassword: password, tenantId, adminUserId: rows[0].id };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
