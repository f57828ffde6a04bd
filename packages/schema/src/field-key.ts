/**
 * The ONE definition of what a field (and form) key may look like. Keys become PostgreSQL column and table
 * names, so the pattern is the same as the identifier rule of `@tessera/query` (copied, not imported: the
 * schema package must not depend on the query package).
 */
export const FIELD_KEY_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** Columns every record table owns; a field may not take their names. */
export const RESERVED_FIELD_KEYS = [
  'id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'owner_id',
  'version',
  'deleted_at',
  'tenant_id',
  'parent_id',
  'sort_index',
] as const;
export type ReservedFieldKey = (typeof RESERVED_FIELD_KEYS)[number];

const RESERVED = new Set<string>(RESERVED_FIELD_KEYS);

export function isValidFieldKey(key: unknown): key is string {
  return typeof key === 'string' && FIELD_KEY_PATTERN.test(key);
}

export function isReservedFieldKey(key: string): boolean {
  return RESERVED.has(key);
}
