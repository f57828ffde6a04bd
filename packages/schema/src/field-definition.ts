import type { Condition } from './condition';
import type { JsonValue } from './json-value';

/** Every field type a form can hold. Adding one means adding a module to the form engine's registry. */
export const FIELD_TYPES = [
  // basic
  'text',
  'textarea',
  'rich_text',
  'number',
  'amount',
  'percent',
  'email',
  'phone',
  'url',
  // date
  'date',
  'datetime',
  'time',
  'duration',
  // choice
  'select',
  'multi_select',
  'radio',
  'checkbox',
  'switch',
  'rating',
  // people
  'member',
  'department',
  // advanced
  'region',
  'location',
  'image',
  'attachment',
  'signature',
  'auto_number',
  'formula',
  // relation
  'relation',
  'lookup',
  'rollup',
  'sub_table',
  // layout
  'section',
  'divider',
  'tabs',
  // system
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'owner',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** A label in one language for everybody, or one per UI language. */
export type LocalizedText = string | Partial<Record<Locale, string>>;

/** Props every field has, whatever its type. */
export interface FieldCommon {
  /** Column name; immutable once published. */
  key: string;
  /** Display name; free to change without DDL. */
  label: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
  required?: boolean;
  readOnly?: boolean;
  hidden?: boolean;
  unique?: boolean;
  indexed?: boolean;
  defaultValue?: JsonValue;
  /** A jsonata expression evaluated on create when no value was given. */
  defaultFormula?: string;
  /** Grid span, 1–24. */
  width?: number;
  visibleWhen?: Condition;
  requiredWhen?: Condition;
  readOnlyWhen?: Condition;
}

export interface TextField extends FieldCommon {
  type: 'text' | 'textarea' | 'rich_text';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  patternMessage?: LocalizedText;
}

export interface ContactField extends FieldCommon {
  type: 'email' | 'phone' | 'url';
  maxLength?: number;
  pattern?: string;
  patternMessage?: LocalizedText;
}

export interface NumberField extends FieldCommon {
  /** `percent` stores percentage points: 15 means 15 %. */
  type: 'number' | 'percent';
  min?: number;
  max?: number;
  /** Decimal places. */
  precision?: number;
}

export interface AmountField extends FieldCommon {
  type: 'amount';
  min?: number;
  max?: number;
  precision?: number;
  /** ISO 4217 code, CNY when absent. */
  currency?: string;
}

export interface DateField extends FieldCommon {
  type: 'date' | 'datetime' | 'time';
  /** Same representation as the value ('YYYY-MM-DD', ISO date-time, 'HH:MM'). */
  min?: string;
  max?: string;
}

export interface DurationField extends FieldCommon {
  /** A duration in seconds. */
  type: 'duration';
  min?: number;
  max?: number;
}

export interface FieldOption {
  value: string;
  label: LocalizedText;
  color?: string;
}

/** Options offered depend on the value of another choice field (province → city style cascades). */
export interface OptionCascade {
  field: string;
  /** parent option value → allowed option values of this field */
  map: Record<string, string[]>;
}

export interface SingleChoiceField extends FieldCommon {
  type: 'select' | 'radio';
  options: FieldOption[];
  cascadeFrom?: OptionCascade;
}

export interface MultiChoiceField extends FieldCommon {
  type: 'multi_select' | 'checkbox';
  options: FieldOption[];
  minItems?: number;
  maxItems?: number;
  cascadeFrom?: OptionCascade;
}

export interface SwitchField extends FieldCommon {
  type: 'switch';
}

export interface RatingField extends FieldCommon {
  type: 'rating';
  /** Highest rating, 5 when absent (at most 10). */
  max?: number;
}

export interface PeopleField extends FieldCommon {
  type: 'member' | 'department';
  multiple?: boolean;
}

export interface RegionField extends FieldCommon {
  type: 'region';
  /** How deep the picker goes; 'address' adds a free street line. */
  level?: 'province' | 'city' | 'district' | 'address';
}

export interface LocationField extends FieldCommon {
  type: 'location';
}

export interface FileField extends FieldCommon {
  type: 'image' | 'attachment';
  maxFiles?: number;
  /** Bytes per file. */
  maxFileSize?: number;
  /** MIME types or extensions ('image/png', '.pdf'). */
  accept?: string[];
}

export interface SignatureField extends FieldCommon {
  type: 'signature';
}

export interface AutoNumberField extends FieldCommon {
  type: 'auto_number';
  /** e.g. 'HT-{YYYY}{MM}-{0000}' */
  autoNumber: { pattern: string };
}

export interface RelationSettings {
  /** Key of the target form. */
  form: string;
  /** Field of the target shown in pickers and lists. */
  displayField?: string;
  multiple?: boolean;
  /** Linkage fill: picking a record copies target field (value) into this form's field (key). */
  fill?: Record<string, string>;
}

export interface RelationField extends FieldCommon {
  type: 'relation';
  relation: RelationSettings;
}

export interface LookupField extends FieldCommon {
  type: 'lookup';
  lookup: { relationField: string; field: string };
}

export const ROLLUP_AGGREGATES = ['sum', 'count', 'avg', 'min', 'max'] as const;
export type RollupAggregate = (typeof ROLLUP_AGGREGATES)[number];

export interface RollupField extends FieldCommon {
  type: 'rollup';
  /** `field` may be omitted for count. */
  rollup: { relationField: string; field?: string; aggregate: RollupAggregate };
}

export const FORMULA_RESULT_TYPES = ['text', 'number', 'date', 'datetime', 'boolean'] as const;
export type FormulaResultType = (typeof FORMULA_RESULT_TYPES)[number];

export interface FormulaField extends FieldCommon {
  type: 'formula';
  formula: { expression: string; resultType: FormulaResultType; precision?: number };
}

export interface SubTableField extends FieldCommon {
  type: 'sub_table';
  /** Columns of each row. */
  fields: FieldDefinition[];
  minRows?: number;
  maxRows?: number;
}

export interface SectionField extends FieldCommon {
  type: 'section';
  title?: LocalizedText;
  /** Keys of the fields inside the section: hiding the section hides them. */
  children?: string[];
  collapsible?: boolean;
}

export interface DividerField extends FieldCommon {
  type: 'divider';
  title?: LocalizedText;
}

export interface TabsField extends FieldCommon {
  type: 'tabs';
  tabs: { title: LocalizedText; children: string[] }[];
}

/** Displays a system column (created_by → created_by …). */
export interface SystemField extends FieldCommon {
  type: 'created_by' | 'created_at' | 'updated_by' | 'updated_at';
}

/** The record owner (owner_id column): used by data scopes and assignment. */
export interface OwnerField extends FieldCommon {
  type: 'owner';
}

export type FieldDefinition =
  | TextField
  | ContactField
  | NumberField
  | AmountField
  | DateField
  | DurationField
  | SingleChoiceField
  | MultiChoiceField
  | SwitchField
  | RatingField
  | PeopleField
  | RegionField
  | LocationField
  | FileField
  | SignatureField
  | AutoNumberField
  | RelationField
  | LookupField
  | RollupField
  | FormulaField
  | SubTableField
  | SectionField
  | DividerField
  | TabsField
  | SystemField
  | OwnerField;

/** The definition of one field type (or family), narrowed from the union. */
export type FieldDefinitionOf<T extends FieldType> = DefinitionFor<T, FieldDefinition>;
type DefinitionFor<T, F> = F extends { type: infer U } ? (T extends U ? F : never) : never;

/** The label in the wanted language, falling back to the other one. */
export function localizedText(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? text['en-US'] ?? '';
}
