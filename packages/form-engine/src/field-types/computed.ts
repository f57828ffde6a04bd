import type { FormulaResultType, ValueKind } from '@tessera/schema';
import type { FieldTypeModule, JsonSchema } from '../field-type-module';
import { numberFormatter } from '../locale-number';
import { operatorsForKind } from '../value-kind-operators';
import { plainText } from './module-helpers';

const FORMULA_COLUMN: Record<FormulaResultType, string> = {
  text: 'text',
  number: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
};
const FORMULA_KIND: Record<FormulaResultType, ValueKind> = {
  text: 'text',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
};
const FORMULA_SCHEMA: Record<FormulaResultType, JsonSchema> = {
  text: { type: 'string' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  boolean: { type: 'boolean' },
};

const computedInput = { ok: false, code: 'invalid_value' } as const;

/** Computed by jsonata on every save and stored in a column of the result type, so it can be filtered. */
export const formulaField: FieldTypeModule<'formula'> = {
  type: 'formula',
  group: 'advanced',
  widget: 'formula-display',
  valueKind: (field) => FORMULA_KIND[field.formula.resultType],
  storage: () => 'column',
  columnType: (field) => FORMULA_COLUMN[field.formula.resultType],
  valueSchema: (field) => FORMULA_SCHEMA[field.formula.resultType],
  parse: () => computedInput,
  format(value, field, locale) {
    if (typeof value === 'number')
      return numberFormatter(locale, { maximumFractionDigits: field.formula.precision ?? 10 }).format(value);
    return plainText(value);
  },
  operators: (field) => operatorsForKind(FORMULA_KIND[field.formula.resultType]),
  messages: {},
  computed: true,
};

/** Assigned by the server on create from the pattern (see auto-number.ts); unique per form. */
export const autoNumberField: FieldTypeModule<'auto_number'> = {
  type: 'auto_number',
  group: 'advanced',
  widget: 'auto-number-display',
  valueKind: () => 'text',
  storage: () => 'column',
  columnType: () => 'text',
  valueSchema: () => ({ type: 'string', maxLength: 200 }),
  parse: () => computedInput,
  format: (value) => plainText(value),
  operators: () => operatorsForKind('text'),
  messages: {},
  computed: true,
};
