import type { Locale, MultiChoiceField, SingleChoiceField } from '@tessera/schema';
import { localizedText } from '@tessera/schema';
import type { FieldTypeModule, JsonSchema, ParseResult } from '../field-type-module';
import { numberFormatter, parseLocaleNumber } from '../locale-number';
import { operatorsForKind } from '../value-kind-operators';
import { isEmptyInput, listInput, ok, plainText } from './module-helpers';

/** Import and UI input may give the option's value or its label in either language. */
function optionValue(field: SingleChoiceField | MultiChoiceField, input: unknown): string | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  const s = String(input).trim();
  const byValue = field.options.find((o) => o.value === s);
  if (byValue) return byValue.value;
  const byLabel = field.options.find(
    (o) => localizedText(o.label, 'zh-CN') === s || localizedText(o.label, 'en-US') === s,
  );
  return byLabel?.value;
}

function optionLabel(field: SingleChoiceField | MultiChoiceField, value: unknown, locale: Locale): string {
  const o = field.options.find((x) => x.value === value);
  return o ? localizedText(o.label, locale) : plainText(value);
}

const invalidOption = { ok: false, code: 'invalid_option' } as const;

function singleChoice(_type: 'select' | 'radio', widget: string): Omit<FieldTypeModule<'select' | 'radio'>, 'type'> {
  return {
    group: 'choice',
    widget,
    valueKind: () => 'text',
    storage: () => 'column',
    columnType: () => 'text',
    valueSchema: (field) => ({ type: 'string', enum: field.options.map((o) => o.value) }),
    parse(input, field): ParseResult {
      if (isEmptyInput(input)) return ok(null);
      const v = optionValue(field, input);
      return v === undefined ? invalidOption : ok(v);
    },
    format: (value, field, locale) => optionLabel(field, value, locale),
    operators: () => operatorsForKind('text'),
    messages: {},
  };
}

function multiChoice(
  _type: 'multi_select' | 'checkbox',
  widget: string,
): Omit<FieldTypeModule<'multi_select' | 'checkbox'>, 'type'> {
  return {
    group: 'choice',
    widget,
    valueKind: () => 'text_array',
    storage: () => 'column',
    columnType: () => 'text[]',
    valueSchema(field) {
      const schema: JsonSchema = {
        type: 'array',
        items: { type: 'string', enum: field.options.map((o) => o.value) },
        uniqueItems: true,
      };
      if (field.minItems !== undefined) schema.minItems = field.minItems;
      if (field.maxItems !== undefined) schema.maxItems = field.maxItems;
      return schema;
    },
    parse(input, field): ParseResult {
      if (isEmptyInput(input)) return ok(null);
      const values: string[] = [];
      for (const item of listInput(input)) {
        const v = optionValue(field, item);
        if (v === undefined) return invalidOption;
        if (!values.includes(v)) values.push(v);
      }
      return ok(values);
    },
    format: (value, field, locale) =>
      Array.isArray(value)
        ? value.map((v) => optionLabel(field, v, locale)).join(locale === 'zh-CN' ? '、' : ', ')
        : plainText(value),
    operators: () => operatorsForKind('text_array'),
    messages: {},
  };
}

export const selectField: FieldTypeModule<'select'> = { type: 'select', ...singleChoice('select', 'select') };
export const radioField: FieldTypeModule<'radio'> = { type: 'radio', ...singleChoice('radio', 'radio-group') };
export const multiSelectField: FieldTypeModule<'multi_select'> = {
  type: 'multi_select',
  ...multiChoice('multi_select', 'multi-select'),
};
export const checkboxField: FieldTypeModule<'checkbox'> = {
  type: 'checkbox',
  ...multiChoice('checkbox', 'checkbox-group'),
};

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on', '是', '对', '开', '✓']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off', '否', '不', '关']);

export const switchField: FieldTypeModule<'switch'> = {
  type: 'switch',
  group: 'choice',
  widget: 'switch',
  valueKind: () => 'boolean',
  storage: () => 'column',
  columnType: () => 'boolean',
  valueSchema: () => ({ type: 'boolean' }),
  parse(input) {
    if (typeof input === 'boolean') return ok(input);
    if (isEmptyInput(input)) return ok(null);
    const s = String(input).trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return ok(true);
    if (FALSE_WORDS.has(s)) return ok(false);
    return { ok: false, code: 'invalid_type' };
  },
  format(value, _field, locale) {
    if (typeof value !== 'boolean') return plainText(value);
    if (locale === 'zh-CN') return value ? '是' : '否';
    return value ? 'Yes' : 'No';
  },
  operators: () => operatorsForKind('boolean'),
  messages: {},
};

export const DEFAULT_RATING_MAX = 5;

export const ratingField: FieldTypeModule<'rating'> = {
  type: 'rating',
  group: 'choice',
  widget: 'rate',
  valueKind: () => 'number',
  storage: () => 'column',
  columnType: () => 'smallint',
  valueSchema: (field) => ({ type: 'integer', minimum: 0, maximum: field.max ?? DEFAULT_RATING_MAX }),
  parse(input) {
    if (isEmptyInput(input)) return ok(null);
    const stars = typeof input === 'string' && /^★+☆*$/.test(input.trim()) ? input.split('★').length - 1 : undefined;
    const n = stars ?? parseLocaleNumber(input);
    return n === undefined || !Number.isInteger(n) ? { ok: false, code: 'invalid_type' } : ok(n);
  },
  format: (value, _field, locale) =>
    typeof value === 'number' ? numberFormatter(locale, { maximumFractionDigits: 0 }).format(value) : plainText(value),
  operators: () => operatorsForKind('number'),
  messages: {
    too_large: { 'zh-CN': '{label}最高为{limit}分', 'en-US': '{label} is at most {limit}' },
    too_small: { 'zh-CN': '{label}不能为负数', 'en-US': '{label} cannot be negative' },
    invalid_type: { 'zh-CN': '{label}必须是整数评分', 'en-US': '{label} must be a whole rating' },
  },
};
