import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportDefinition } from '@tessera/schema';

interface Column {
  key: string;
  header: string;
}

const OTHER = '(other)';
const TOTAL = '(total)';
const HIDDEN_SUFFIXES = ['_other', '_total'];

/**
 * The columns of a report's rows, labelled: dimensions (d0, d1 …) by their label or field, measures by their
 * label or name; the marker columns of top-N "other" and pivot totals are folded into the dimension cells.
 */
function columnsOf(report: ReportDefinition, rows: readonly Record<string, unknown>[]): Column[] {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  const dims = new Map(report.dimensions.map((d, i) => [`d${i}`, d.label ?? d.field]));
  if (report.funnel) dims.set('d0', report.funnel.stageField);
  const measures = new Map(report.measures.map((m) => [m.as, m.label ?? m.as]));
  return keys
    .filter((key) => key !== 'stage_order')
    .filter((key) => !HIDDEN_SUFFIXES.some((s) => key.endsWith(s) && dims.has(key.slice(0, -s.length))))
    .map((key) => ({ key, header: dims.get(key) ?? measures.get(key) ?? key }));
}

function cellOf(row: Record<string, unknown>, key: string): ExcelJS.CellValue {
  if (row[`${key}_other`] === true) return OTHER;
  if (row[`${key}_total`] === true) return TOTAL;
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return JSON.stringify(value);
}

/** Streams the rows of a report as one XLSX sheet into `out` (an HTTP response); resolves when written. */
export async function writeReportXlsx(
  out: Writable,
  report: ReportDefinition,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // sheet names are limited to 31 characters and may not hold []:*?/\
  const sheet = workbook.addWorksheet(report.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || report.key);
  const columns = columnsOf(report, rows);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) sheet.addRow(columns.map((c) => cellOf(row, c.key))).commit();
  sheet.commit();
  await workbook.commit();
}
