import type { FieldDefinition, FormDefinition, Locale } from '@tessera/schema';
import { displayNames, formatFieldValue } from './field-format';

const TITLE_TYPES = new Set(['text', 'auto_number', 'email', 'phone', 'select', 'formula']);

/** The field that names a record: the form's titleField, else its first text-like field. */
export function titleFieldOf(form: Pick<FormDefinition, 'fields' | 'titleField'>): FieldDefinition | undefined {
  return (
    (form.titleField ? form.fields.find((f) => f.key === form.titleField) : undefined) ??
    form.fields.find((f) => TITLE_TYPES.has(f.type))
  );
}

/** A record's title in the locale (falls back to the short id). */
export function recordTitle(
  record: { id: string; values: Record<string, unknown>; display?: Record<string, unknown> },
  form: Pick<FormDefinition, 'fields' | 'titleField'> | undefined,
  locale: Locale,
): string {
  const field = form ? titleFieldOf(form) : undefined;
  if (field) {
    const names = displayNames(record.display?.[field.key]);
    const text = names.length ? names.join(', ') : formatFieldValue(field, record.values[field.key], locale);
    if (text) return text;
  }
  return `#${record.id.slice(0, 8)}`;
}
