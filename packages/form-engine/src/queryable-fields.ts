import type { FieldDefinition, QueryableField } from '@tessera/schema';
import { moduleOf } from './field-type-registry';
import { SYSTEM_FIELD_COLUMN, SYSTEM_QUERYABLE_FIELDS } from './system-columns';

/**
 * What the query layer may filter and sort on: the system columns plus every field stored in a column of the
 * table. Sub-tables, link tables (multi relations) and read-time lookups/rollups are not columns here.
 */
export function queryableFieldsOf(fields: readonly FieldDefinition[], withSystem = true): QueryableField[] {
  const out: QueryableField[] = withSystem ? [...SYSTEM_QUERYABLE_FIELDS] : [];
  for (const field of fields) {
    const module = moduleOf(field);
    const kind = module.valueKind(field);
    const storage = module.storage(field);
    if (!kind) continue;
    if (storage === 'column') out.push({ key: field.key, kind });
    else if (storage === 'system') {
      const column = SYSTEM_FIELD_COLUMN[field.type];
      if (column && column !== field.key) out.push({ key: field.key, kind, column });
    }
  }
  return out;
}
