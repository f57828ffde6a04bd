import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { ValidationCode } from '@tessera/form-engine';
import { qualifiedName, quoteIdent, SqlParams, toSql } from '@tessera/query';
import type { Condition, FieldDefinition, Locale } from '@tessera/schema';
import type { AuthPrincipal } from '../../auth/auth-principal';
import { badRequest, forbidden, ProblemException } from '../../common/problem/problem.exception';
import { RecordsService, type FormScope } from '../records.service';
import { writeCreates, writeUpdate, type BatchWriter, type ParsedRow } from './import-batch-writer';
import { isBlankCell, parseCell, parseMessage } from './import-cell-parser';
import {
  bindColumns,
  checkMappingTargets,
  escapePointer,
  importableFields,
  type ColumnBinding,
} from './import-column-mapping';
import { ImportReport, type ImportMode, type ImportResult, type ImportRowError } from './import-report';
import { readRows, type ImportFormat, type SourceRow } from './import-row-source';

export interface ImportOptions {
  format: ImportFormat;
  mode: ImportMode;
  /** A unique field: rows whose value matches a live record update it, the others create records. */
  upsertField?: string;
  /** {column header: field key}; without it columns are matched by field label or key. */
  mapping?: Record<string, string>;
  /** The language of labels, numbers and dates in the file. */
  locale: Locale;
}

/** Rows validated and written together: big enough to amortise round trips, small enough to stay bounded. */
export const IMPORT_BATCH_SIZE = 1000;
/** A file with more data rows than this is refused (413) — and rolled back, whatever the mode. */
export const MAX_IMPORT_ROWS = 1_000_000;
/** How many row errors of an all-or-nothing refusal are listed in the problem's `errors`. */
const MAX_PROBLEM_ERRORS = 100;

/** Thrown inside the import transaction to undo it (dry run, or all-or-nothing with invalid rows). */
class RollBack extends Error {}

/**
 * Import of a CSV or XLSX upload into a form, read as a stream and written in batches in ONE transaction:
 * parse each cell with its field type → the record store's own validation and write → a row-by-row report.
 * dry_run and a failed all_or_nothing roll the transaction back; skip_invalid commits the valid rows.
 */
@Injectable()
export class ImportService {
  constructor(private readonly records: RecordsService) {}

  /** The fields an import template lists, in form order. */
  templateFields(principal: AuthPrincipal, formKey: string): Promise<FieldDefinition[]> {
    return this.records.run(principal, formKey, 'import', async ({ form }) => importableFields(form));
  }

