import type { MetadataIssue } from '@tessera/schema';

/** The form definition cannot be compiled (bad formula syntax, a formula cycle, invalid metadata). */
export class FormMetadataError extends Error {
  constructor(readonly issues: MetadataIssue[]) {
    super(`Invalid form definition: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    this.name = 'FormMetadataError';
  }
}

export type FormulaErrorCode = 'timeout' | 'depth' | 'evaluation';

/** A formula failed while computing one field: it names the field so the UI/API can point at it. */
export class FormulaError extends Error {
  constructor(
    readonly field: string,
    readonly code: FormulaErrorCode,
    message: string,
  ) {
    super(`Formula of field "${field}": ${message}`);
    this.name = 'FormulaError';
  }
}
