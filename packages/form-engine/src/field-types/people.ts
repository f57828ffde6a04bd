import type { FieldTypeModule, ParseResult } from '../field-type-module';
import { operatorsForKind } from '../value-kind-operators';
import { isEmptyInput, listInput, ok, plainText, UUID_PATTERN, uuidSchema } from './module-helpers';

const UUID = new RegExp(UUID_PATTERN);

/** Ids in, ids out: names are resolved by the UI and the import (which needs the directory, i.e. I/O). */
export function parseIds(input: unknown, multiple: boolean): ParseResult {
  if (isEmptyInput(input)) return ok(null);
  const ids = listInput(input).map((x) => (typeof x === 'string' ? x.trim().toLowerCase() : x));
  if (!ids.every((x) => typeof x === 'string' && UUID.test(x))) return { ok: false, code: 'invalid_format' };
  if (!multiple) return ids.length === 1 ? ok(ids[0]) : { ok: false, code: 'too_many' };
  return ok([...new Set(ids)]);
}

export const idListSchema = { type: 'array', items: uuidSchema, uniqueItems: true };

function peopleModule(
  _type: 'member' | 'department',
  widget: string,
): Omit<FieldTypeModule<'member' | 'department'>, 'type'> {
  return {
    group: 'people',
    widget,
    valueKind: (field) => (field.multiple ? 'uuid_array' : 'uuid'),
    storage: () => 'column',
    columnType: (field) => (field.multiple ? 'uuid[]' : 'uuid'),
    valueSchema: (field) => (field.multiple ? idListSchema : uuidSchema),
    parse: (input, field) => parseIds(input, field.multiple === true),
    format: (value) => (Array.isArray(value) ? value.join(', ') : plainText(value)),
    operators: (field) => operatorsForKind(field.multiple ? 'uuid_array' : 'uuid'),
    messages: {
      invalid_format: { 'zh-CN': '{label}包含无效的编号', 'en-US': '{label} contains an invalid id' },
    },
  };
}

export const memberField: FieldTypeModule<'member'> = { type: 'member', ...peopleModule('member', 'member-picker') };
export const departmentField: FieldTypeModule<'department'> = {
  type: 'department',
  ...peopleModule('department', 'department-picker'),
};
