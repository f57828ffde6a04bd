import type { FieldTypeModule } from '../field-type-module';
import { operatorsForKind } from '../value-kind-operators';
import { plainText, uuidSchema } from './module-helpers';
import { idListSchema, parseIds } from './people';

/**
 * A link to records of another form. Single: a uuid column with a foreign key. Multiple: a link table
 * `<table>__<field>`, so that the related side can be queried and counted by the database (rollups).
 */
export const relationField: FieldTypeModule<'relation'> = {
  type: 'relation',
  group: 'relation',
  widget: 'record-picker',
  valueKind: (field) => (field.relation.multiple ? 'uuid_array' : 'uuid'),
  storage: (field) => (field.relation.multiple ? 'link-table' : 'column'),
  columnType: () => 'uuid',
  valueSchema: (field) => (field.relation.multiple ? idListSchema : uuidSchema),
  parse: (input, field) => parseIds(input, field.relation.multiple === true),
  format: (value) => (Array.isArray(value) ? value.join(', ') : plainText(value)),
  operators: (field) => operatorsForKind(field.relation.multiple ? 'uuid_array' : 'uuid'),
  messages: {},
};

const readOnly = { ok: false, code: 'invalid_value' } as const;

/** A field of the related record, joined in SQL when read: never stored, never typed in. */
export const lookupField: FieldTypeModule<'lookup'> = {
  type: 'lookup',
  group: 'relation',
  widget: 'lookup-display',
  valueKind: () => 'json',
  storage: () => 'computed-at-read',
  columnType: () => null,
  valueSchema: () => null,
  parse: () => readOnly,
  format: (value) => (Array.isArray(value) ? value.map(plainText).join(', ') : plainText(value)),
  operators: () => [],
  messages: {},
  computed: true,
};

/** An aggregate over related records, computed in SQL when read. */
export const rollupField: FieldTypeModule<'rollup'> = {
  type: 'rollup',
  group: 'relation',
  widget: 'rollup-display',
  valueKind: () => 'number',
  storage: () => 'computed-at-read',
  columnType: () => null,
  valueSchema: () => null,
  parse: () => readOnly,
  format: (value) => plainText(value),
  operators: () => [],
  messages: {},
  computed: true,
};

/** Rows of a repeating group: a child table. The compiler builds the row schema from the column fields. */
export const subTableField: FieldTypeModule<'sub_table'> = {
  type: 'sub_table',
  group: 'relation',
  widget: 'sub-table',
  valueKind: () => null,
  storage: () => 'child-table',
  columnType: () => null,
  valueSchema(field) {
    const schema: { [k: string]: unknown } = { type: 'array', items: { type: 'object' } };
    if (field.minRows !== undefined) schema.minItems = field.minRows;
    if (field.maxRows !== undefined) schema.maxItems = field.maxRows;
    return schema;
  },
  parse: (input) => (Array.isArray(input) ? { ok: true, value: input } : { ok: false, code: 'invalid_type' }),
  format: (value) => (Array.isArray(value) ? String(value.length) : ''),
  operators: () => [],
  messages: {
    too_few: { 'zh-CN': '{label}至少需要{limit}行', 'en-US': '{label} needs at least {limit} rows' },
    too_many: { 'zh-CN': '{label}最多{limit}行', 'en-US': '{label} allows at most {limit} rows' },
  },
};
