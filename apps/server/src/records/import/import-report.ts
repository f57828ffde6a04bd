/** One problem of one row, as the file shows it. */
export interface ImportRowError {
  /** Row number as a spreadsheet shows it (the header row is 1). */
  row: number;
  /** Header of the column, or null when the problem is the whole row. */
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

export type ImportMode = 'dry_run' | 'all_or_nothing' | 'skip_invalid';

/** At most this many errors are listed; errorCount still counts them all. */
export const MAX_REPORTED_ERRORS = 1000;

export interface ImportResult {
  mode: ImportMode;
  /** Data rows read (blank rows are not counted). */
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  committed: boolean;
  errors: ImportRowError[];
  errorCount: number;
  invalidRows: number;
  /** Headers bound to no field. */
  ignoredColumns: string[];
}

/** Counts as the rows stream by; memory stays bounded however many rows fail. */
export class ImportReport {
  rows = 0;
  created = 0;
  updated = 0;
  errorCount = 0;
  invalidRows = 0;
  ignoredColumns: string[] = [];
  readonly errors: ImportRowError[] = [];

  constructor(readonly mode: ImportMode) {}

  /** Records the problems of one row; the row is then skipped. */
  rejectRow(problems: ImportRowError[]): void {
    if (!problems.length) return;
    this.invalidRows += 1;
    this.errorCount += problems.length;
    for (const problem of problems) if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(problem);
  }

  /**
   * The outcome. A dry run reports what would have been created and updated; a rolled-back all-or-nothing
   * import created nothing and skipped every row.
   */
  result(committed: boolean): ImportResult {
    const counted = committed || this.mode === 'dry_run';
    return {
      mode: this.mode,
      rows: this.rows,
      created: counted ? this.created : 0,
      updated: counted ? this.updated : 0,
      skipped: counted ? this.invalidRows : this.rows,
      committed,
      // parse problems are found while reading, validation problems when the batch is written: show file order
      errors: [...this.errors].sort((a, b) => a.row - b.row),
      errorCount: this.errorCount,
      invalidRows: this.invalidRows,
      ignoredColumns: this.ignoredColumns,
    };
  }
}
