import type { QueryRunner } from 'typeorm';

/**
 * Row-level security on tenant-owned tables: a row is visible and writable only when its tenant_id is the
 * transaction's `app.tenant_id` (see current_tenant_id()). Every migration that adds such a table calls this.
 */
export async function enableTenantIsolation(q: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())`,
    );
  }
}
