import { moduleOf } from '@tessera/form-engine';
import type { FieldDefinition, FormDefinition } from '@tessera/schema';

type Values = Record<string, unknown>;

/** Fields a client may write: not computed, not layout, not system, not read-time (the server's rule). */
export function isWritable(field: FieldDefinition): boolean {
  const module = moduleOf(field);
  const storage = module.storage(field);
  return !module.computed && storage !== 'none' && storage !== 'system' && storage !== 'computed-at-read';
}

function rowsWithoutComputed(field: FieldDefinition, value: unknown): unknown {
  if (field.type !== 'sub_table' || !Array.isArray(value)) return value;
  const writable = new Set(field.fields.filter(isWritable).map((f) => f.key));
  return value.map((row) =>
    typeof row === 'object' && row !== null && !Array.isArray(row)
      ? Object.fromEntries(Object.entries(row).filter(([k]) => k === 'id' || writable.has(k)))
      : row,
  );
}

/** The values the server accepts: writable fields only (sub-table rows without their computed cells). */
export function writableValues(definition: FormDefinition, values: Values): Values {
  const out: Values = {};
  for (const field of definition.fields) {
    if (!isWritable(field) || values[field.key] === undefined) continue;
    out[field.key] = rowsWithoutComputed(field, values[field.key]);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The writable values that differ from the record as read (what an update sends). */
export function changedValues(definition: FormDefinition, values: Values, initial: Values): Values {
  const all = writableValues(definition, values);
  const base = writableValues(definition, initial);
  return Object.fromEntries(Object.entries(all).filter(([k, v]) => !same(v, base[k])));
}
