import type { ValidateFunction, ErrorObject } from 'ajv';
import type { FieldDefinition, Locale } from '@tessera/schema';
import { localizedText } from '@tessera/schema';
import type { JsonSchema, ValidationCode } from './field-type-module';
import { createRecordAjv } from './ajv-instance';
import { moduleOf } from './field-type-registry';
import { renderMessage } from './messages';
import { fieldAtPath, escapePointer } from './record-path';
import { uuidSchema } from './field-types/module-helpers';

export interface ValidationError {
  /** JSON pointer into the record: '/fieldKey' or '/items/3/qty'. */
  path: string;
  code: ValidationCode;
  /** en-US */
  message: string;
  messageZh: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: ValidationError[];
}

/**
 * The JSON Schema of a record (or a sub-table row) built from the field modules: null is always allowed
 * ("empty"; required-ness depends on linkage and is checked afterwards), unknown keys are refused.
 */
export function recordSchema(fields: readonly FieldDefinition[], isRow: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) {
    const module = moduleOf(field);
    if (module.storage(field) === 'none') continue;
    let schema = module.valueSchema(field);
    if (field.type === 'sub_table' && schema) schema = { ...schema, items: recordSchema(field.fields, true) };
    // lookups/rollups come back from reads; accepting them lets a record round-trip
    properties[field.key] = schema === null ? {} : { if: { type: 'null' }, else: schema };
  }
  // rows keep their id across saves
  if (isRow) properties.id = { if: { type: 'null' }, else: uuidSchema };
  return { type: 'object', properties, additionalProperties: false };
}

/** ajv compiled once per form version. */
export function compileRecordValidator(fields: readonly FieldDefinition[]): ValidateFunction {
  return createRecordAjv().compile(recordSchema(fields, false));
}

const KEYWORD_CODES: Record<string, ValidationCode> = {
  type: 'invalid_type',
  minimum: 'too_small',
  exclusiveMinimum: 'too_small',
  formatMinimum: 'too_small',
  maximum: 'too_large',
  exclusiveMaximum: 'too_large',
  formatMaximum: 'too_large',
  minLength: 'too_short',
  maxLength: 'too_long',
  maxBytes: 'too_long',
  minItems: 'too_few',
  maxItems: 'too_many',
  pattern: 'pattern_mismatch',
  enum: 'invalid_option',
  format: 'invalid_format',
  uniqueItems: 'duplicate_items',
  additionalProperties: 'unknown_field',
};

export function mapAjvErrors(fields: readonly FieldDefinition[], errors: ErrorObject[]): ValidationError[] {
  const out: ValidationError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the wrapper around "null or a value"; its else-branch errors say it all
    let path = e.instancePath;
    let code: ValidationCode = KEYWORD_CODES[e.keyword] ?? 'invalid_value';
    if (e.keyword === 'additionalProperties') {
      path = `${path}/${escapePointer(String(e.params.additionalProperty))}`;
      // an extra key inside a structured value (region, file) is a bad value, not an unknown field
      const owner = fieldAtPath(fields, e.instancePath);
      if (owner && owner.type !== 'sub_table') code = 'invalid_value';
    }
    const id = `${path}|${code}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const field = code === 'unknown_field' ? undefined : fieldAtPath(fields, path);
    const limit = e.keyword === 'maxBytes' ? '1 MB' : (e.params as { limit?: unknown }).limit;
    out.push(errorFor(field, path, code, limit));
  }
  return out;
}

export function errorFor(
  field: FieldDefinition | undefined,
  path: string,
  code: ValidationCode,
  limit?: unknown,
): ValidationError {
  const label = (locale: Locale) => (field ? localizedText(field.label, locale) : (path.split('/').pop() ?? path));
  const overrides = field ? moduleOf(field).messages : {};
  const custom =
    code === 'pattern_mismatch' && field && 'patternMessage' in field && field.patternMessage !== undefined
      ? field.patternMessage
      : undefined;
  return {
    path,
    code,
    message: custom
      ? localizedText(custom, 'en-US')
      : renderMessage(code, 'en-US', { label: label('en-US'), limit }, overrides),
    messageZh: custom
      ? localizedText(custom, 'zh-CN')
      : renderMessage(code, 'zh-CN', { label: label('zh-CN'), limit }, overrides),
  };
}
