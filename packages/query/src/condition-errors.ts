/**
 * Typed errors of the condition language. Bad input never surfaces as a raw TypeError: validation returns
 * issues, and the compilers throw these so the server can answer 400 with the paths.
 */

/** One problem in a condition, located by a JSON pointer into the condition document (`/and/1/value`). */
export interface ConditionIssue {
  path: string;
  code: string;
  message: string;
}

export class InvalidConditionError extends Error {
  constructor(readonly issues: ConditionIssue[]) {
    super(
      issues.length === 1
        ? `Invalid condition: ${describe(issues[0])}`
        : `Invalid condition (${issues.length} issues): ${issues.slice(0, 5).map(describe).join('; ')}`,
    );
    this.name = 'InvalidConditionError';
  }
}

/** A record value that cannot be read as its field's value kind (e.g. a number in a date column). */
export class InvalidRecordValueError extends Error {
  constructor(
    readonly field: string,
    readonly kind: string,
    readonly value: unknown,
  ) {
    super(`Record value of field ${JSON.stringify(field)} is not a valid ${kind}: ${preview(value)}`);
    this.name = 'InvalidRecordValueError';
  }
}

function describe(issue: ConditionIssue): string {
  return `${issue.path || '/'}: ${issue.message}`;
}

function preview(value: unknown): string {
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  try {
    const text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return typeof value;
  }
}
