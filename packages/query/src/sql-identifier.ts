/**
 * The ONE module that turns names into SQL identifiers. Every schema, table and column name that reaches SQL
 * passes through here: it is validated against a strict pattern and double-quoted. Values never come here —
 * they are bound parameters (see sql-params.ts).
 */
const IDENTIFIER_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export class InvalidIdentifierError extends Error {
  constructor(readonly identifier: string) {
    super(
      `Invalid identifier ${JSON.stringify(identifier)}: use lower-case letters, digits and _, starting with a letter or _ (at most 63 characters)`,
    );
    this.name = 'InvalidIdentifierError';
  }
}

export function isValidIdentifier(name: unknown): name is string {
  return typeof name === 'string' && IDENTIFIER_PATTERN.test(name);
}

export function assertIdentifier(name: unknown): string {
  if (!isValidIdentifier(name)) throw new InvalidIdentifierError(String(name));
  return name;
}

/** `"name"`, after validation. */
export function quoteIdent(name: string): string {
  return `"${assertIdentifier(name)}"`;
}

/** `"schema"."table"` (or more parts), each validated. */
export function qualifiedName(...parts: string[]): string {
  return parts.map(quoteIdent).join('.');
}
