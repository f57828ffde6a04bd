import type { FieldDefinition } from '@tessera/schema';

/** The field a JSON pointer into a record points at: '/items/3/qty' → the qty column of the items sub-table. */
export function fieldAtPath(fields: readonly FieldDefinition[], pointer: string): FieldDefinition | undefined {
  const segments = pointer.split('/').slice(1).map(unescapePointer);
  let list: readonly FieldDefinition[] = fields;
  let found: FieldDefinition | undefined;
  for (let i = 0; i < segments.length; i++) {
    const field = list.find((f) => f.key === segments[i]);
    if (!field) return found;
    found = field;
    // a sub-table's rows: skip the row index, continue in the row's fields
    if (field.type === 'sub_table' && /^\d+$/.test(segments[i + 1] ?? '')) {
      list = field.fields;
      i++;
    } else return found;
  }
  return found;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
