import type { Condition } from './condition';
import type { FieldDefinition } from './field-definition';

/** One row of the form grid: fields side by side, each taking `span` of 24 columns (the field width if absent). */
export interface FormLayoutRow {
  columns: { field: string; span?: number }[];
}

export interface FormLayout {
  rows: FormLayoutRow[];
}

/** A form-level linkage rule (联动): when the condition holds, these fields are shown/hidden/required/read-only. */
export interface LinkageRule {
  when: Condition;
  show?: string[];
  hide?: string[];
  require?: string[];
  readOnly?: string[];
}

export interface FormDefinition {
  /** Table name; immutable once published. */
  key: string;
  name: string;
  description?: string;
  fields: FieldDefinition[];
  layout?: FormLayout;
  /** Field shown as the record's title (relation pickers, record page). */
  titleField?: string;
  linkage?: LinkageRule[];
}
