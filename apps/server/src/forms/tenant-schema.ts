import { assertIdentifier } from '@tessera/query';

/** Every tenant's records live in their own PostgreSQL schema: `t_` + the tenant id without dashes. */
export function tenantSchemaName(tenantId: string): string {
  return assertIdentifier(`t_${tenantId.replace(/-/g, '').toLowerCase()}`);
}
