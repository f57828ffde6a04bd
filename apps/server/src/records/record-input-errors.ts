import type { ProblemError } from '../common/problem/problem-details';

/** Collects per-record problems with paths rooted where the record sits in the request body. */
export class RecordInputErrors {
  readonly errors: ProblemError[] = [];

  add(base: string, path: string, code: string, message: string): void {
    this.errors.push({ path: `${base}${path}`, code, message });
  }

  get any(): boolean {
    return this.errors.length > 0;
  }
}
