import type { FieldTypeModule, JsonSchema } from '../field-type-module';
import type { ContactField, TextField } from '@tessera/schema';
import { operatorsForKind } from '../value-kind-operators';
import { isEmptyInput, ok, plainText } from './module-helpers';

/** 1 MB: the ceiling of any text value, whatever the field says (a record is not a file store). */
export const MAX_TEXT_BYTES = 1024 * 1024;

function textSchema(field: TextField | ContactField): JsonSchema {
  const schema: JsonSchema = { type: 'string', maxBytes: MAX_TEXT_BYTES };
  if ('minLength' in field && field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
  if (field.pattern !== undefined) schema.pattern = field.pattern;
  return schema;
}

function textModule(
  type: 'text' | 'textarea' | 'rich_text',
  widget: string,
): Omit<FieldTypeModule<'text' | 'textarea' | 'rich_text'>, 'type'> {
  return {
    group: 'basic',
    widget,
    valueKind: () => 'text',
    storage: () => 'column',
    columnType: () => 'text',
    valueSchema: (field) => textSchema(field),
    parse(input) {
      if (isEmptyInput(input)) return ok(null);
      if (typeof input === 'string') return ok(type === 'text' ? input.trim() : input);
      if (typeof input === 'number' || typeof input === 'boolean') return ok(String(input));
      return { ok: false, code: 'invalid_type' };
    },
    format: (value) => plainText(value),
    operators: () => operatorsForKind('text'),
    messages: {},
  };
}

export const textField: FieldTypeModule<'text'> = { type: 'text', ...textModule('text', 'input') };
export const textareaField: FieldTypeModule<'textarea'> = { type: 'textarea', ...textModule('textarea', 'textarea') };
export const richTextField: FieldTypeModule<'rich_text'> = {
  type: 'rich_text',
  ...textModule('rich_text', 'rich-text-editor'),
};

const CONTACT_FORMATS = { email: 'email', phone: 'phone', url: 'http-url' } as const;

function contactModule(
  type: 'email' | 'phone' | 'url',
  messages: FieldTypeModule<'email' | 'phone' | 'url'>['messages'],
): Omit<FieldTypeModule<'email' | 'phone' | 'url'>, 'type'> {
  return {
    group: 'basic',
    widget: `${type}-input`,
    valueKind: () => 'text',
    storage: () => 'column',
    columnType: () => 'text',
    valueSchema: (field) => ({ ...textSchema(field), format: CONTACT_FORMATS[type] }),
    parse(input) {
      if (isEmptyInput(input)) return ok(null);
      if (typeof input === 'number' && type === 'phone') return ok(String(input));
      if (typeof input !== 'string') return { ok: false, code: 'invalid_type' };
      const s = input.trim();
      return ok(type === 'email' ? s.toLowerCase() : s);
    },
    format: (value) => plainText(value),
    operators: () => operatorsForKind('text'),
    messages,
  };
}

export const emailField: FieldTypeModule<'email'> = {
  type: 'email',
  ...contactModule('email', {
    invalid_format: { 'zh-CN': '{label}不是有效的邮箱地址', 'en-US': '{label} is not a valid email address' },
  }),
};
export const phoneField: FieldTypeModule<'phone'> = {
  type: 'phone',
  ...contactModule('phone', {
    invalid_format: { 'zh-CN': '{label}不是有效的电话号码', 'en-US': '{label} is not a valid phone number' },
  }),
};
export const urlField: FieldTypeModule<'url'> = {
  type: 'url',
  ...contactModule('url', {
    invalid_format: {
      'zh-CN': '{label}不是有效的网址（需以 http:// 或 https:// 开头）',
      'en-US': '{label} is not a valid http(s) URL',
    },
  }),
};
