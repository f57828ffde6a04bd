import type { FieldDefinition, FieldDefinitionOf, FieldType, Locale } from '@tessera/schema';
import type { ComponentType } from 'react';

/** Props of a field's input (edit mode). `value` is the stored representation (see the form engine modules). */
export interface FieldInputProps<F extends FieldDefinition = FieldDefinition> {
  field: F;
  value: unknown;
  onChange: (value: unknown) => void;
  locale: Locale;
  disabled?: boolean;
  invalid?: boolean;
  /** The element id the label points at. */
  id?: string;
  /** Display names of referenced people/records the server sent with the record (`record.display[key]`). */
  display?: unknown;
  /** The whole record being edited (option cascades, relation fills). */
  record?: Readonly<Record<string, unknown>>;
  /** Relation fill (联动带值): values to copy into other fields of the record. */
  onFill?: (values: Record<string, unknown>) => void;
  /** Errors inside a structured value, by JSON pointer relative to the field ('/3/qty' in a sub-table). */
  nestedErrors?: Readonly<Record<string, string>>;
}

/** Props of a field's display (read mode, table cells, kanban cards). */
export interface FieldDisplayProps<F extends FieldDefinition = FieldDefinition> {
  field: F;
  value: unknown;
  locale: Locale;
  display?: unknown;
  /** A table cell or a card: one line, no large media. */
  compact?: boolean;
}

/** The web side of one field type: how it is typed in and how it is shown. */
export interface FieldWidget<T extends FieldType = FieldType> {
  Input: ComponentType<FieldInputProps<FieldDefinitionOf<T>>>;
  Display: ComponentType<FieldDisplayProps<FieldDefinitionOf<T>>>;
  /** Layout fields (section, divider, tabs) render themselves in the form grid; they have no value. */
  layout?: boolean;
  /** Spans the whole row by default (sub-tables, rich text, signatures). */
  wide?: boolean;
}
