import type { ParseResult } from '../field-type-module';

/** Shared bits of field type modules. */
export const ok = (value: unknown): ParseResult => ({ ok: true, value });

/** Empty input ('' or only spaces, null, undefined, []) means "no value" for every type. */
export function isEmptyInput(input: unknown): boolean {
  return (
    input === undefined ||
    input === null ||
    (typeof input === 'string' && input.trim() === '') ||
    (Array.isArray(input) && input.length === 0)
  );
}

/** Values shown as plain text: strings, numbers, booleans; objects as JSON. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const uuidSchema = { type: 'string', pattern: UUID_PATTERN };

/** Split 'a, b；c' or accept an array: multi-value inputs from imports. */
export function listInput(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (typeof input === 'string')
    return (
      input
        // '、' is how zh-CN lists are written (and how format() writes them)
        .split(/[,，;；、\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
    );
  return [input];
}
