import { DEFAULT_TIME_ZONE, moduleOf } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type Locale } from '@tessera/schema';

/** The browser's zone: what the user reads dates in (the server parses wall-clock input in the tenant's zone). */
export const BROWSER_TIME_ZONE: string = Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;

/** A stored value as text in the locale, by the form engine's module of the field type. */
export function formatFieldValue(field: FieldDefinition, value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '';
  try {
    return moduleOf(field).format(value, field, locale, BROWSER_TIME_ZONE);
  } catch {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export function fieldLabel(field: FieldDefinition, locale: Locale): string {
  return localizedText(field.label, locale) || field.key;
}

export function fieldPlaceholder(field: FieldDefinition, locale: Locale): string | undefined {
  return localizedText(field.placeholder, locale) || undefined;
}

/** Display names sent by the server: one name or a list of names. */
export function displayNames(display: unknown): string[] {
  if (typeof display === 'string') return [display];
  if (Array.isArray(display)) return display.filter((x): x is string => typeof x === 'string');
  return [];
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

export function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((x): x is string => typeof x === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
