import type { ValueKind } from '@tessera/schema';
import { isDateString } from './civil-date';
import {
  type DecimalNumber,
  compareDecimals,
  decimalFromOperand,
  decimalFromRecord,
  formatDecimal,
  isDecimalNumber,
} from './decimal-number';
import { formatClock, formatInstant, instantFromDate, parseInstant, parseTimeOfDay } from './instant';

/**
 * How each scalar value kind is read (from a condition operand, from a record), compared in memory, and bound
 * as a SQL parameter. Both compilers go through these, which is what keeps SQL and memory in agreement.
 */
export type ScalarKind = Exclude<ValueKind, 'text_array' | 'uuid_array' | 'json'>;

/** Normalised scalar: text/uuid/date as strings, datetime/time as bigint microseconds, numbers as decimals. */
export type ScalarValue = string | bigint | boolean | DecimalNumber;

export interface ScalarCodec {
  /** PostgreSQL type every bound operand is cast to. */
  sqlType: string;
  fromOperand(value: unknown): ScalarValue | undefined;
  /** A non-null record value as the driver returns it; undefined when it is not of this kind. */
  fromRecord(value: unknown): ScalarValue | undefined;
  toParam(value: ScalarValue): string | boolean;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PostgreSQL text cannot hold NUL, and a lone surrogate would be stored as U+FFFD: both would split the sides.
const LONE_SURROGATE = /\p{Cs}/u;

export function isStorableText(value: unknown): value is string {
  return typeof value === 'string' && !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

const asText = (value: unknown) => (isStorableText(value) ? value : undefined);
const asString = (value: ScalarValue) => String(value);

const text: ScalarCodec = { sqlType: 'text', fromOperand: asText, fromRecord: asText, toParam: asString };

const uuid: ScalarCodec = {
  sqlType: 'uuid',
  fromOperand: (value) => (typeof value === 'string' && UUID_PATTERN.test(value) ? value.toLowerCase() : undefined),
  fromRecord: (value) => (typeof value === 'string' && UUID_PATTERN.test(value) ? value.toLowerCase() : undefined),
  toParam: asString,
};

const number: ScalarCodec = {
  sqlType: 'numeric',
  fromOperand: decimalFromOperand,
  fromRecord: decimalFromRecord,
  toParam: (value) => (isDecimalNumber(value) ? formatDecimal(value) : String(value)),
};

const date: ScalarCodec = {
  sqlType: 'date',
  fromOperand: (value) => (isDateString(value) ? value : undefined),
  fromRecord: (value) => (isDateString(value) ? value : undefined),
  toParam: asString,
};

function instantOf(value: unknown): bigint | undefined {
  if (value instanceof Date) return instantFromDate(value);
  return typeof value === 'string' ? parseInstant(value) : undefined;
}

const datetime: ScalarCodec = {
  sqlType: 'timestamptz',
  fromOperand: instantOf,
  fromRecord: instantOf,
  toParam: (value) => (typeof value === 'bigint' ? formatInstant(value) : String(value)),
};

const time: ScalarCodec = {
  sqlType: 'time',
  fromOperand: (value) => (typeof value === 'string' ? parseTimeOfDay(value) : undefined),
  fromRecord: (value) => (typeof value === 'string' ? parseTimeOfDay(value) : undefined),
  toParam: (value) => (typeof value === 'bigint' ? formatClock(value) : String(value)),
};

const boolean: ScalarCodec = {
  sqlType: 'boolean',
  fromOperand: (value) => (typeof value === 'boolean' ? value : undefined),
  fromRecord: (value) => (typeof value === 'boolean' ? value : undefined),
  toParam: (value) => value === true,
};

const CODECS: Readonly<Record<ScalarKind, ScalarCodec>> = { text, uuid, number, date, datetime, time, boolean };

/** The codec of a scalar kind, or of the elements of an array kind; undefined for json. */
export function codecFor(kind: ValueKind): ScalarCodec | undefined {
  if (kind === 'text_array') return text;
  if (kind === 'uuid_array') return uuid;
  if (kind === 'json') return undefined;
  return CODECS[kind];
}

/** Total order on normalised values of one kind (strings by code unit: dates and uuids are ASCII). */
export function compareScalars(a: ScalarValue, b: ScalarValue): number {
  if (isDecimalNumber(a) && isDecimalNumber(b)) return compareDecimals(a, b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new Error(`Internal error: comparing ${typeof a} with ${typeof b}`);
}

export function scalarsEqual(a: ScalarValue, b: ScalarValue): boolean {
  return compareScalars(a, b) === 0;
}
