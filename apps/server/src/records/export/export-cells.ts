import type ExcelJS from 'exceljs';
import { moduleOf, wallClockAt } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type Locale } from '@tessera/schema';
import type { PublishedForm } from '../../forms/form-catalog.service';
import type { RecordView } from '../record-row';

/** One exported column: the field and its header in the export's language. */
export interface ExportColumn {
  field: FieldDefinition;
  header: string;
}

/** Fields that hold a value worth a cell: not layout, not a sub-table (a repeating group has no single cell). */
export function isExportable(field: FieldDefinition): boolean {
  const storage = moduleOf(field).storage(field);
  return storage !== 'none' && storage !== 'child-table';
}

export function exportColumns(form: PublishedForm, keys: readonly string[], locale: Locale): ExportColumn[] {
  return keys
    .map((key) => form.compiled.field(key))
    .filter((field): field is FieldDefinition => field !== undefined && isExportable(field))
    .map((field) => ({ field, header: localizedText(field.label, locale) || field.key }));
}

/** People and related records are shown by name (the record's display), not by id. */
function displayText(record: RecordView, key: string, locale: Locale): string | undefined {
  const shown = record.display[key];
  if (typeof shown === 'string') return shown;
  if (Array.isArray(shown)) return shown.filter((s) => s !== null).join(locale === 'zh-CN' ? '、' : ', ');
  return undefined;
}

/** A value as the user sees it in the locale: '¥1,234.50', '2026/11/20', option labels… */
export function textCell(record: RecordView, field: FieldDefinition, locale: Locale, timeZone: string): string {
  const value = record.values[field.key];
  if (value === null || value === undefined) return '';
  return displayText(record, field.key, locale) ?? moduleOf(field).format(value, field, locale, timeZone);
}

const NUMBER_FORMATS: Partial<Record<FieldDefinition['type'], string>> = {
  number: '#,##0.##########',
  amount: '#,##0.00',
  rating: '0',
};

/**
 * XLSX cells are typed where a spreadsheet can compute with them: numbers and amounts as numbers, dates and
 * date-times as date cells (wall clock in the tenant's zone — spreadsheets have no zones); the rest as text.
 */
export function xlsxCell(
  record: RecordView,
  field: FieldDefinition,
  locale: Locale,
  timeZone: string,
): { value: ExcelJS.CellValue; numFmt?: string } {
  const value = record.values[field.key];
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number' && NUMBER_FORMATS[field.type]) return { value, numFmt: NUMBER_FORMATS[field.type] };
  if (field.type === 'date' && typeof value === 'string')
    return { value: new Date(`${value}T00:00:00Z`), numFmt: 'yyyy-mm-dd' };
  if (field.type === 'datetime' && typeof value === 'string') {
    const w = wallClockAt(new Date(value), timeZone);
    return {
      value: new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)),
      numFmt: 'yyyy-mm-dd hh:mm:ss',
    };
  }
  return { value: textCell(record, field, locale, timeZone) };
}
