import type { FieldDefinition } from '@tessera/schema';

/** Drops `undefined` members so cleared settings disappear from the stored definition. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = member;
  return out as T;
}

/** Changes a field: the full new definition, and a tag so keystrokes in one input make one undo step. */
export type FieldChange<F extends FieldDefinition = FieldDefinition> = (next: F, tag?: string) => void;

/** A number from an InputNumber, or undefined when cleared. */
export function numberOrUndefined(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}
