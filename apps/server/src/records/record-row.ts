import type { FormDefinition } from '@tessera/schema';
import { recordFieldPlan } from './record-field-plan';

/** A record as the API returns it: system properties, field values, and display names. */
export interface RecordView {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  ownerId: string | null;
  deletedAt: string | null;
  values: Record<string, unknown>;
  display: Record<string, unknown>;
}

export type RecordRow = Record<string, unknown>;

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A row read with recordSelectList → the API shape. Only keys of the definition (or the projection) appear. */
export function toRecordView(
  form: FormDefinition,
  row: RecordRow,
  readable: ReadonlySet<string> | null,
  projection?: ReadonlySet<string>,
): RecordView {
  const plan = recordFieldPlan(form);
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (readable && !readable.has(field.key)) continue;
    if (projection && !projection.has(field.key)) continue;
    const system = plan.system.find((s) => s.field.key === field.key);
    const column = system ? system.column : field.key;
    if (!(column in row)) continue;
    const value = row[column];
    values[field.key] = value instanceof Date ? value.toISOString() : value;
  }
  const rawDisplay = (row['tessera$display'] ?? {}) as Record<string, unknown>;
  const display: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawDisplay)) {
    if (value !== null && (!readable || readable.has(key) || key === 'owner_id' || key === 'created_by'))
      display[key] = value;
  }
  return {
    id: String(row.id),
    version: Number(row.version),
    createdAt: iso(row.created_at) ?? '',
    createdBy: (row.created_by as string | null) ?? null,
    updatedAt: iso(row.updated_at) ?? '',
    updatedBy: (row.updated_by as string | null) ?? null,
    ownerId: (row.owner_id as string | null) ?? null,
    deletedAt: iso(row.deleted_at),
    values,
    display,
  };
}
