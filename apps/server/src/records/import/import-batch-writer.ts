import type { AuthPrincipal } from '../../auth/auth-principal';
import type { ProblemError } from '../../common/problem/problem-details';
import { ProblemException } from '../../common/problem/problem.exception';
import type { FormScope, RecordsService } from '../records.service';
import type { ImportReport, ImportRowError } from './import-report';

/** A row that parsed cleanly, with what the record store still has to check. */
export interface ParsedRow {
  number: number;
  values: Record<string, unknown>;
}

export interface BatchWriter {
  scope: FormScope;
  principal: AuthPrincipal;
  records: RecordsService;
  report: ImportReport;
  /** Field key → the header of the column that filled it. */
  headers: ReadonlyMap<string, string>;
}

const ROW_PATH = /^\/rows\/(\d+)(?:\/values\/([^/]+))?/;
const FIELD_PATH = /\/values\/([^/]+)/;

/**
 * Runs one write under a savepoint: a refused write (a 400, or a 409 after a unique violation aborted the
 * statement) is undone to the savepoint, so the import transaction can go on with the other rows.
 */
async function attempt(writer: BatchWriter, work: () => Promise<unknown>): Promise<ProblemException | null> {
  const { em } = writer.scope;
  await em.query('SAVEPOINT tessera_import');
  try {
    await work();
    await em.query('RELEASE SAVEPOINT tessera_import');
    return null;
  } catch (error) {
    if (!(error instanceof ProblemException) || error.getStatus() >= 500 || error.getStatus() === 403) throw error;
    await em.query('ROLLBACK TO SAVEPOINT tessera_import');
    return error;
  }
}

function rowError(writer: BatchWriter, row: ParsedRow, field: string | null, code: string, message: string) {
  const error: ImportRowError = {
    row: row.number,
    column: field ? (writer.headers.get(field) ?? null) : null,
    field,
    code,
    message,
  };
  return error;
}

/** Problems of a one-row write, attributed to that row (a refusal without details still names the row). */
function rejectWhole(writer: BatchWriter, row: ParsedRow, problems: ProblemError[], refused?: ProblemException): void {
  if (!problems.length) {
    const detail = refused?.details.detail ?? 'The row was refused';
    writer.report.rejectRow([rowError(writer, row, null, `http_${refused?.getStatus() ?? 400}`, detail)]);
    return;
  }
  writer.report.rejectRow(
    problems.map((p) => rowError(writer, row, FIELD_PATH.exec(p.path)?.[1] ?? null, p.code, p.message)),
  );
}

/**
 * Creates a batch through RecordsService.createIn (same validation, formulas, auto-numbers, audit and outbox as
 * the API). Rows the validator refuses are reported and the rest retried; a unique conflict, which names no
 * row, is narrowed down by writing the batch one row at a time.
 */
export async function writeCreates(writer: BatchWriter, rows: ParsedRow[]): Promise<void> {
  let pending = rows;
  while (pending.length) {
    const batch = pending;
    const refused = await attempt(writer, () =>
      writer.records.createIn(
        writer.scope,
        writer.principal,
        batch.map((row) => ({ values: row.values })),
        '/rows',
      ),
    );
    if (!refused) {
      writer.report.created += batch.length;
      return;
    }
    const problems = refused.details.errors;
    if (batch.length === 1) {
      rejectWhole(writer, batch[0], problems, refused);
      return;
    }
    if (refused.getStatus() === 400) {
      const byIndex = new Map<number, ProblemError[]>();
      for (const problem of problems) {
        const match = ROW_PATH.exec(problem.path);
        if (!match) continue;
        const index = Number(match[1]);
        byIndex.set(index, [...(byIndex.get(index) ?? []), problem]);
      }
      if (byIndex.size) {
        for (const [index, list] of byIndex) rejectWhole(writer, batch[index], list);
        pending = batch.filter((_, i) => !byIndex.has(i));
        continue;
      }
    }
    for (const row of batch) await writeCreates(writer, [row]);
    return;
  }
}

/** Updates the record an upsert row matched (the version read in this transaction; stale → the row is reported). */
export async function writeUpdate(
  writer: BatchWriter,
  row: ParsedRow,
  match: { id: string; version: number },
): Promise<void> {
  const refused = await attempt(writer, () =>
    writer.records.updateIn(
      writer.scope,
      writer.principal,
      [{ id: match.id, version: match.version, values: row.values }],
      '/rows',
    ),
  );
  if (!refused) writer.report.updated += 1;
  else rejectWhole(writer, row, refused.details.errors, refused);
}
