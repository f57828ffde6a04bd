import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Locale } from '@tessera/schema';
import type { RecordView } from '../record-row';
import { textCell, xlsxCell, type ExportColumn } from './export-cells';

/** Where exported rows go: a file format written straight into the HTTP response. */
export interface ExportSink {
  write(records: readonly RecordView[]): Promise<void>;
  finish(): Promise<void>;
}

/** Waits while the client is slower than the database, so a page never piles up in memory. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

export function csvSink(out: Writable, columns: readonly ExportColumn[], locale: Locale, timeZone: string): ExportSink {
  // BOM: Excel opens the file as UTF-8 (Chinese labels and values) instead of the system code page
  const csv = stringify({ bom: true });
  csv.pipe(out);
  csv.write(columns.map((c) => c.header));
  return {
    async write(records) {
      for (const record of records) {
        if (!csv.write(columns.map((c) => textCell(record, c.field, locale, timeZone)))) await once(csv, 'drain');
      }
      await drained(out);
    },
    async finish() {
      csv.end();
      await finished(out);
    },
  };
}

export function xlsxSink(
  out: Writable,
  sheetName: string,
  columns: readonly ExportColumn[],
  locale: Locale,
  timeZone: string,
): ExportSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: Math.min(60, Math.max(12, c.header.length * 2 + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async write(records) {
      for (const record of records) {
        const row = sheet.addRow([]);
        columns.forEach((c, i) => {
          const cell = row.getCell(i + 1);
          const { value, numFmt } = xlsxCell(record, c.field, locale, timeZone);
          cell.value = value;
          if (numFmt) cell.numFmt = numFmt;
        });
        row.commit();
      }
      await drained(out);
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
