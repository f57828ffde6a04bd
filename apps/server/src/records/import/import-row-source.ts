import type { Readable } from 'node:stream';
import { HttpException } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { badRequest } from '../../common/problem/problem.exception';

/** One row of the uploaded sheet: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface SourceRow {
  number: number;
  cells: unknown[];
}

export type ImportFormat = 'csv' | 'xlsx';

/** Rows of an upload, read as a stream: never more than the parser's buffer of the file is in memory. */
export function readRows(format: ImportFormat, input: Readable): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(input) : xlsxRows(input);
}

async function* csvRows(input: Readable): AsyncGenerator<SourceRow> {
  // Empty lines are kept so that row numbers match what a spreadsheet shows; the importer skips blank rows.
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  input.on('error', (error) => parser.destroy(error));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      yield { number, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw badRequest('The CSV file is malformed', [
        { path: `/file/rows/${number + 1}`, code: 'invalid_csv', message: error.message },
      ]);
    throw error;
  }
}

/** A cell as the importer wants it: text, number, boolean or Date; rich text, formulas and links unwrapped. */
function plainCell(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return plainCell((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('hyperlink' in value) return (value as ExcelJS.CellHyperlinkValue).text;
  if ('error' in value) return null;
  return null;
}

async function* xlsxRows(input: Readable): AsyncGenerator<SourceRow> {
  // styles are needed to tell date cells from numbers; shared strings are cached (they come first in the zip)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let first = true;
  try {
    for await (const worksheet of reader) {
      // Only the first sheet is imported; the others are read through so the upload is consumed to its end.
      for await (const row of worksheet) {
        if (!first) continue;
        const values = row.values as ExcelJS.CellValue[];
        yield { number: row.number, cells: values.slice(1).map(plainCell) };
      }
      first = false;
    }
  } catch (error) {
    if (error instanceof Error && !(error instanceof HttpException))
      throw badRequest('The XLSX file could not be read', [
        { path: '/file', code: 'invalid_xlsx', message: error.message },
      ]);
    throw error;
  }
}
