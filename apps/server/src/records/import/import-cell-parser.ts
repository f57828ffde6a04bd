import { moduleOf, renderMessage, type ParseResult, type ValidationCode } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type Locale } from '@tessera/schema';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Spreadsheet cells carry no time zone: exceljs reads a date cell as that wall-clock time in UTC. Turning it
 * back into wall-clock text lets the field type read it in the tenant's zone (a date stays the same day).
 */
function wallClockText(date: Date, withTime: boolean): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return withTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` : day;
}

/** Cell → input the field type's parser accepts (the parsers read what format() writes, in both languages). */
function normalise(raw: unknown, field: FieldDefinition): unknown {
  if (raw instanceof Date) {
    if (field.type === 'date') return wallClockText(raw, false);
    if (field.type === 'datetime') return wallClockText(raw, true);
    return raw;
  }
  if (typeof raw === 'number' && !['number', 'amount', 'percent', 'rating', 'duration'].includes(field.type))
    return String(raw);
  return raw;
}

export function isBlankCell(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** One cell through the field type's own parser ('¥1,234.50' → 1234.5, option labels → values, dates…). */
export function parseCell(raw: unknown, field: FieldDefinition, locale: Locale, timeZone: string): ParseResult {
  return moduleOf(field).parse(normalise(raw, field), field, locale, timeZone);
}

/** The field type's message for a parse failure, in the import's language. */
export function parseMessage(code: ValidationCode, field: FieldDefinition, locale: Locale): string {
  return renderMessage(
    code,
    locale,
    { label: localizedText(field.label, locale) || field.key },
    moduleOf(field).messages,
  );
}
