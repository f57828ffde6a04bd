import type { ConditionOperator, FieldDefinitionOf, FieldType, Locale, ValueKind } from '@tessera/schema';

export type FieldGroup = 'basic' | 'choice' | 'date' | 'people' | 'relation' | 'advanced' | 'layout' | 'system';

/**
 * Where a field's value lives: its own column; nowhere (layout); computed in SQL when read (lookup/rollup);
 * a child table (sub_table); a link table (multi relation); or one of the record's system columns.
 */
export type FieldStorage = 'column' | 'none' | 'computed-at-read' | 'child-table' | 'link-table' | 'system';

/** A JSON Schema fragment for ajv. */
export type JsonSchema = { [keyword: string]: unknown };

export type ParseResult = { ok: true; value: unknown } | { ok: false; code: ValidationCode };

export const VALIDATION_CODES = [
  'required',
  'invalid_type',
  'too_small',
  'too_large',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'pattern_mismatch',
  'invalid_option',
  'invalid_format',
  'duplicate_items',
  'unknown_field',
  'invalid_value',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** Templates with `{label}` and `{limit}` placeholders. */
export type MessageTemplate = Record<Locale, string>;
export type MessageTemplates = Partial<Record<ValidationCode, MessageTemplate>>;

/**
 * Everything the platform knows about one field type, in one place: storage, column type, value schema,
 * parse/format for the UI and imports, filter operators and error messages. Methods (not arrow properties) so
 * a module for one type can sit in the registry typed by the whole union.
 */
export interface FieldTypeModule<T extends FieldType = FieldType> {
  type: T;
  group: FieldGroup;
  /** Name of the default UI widget in the web widget registry. */
  widget: string;
  /** How conditions compare the value; null for types without a value. */
  valueKind(field: FieldDefinitionOf<T>): ValueKind | null;
  storage(field: FieldDefinitionOf<T>): FieldStorage;
  /** PostgreSQL column type when storage is 'column' (or the column type of each row's/link's value). */
  columnType(field: FieldDefinitionOf<T>): string | null;
  /** JSON Schema of a non-null value; null when the type has no input value (layout, system, computed). */
  valueSchema(field: FieldDefinitionOf<T>): JsonSchema | null;
  /** User or import input (e.g. '¥1,234.50') → stored value (1234.5). */
  parse(input: unknown, field: FieldDefinitionOf<T>, locale: Locale, timeZone?: string): ParseResult;
  /** Stored value → display text in the locale and the tenant's time zone. */
  format(value: unknown, field: FieldDefinitionOf<T>, locale: Locale, timeZone?: string): string;
  /** Filter operators, from the condition language's list for the value kind. */
  operators(field: FieldDefinitionOf<T>): readonly ConditionOperator[];
  /** Error messages specific to this type; the rest come from the defaults. */
  messages: MessageTemplates;
  /** Users never type the value (computed, system, layout). */
  computed?: boolean;
}
