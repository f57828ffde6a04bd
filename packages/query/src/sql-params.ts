/**
 * Collects bound parameter values while SQL text is composed: `params.add(v)` returns the placeholder (`$3`).
 * Several compilers (condition, report, record list) can write into the same statement without renumbering.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    const placeholder = `$${this.values.length}`;
    return cast ? `${placeholder}::${cast}` : placeholder;
  }
}

export interface SqlStatement {
  text: string;
  values: unknown[];
}
