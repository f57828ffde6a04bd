import type { AmountField, NumberField } from '@tessera/schema';
import type { FieldTypeModule, JsonSchema } from '../field-type-module';
import { numberFormatter, parseLocaleNumber, roundTo } from '../locale-number';
import { operatorsForKind } from '../value-kind-operators';
import { isEmptyInput, ok, plainText } from './module-helpers';

const DEFAULT_AMOUNT_PRECISION = 2;

function numberSchema(field: NumberField | AmountField, precision: number | undefined): JsonSchema {
  const schema: JsonSchema = { type: 'number' };
  if (field.min !== undefined) schema.minimum = field.min;
  if (field.max !== undefined) schema.maximum = field.max;
  if (precision !== undefined) schema.maxDecimals = precision;
  return schema;
}

function parseNumber(input: unknown, precision: number | undefined) {
  if (isEmptyInput(input)) return ok(null);
  const n = parseLocaleNumber(input);
  return n === undefined ? ({ ok: false, code: 'invalid_type' } as const) : ok(roundTo(n, precision));
}

const notANumber = { 'zh-CN': '{label}必须是数字', 'en-US': '{label} must be a number' };
const tooPrecise = { 'zh-CN': '{label}最多{limit}位小数', 'en-US': '{label} allows at most {limit} decimal places' };

function plainNumberModule(
  _type: 'number' | 'percent',
  widget: string,
  suffix: string,
): Omit<FieldTypeModule<'number' | 'percent'>, 'type'> {
  return {
    group: 'basic',
    widget,
    valueKind: () => 'number',
    storage: () => 'column',
    columnType: () => 'numeric',
    valueSchema: (field) => numberSchema(field, field.precision),
    parse: (input, field) => parseNumber(input, field.precision),
    format(value, field, locale) {
      if (typeof value !== 'number') return plainText(value);
      const digits = { minimumFractionDigits: field.precision ?? 0, maximumFractionDigits: field.precision ?? 10 };
      return `${numberFormatter(locale, digits).format(value)}${suffix}`;
    },
    operators: () => operatorsForKind('number'),
    messages: { invalid_type: notANumber, invalid_value: tooPrecise },
  };
}

export const numberField: FieldTypeModule<'number'> = {
  type: 'number',
  ...plainNumberModule('number', 'number-input', ''),
};
/** Percentage points: 15 means 15 % (what users type and what conditions compare). */
export const percentField: FieldTypeModule<'percent'> = {
  type: 'percent',
  ...plainNumberModule('percent', 'percent-input', '%'),
};

export const amountField: FieldTypeModule<'amount'> = {
  type: 'amount',
  group: 'basic',
  widget: 'amount-input',
  valueKind: () => 'number',
  storage: () => 'column',
  // 16 integer digits whatever the scale, so raising the precision later is a lossless widening
  columnType: (field) => {
    const scale = field.precision ?? DEFAULT_AMOUNT_PRECISION;
    return `numeric(${16 + scale},${scale})`;
  },
  valueSchema: (field) => numberSchema(field, field.precision ?? DEFAULT_AMOUNT_PRECISION),
  parse: (input, field) => parseNumber(input, field.precision ?? DEFAULT_AMOUNT_PRECISION),
  format(value, field, locale) {
    if (typeof value !== 'number') return plainText(value);
    const digits = field.precision ?? DEFAULT_AMOUNT_PRECISION;
    return numberFormatter(locale, {
      style: 'currency',
      currency: field.currency ?? 'CNY',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  },
  operators: () => operatorsForKind('number'),
  messages: { invalid_type: notANumber, invalid_value: tooPrecise },
};
