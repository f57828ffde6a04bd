import type { FormulaResultType } from '@tessera/schema';
import { roundTo } from './locale-number';
import { isoDate, wallClockAt } from './time-zone';

/**
 * A jsonata result → the stored value of the formula's result type. Anything that does not fit becomes null
 * rather than a wrong value in a typed column.
 */
export function coerceFormulaResult(
  value: unknown,
  resultType: FormulaResultType,
  timeZone: string,
  precision?: number,
): unknown {
  if (value === undefined || value === null) return null;
  switch (resultType) {
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      return Number.isFinite(n) ? roundTo(n, precision) : null;
    }
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return JSON.stringify(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : Boolean(value);
    case 'date': {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      const t = instant(value);
      return t ? isoDate(wallClockAt(t, timeZone)) : null;
    }
    case 'datetime': {
      const t = instant(value);
      return t ? t.toISOString() : null;
    }
  }
}

/** Millis ($millis(), $toMillis()) or an ISO string with an offset. */
function instant(value: unknown): Date | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
  if (typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const t = new Date(value);
    return Number.isNaN(t.getTime()) ? undefined : t;
  }
  return undefined;
}