  async import(
    principal: AuthPrincipal,
    formKey: string,
    options: ImportOptions,
    input: Readable,
  ): Promise<ImportResult> {
    const report = new ImportReport(options.mode);
    let committed = true;
    try {
      await this.records.run(principal, formKey, 'import', async (scope) => {
        await this.importIn(scope, principal, options, input, report);
        if (options.mode === 'dry_run' || (options.mode === 'all_or_nothing' && report.invalidRows > 0))
          throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      committed = false;
    }
    const result = report.result(committed);
    if (options.mode === 'all_or_nothing' && !committed) {
      throw new ProblemException(
        400,
        `${result.invalidRows} row(s) are invalid; nothing was imported`,
        result.errors.slice(0, MAX_PROBLEM_ERRORS).map((e) => ({
          path: `/file/rows/${e.row}${e.field ? `/${escapePointer(e.field)}` : ''}`,
          code: e.code,
          message: e.message,
        })),
        { report: result },
      );
    }
    return result;
  }

  private async importIn(
    scope: FormScope,
    principal: AuthPrincipal,
    options: ImportOptions,
    input: Readable,
    report: ImportReport,
  ): Promise<void> {
    const { form, access } = scope;
    if (options.mapping) checkMappingTargets(form, options.mapping);
    if (options.upsertField !== undefined) {
      const field = form.compiled.field(options.upsertField);
      if (!field || !(field.unique || field.type === 'auto_number'))
        throw badRequest('Upsert needs a unique field', [
          { path: '/query/upsertField', code: 'not_unique', message: `${options.upsertField} is not a unique field` },
        ]);
      if (!access.actions.has('update')) throw forbidden(`You may not update records of ${form.key}`);
    }
    let bindings: ColumnBinding[] | null = null;
    let batch: ParsedRow[] = [];
    const batchKeys = new Set<string>();
    const headers = new Map<string, string>();
    const writer: BatchWriter = { scope, principal, records: this.records, report, headers };
    const flush = async () => {
      if (batch.length) await this.writeBatch(writer, batch, options.upsertField);
      batch = [];
      batchKeys.clear();
    };

    for await (const row of readRows(options.format, input)) {
      if (row.cells.every(isBlankCell)) continue;
      if (!bindings) {
        const bound = bindColumns(form, row.cells, options.mapping);
        bindings = bound.bindings;
        report.ignoredColumns = bound.ignored;
        for (const b of bindings) headers.set(b.field.key, b.header);
        if (options.upsertField !== undefined && !headers.has(options.upsertField))
          throw badRequest('No column fills the upsert field', [
            { path: '/query/upsertField', code: 'not_mapped', message: `Map a column to ${options.upsertField}` },
          ]);
        continue;
      }
      report.rows += 1;
      if (report.rows > MAX_IMPORT_ROWS)
        throw new ProblemException(413, `A file may hold at most ${MAX_IMPORT_ROWS} rows`, [
          { path: '/file', code: 'too_many_rows', message: `More than ${MAX_IMPORT_ROWS} rows` },
        ]);
      const parsed = this.parseRow(row, bindings, options, scope.ctx.timeZone);
      if (parsed.problems.length) {
        report.rejectRow(parsed.problems);
        continue;
      }
      if (options.upsertField !== undefined) {
        const key = parsed.row.values[options.upsertField];
        if (key === undefined) {
          report.rejectRow([
            {
              row: row.number,
              column: headers.get(options.upsertField) ?? null,
              field: options.upsertField,
              code: 'required',
              message: `${options.upsertField} is needed to match records`,
            },
          ]);
          continue;
        }
        // the same key twice in one batch: write the first before looking the second up, so it updates
        if (batchKeys.has(JSON.stringify(key))) await flush();
        batchKeys.add(JSON.stringify(key));
      }
      batch.push(parsed.row);
      if (batch.length >= IMPORT_BATCH_SIZE) await flush();
    }
    if (!bindings) throw badRequest('The file is empty', [{ path: '/file', code: 'empty', message: 'No header row' }]);
    await flush();
  }

  private parseRow(
    row: SourceRow,
    bindings: ColumnBinding[],
    options: ImportOptions,
    timeZone: string,
  ): { row: ParsedRow; problems: ImportRowError[] } {
    const values: Record<string, unknown> = {};
    const problems: ImportRowError[] = [];
    for (const binding of bindings) {
      const raw = row.cells[binding.index];
      // an empty cell sets nothing: defaults apply on create, the stored value stays on update
      if (isBlankCell(raw)) continue;
      const result = parseCell(raw, binding.field, options.locale, timeZone);
      if (result.ok) {
        if (result.value !== null) values[binding.field.key] = result.value;
      } else {
        problems.push({
          row: row.number,
          column: binding.header,
          field: binding.field.key,
          code: result.code,
          message: parseMessage(result.code as ValidationCode, binding.field, options.locale),
        });
      }
    }
    return { row: { number: row.number, values }, problems };
  }

  private async writeBatch(writer: BatchWriter, rows: ParsedRow[], upsertField: string | undefined): Promise<void> {
    if (upsertField === undefined) {
      await writeCreates(writer, rows);
      return;
    }
    const matches = await this.findMatches(writer.scope, upsertField, rows);
    const creates: ParsedRow[] = [];
    const updates: { row: ParsedRow; match: { id: string; version: number } }[] = [];
    for (const row of rows) {
      const match = matches.get(JSON.stringify(row.values[upsertField]));
      if (match) updates.push({ row, match });
      else creates.push(row);
    }
    await writeCreates(writer, creates);
    for (const update of updates) await writeUpdate(writer, update.row, update.match);
  }

  /** Live records (within the caller's scope) whose upsert field holds one of the batch's values. */
  private async findMatches(
    scope: FormScope,
    key: string,
    rows: ParsedRow[],
  ): Promise<Map<string, { id: string; version: number }>> {
    const { em, form, access, ctx } = scope;
    const params = new SqlParams();
    const values = rows.map((row) => row.values[key]);
    const condition = { field: key, op: 'in', value: values } as Condition;
    const where = [toSql(condition, form.queryable, ctx, params, { tableAlias: 'r' }), `r."deleted_at" IS NULL`];
    if (access.scope) where.push(toSql(access.scope, form.queryable, ctx, params, { tableAlias: 'r' }));
    const found: { id: string; version: number; match: unknown }[] = await em.query(
      `SELECT r."id", r."version", r.${quoteIdent(key)} AS "match" FROM ${qualifiedName(form.schema, form.table)} r WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return new Map(found.map((r) => [JSON.stringify(r.match), { id: r.id, version: Number(r.version) }]));
  }
}
