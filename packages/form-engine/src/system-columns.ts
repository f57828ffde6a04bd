import type { FieldType, QueryableField, ValueKind } from '@tessera/schema';

/** A column of a record table. `default` is SQL text written by this package only, never user input. */
export interface ColumnSpec {
  name: string;
  type: string;
  notNull?: boolean;
  default?: string;
  primaryKey?: boolean;
}

/** Columns every record table has, whatever the form (DESIGN.md "Storage"). */
export const SYSTEM_COLUMNS: readonly (ColumnSpec & { kind: ValueKind })[] = [
  { name: 'id', type: 'uuid', primaryKey: true, notNull: true, default: 'gen_random_uuid()', kind: 'uuid' },
  { name: 'created_at', type: 'timestamptz', notNull: true, default: 'now()', kind: 'datetime' },
  { name: 'created_by', type: 'uuid', kind: 'uuid' },
  { name: 'updated_at', type: 'timestamptz', notNull: true, default: 'now()', kind: 'datetime' },
  { name: 'updated_by', type: 'uuid', kind: 'uuid' },
  { name: 'owner_id', type: 'uuid', kind: 'uuid' },
  { name: 'version', type: 'integer', notNull: true, default: '1', kind: 'number' },
  { name: 'deleted_at', type: 'timestamptz', kind: 'datetime' },
];

/** The system column a system field type displays. */
export const SYSTEM_FIELD_COLUMN: Partial<Record<FieldType, string>> = {
  created_by: 'created_by',
  created_at: 'created_at',
  updated_by: 'updated_by',
  updated_at: 'updated_at',
  owner: 'owner_id',
};

/** System columns as the query layer sees them (deleted_at is the soft-delete filter, not a user filter). */
export const SYSTEM_QUERYABLE_FIELDS: readonly QueryableField[] = SYSTEM_COLUMNS.filter(
  (c) => c.name !== 'deleted_at',
).map((c) => ({ key: c.name, kind: c.kind }));
