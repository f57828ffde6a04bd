import type { FieldTypeModule } from '../field-type-module';
import { datetimeField } from './date-time';
import { operatorsForKind } from '../value-kind-operators';
import { parseIds } from './people';
import { plainText, uuidSchema } from './module-helpers';

/**
 * Fields that display a system column of the record (created_by …, owner → owner_id). They own no column:
 * the table has it already (see system-columns.ts).
 */
const systemUser: Omit<FieldTypeModule<'created_by' | 'updated_by'>, 'type'> = {
  group: 'system',
  widget: 'member-display',
  valueKind: () => 'uuid',
  storage: () => 'system',
  columnType: () => 'uuid',
  valueSchema: () => uuidSchema,
  parse: (input) => parseIds(input, false),
  format: (value) => plainText(value),
  operators: () => operatorsForKind('uuid'),
  messages: {},
  computed: true,
};

function systemTime(type: 'created_at' | 'updated_at'): Omit<FieldTypeModule<'created_at' | 'updated_at'>, 'type'> {
  return {
    group: 'system',
    widget: 'datetime-display',
    valueKind: () => 'datetime',
    storage: () => 'system',
    columnType: () => 'timestamptz',
    valueSchema: () => ({ type: 'string', format: 'date-time' }),
    parse: (input, _field, locale, timeZone) =>
      datetimeField.parse(input, { type: 'datetime', key: type, label: type }, locale, timeZone),
    format: (value, _field, locale, timeZone) =>
      datetimeField.format(value, { type: 'datetime', key: type, label: type }, locale, timeZone),
    operators: () => operatorsForKind('datetime'),
    messages: {},
    computed: true,
  };
}

export const createdByField: FieldTypeModule<'created_by'> = { type: 'created_by', ...systemUser };
export const updatedByField: FieldTypeModule<'updated_by'> = { type: 'updated_by', ...systemUser };
export const createdAtField: FieldTypeModule<'created_at'> = { type: 'created_at', ...systemTime('created_at') };
export const updatedAtField: FieldTypeModule<'updated_at'> = { type: 'updated_at', ...systemTime('updated_at') };

/** The record owner: editable (assignment), stored in owner_id. */
export const ownerField: FieldTypeModule<'owner'> = {
  type: 'owner',
  group: 'system',
  widget: 'member-picker',
  valueKind: () => 'uuid',
  storage: () => 'system',
  columnType: () => 'uuid',
  valueSchema: () => uuidSchema,
  parse: (input) => parseIds(input, false),
  format: (value) => plainText(value),
  operators: () => operatorsForKind('uuid'),
  messages: {},
};
