import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { localizedText, type FieldDefinition, type Locale } from '@tessera/schema';

/** The header row of an import template: one column per importable field, labelled in the chosen language. */
export function templateHeaders(fields: readonly FieldDefinition[], locale: Locale): string[] {
  return fields.map((f) => localizedText(f.label, locale) || f.key);
}

/** CSV with a byte-order mark, so that Excel opens Chinese labels as UTF-8. */
export function templateCsv(headers: string[]): string {
  return stringify([headers], { bom: true });
}

export async function writeTemplateXlsx(out: Writable, sheetName: string, headers: string[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(safeSheetName(sheetName));
  sheet.columns = headers.map((header) => ({ header, width: Math.max(12, header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  sheet.commit();
  await workbook.commit();
}

/** Sheet names are limited to 31 characters and may not hold []:*?/\ . */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}
