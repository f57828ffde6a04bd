import { InvalidConditionError } from '@tessera/query';
import { ReportDefinitionError, ReportFieldNotReadableError } from '@tessera/report-engine';
import { ProblemException } from '../common/problem/problem.exception';
import { isQueryCanceled } from '../db/postgres-errors';

/** Where a report definition came from: the request body (400 when wrong) or storage (422: it went stale). */
export interface DefinitionOrigin {
  /** JSON pointer of the definition: `/body/definition` or `/definition`. */
  path: string;
  status: 400 | 422;
}

/** Report engine errors as problem+json naming the path; anything else is passed through unchanged. */
export function toReportProblem(error: unknown, origin: DefinitionOrigin): unknown {
  if (error instanceof ReportDefinitionError) {
    const detail =
      origin.status === 422
        ? `The report no longer matches its forms: ${error.message}`
        : `The report definition is invalid: ${error.message}`;
    return new ProblemException(origin.status, detail, [
      { path: `${origin.path}/${error.path}`, code: 'invalid_reference', message: error.message },
    ]);
  }
  if (error instanceof ReportFieldNotReadableError)
    return new ProblemException(403, error.message, [
      { path: `${origin.path}`, code: 'field_not_readable', message: `No read permission on field "${error.field}"` },
    ]);
  if (error instanceof InvalidConditionError)
    return new ProblemException(
      origin.status,
      error.message,
      error.issues.map((i) => ({ path: `${origin.path}${i.path}`, code: i.code, message: i.message })),
    );
  return error;
}

/** The report query ran into statement_timeout: a clear 422 instead of a hung request or a 500. */
export function timeoutProblem(error: unknown, timeoutMs: number): unknown {
  if (!isQueryCanceled(error)) return error;
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new ProblemException(
    422,
    `The report took longer than the limit of ${seconds} s and was stopped. Narrow it down with filters, ` +
      'a shorter date range or fewer dimensions.',
    [{ path: '/report', code: 'report_timeout', message: `Exceeded ${timeoutMs} ms` }],
    { timeoutMs },
  );
}
