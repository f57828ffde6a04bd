import type { QueryableField } from '@tessera/schema';

/** The system columns every record table has (deleted_at is never exposed: it is filtered, not queried). */
export const SYSTEM_FIELDS: readonly QueryableField[] = [
  { key: 'id', kind: 'uuid' },
  { key: 'created_at', kind: 'datetime' },
  { key: 'created_by', kind: 'uuid' },
  { key: 'updated_at', kind: 'datetime' },
  { key: 'updated_by', kind: 'uuid' },
  { key: 'owner_id', kind: 'uuid' },
  { key: 'version', kind: 'number' },
];

/** The form's fields plus any system column it does not declare itself. */
export function withSystemFields(fields: readonly QueryableField[]): QueryableField[] {
  const keys = new Set(fields.map((f) => f.key));
  return [...fields, ...SYSTEM_FIELDS.filter((f) => !keys.has(f.key))];
}
