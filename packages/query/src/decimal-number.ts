/**
 * Exact decimal comparison, so that in-memory results agree with PostgreSQL `numeric` however the value
 * arrives (a JS number, or the numeric string the driver returns): '1.50' equals 1.5, and 0.1 + 0.2 style
 * float noise never creeps in because nothing is converted to a float.
 */
export type DecimalNumber =
  /** value = sign × 0.digits × 10^exponent; digits has no leading or trailing zeros ('' for zero). */
  | { decimal: 'finite'; sign: -1 | 0 | 1; digits: string; exponent: number }
  | { decimal: 'infinite'; sign: -1 | 1 }
  /** PostgreSQL sorts NaN above every other numeric and treats NaN = NaN. */
  | { decimal: 'nan' };

const NUMERIC_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;
/** Operands stay well inside what PostgreSQL's numeric input accepts. */
const MAX_OPERAND_EXPONENT = 1000;

export function isDecimalNumber(value: unknown): value is DecimalNumber {
  return typeof value === 'object' && value !== null && 'decimal' in value;
}

/** Parses a finite decimal string ('-12.5', '.5', '1e-7'); undefined if it is not one. */
export function parseDecimal(text: string): DecimalNumber | undefined {
  const m = NUMERIC_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const intPart = m[2];
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return undefined;
  const all = intPart + fracPart;
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leading).replace(/0+$/, '');
  if (digits === '') return { decimal: 'finite', sign: 0, digits: '', exponent: 0 };
  return {
    decimal: 'finite',
    sign: m[1] === '-' ? -1 : 1,
    digits,
    exponent: intPart.length - leading + Number(m[4] ?? 0),
  };
}

/** A condition operand: a finite JS number or a numeric string of sane size. */
export function decimalFromOperand(value: unknown): DecimalNumber | undefined {
  let parsed: DecimalNumber | undefined;
  if (typeof value === 'number') parsed = Number.isFinite(value) ? parseDecimal(String(value)) : undefined;
  else if (typeof value === 'string') parsed = parseDecimal(value);
  if (parsed?.decimal !== 'finite' || Math.abs(parsed.exponent) > MAX_OPERAND_EXPONENT) return undefined;
  return parsed;
}

/** A record value as a driver returns it: number, numeric string (including 'NaN' / '±Infinity'), bigint. */
export function decimalFromRecord(value: unknown): DecimalNumber | undefined {
  if (typeof value === 'bigint') return parseDecimal(String(value));
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { decimal: 'nan' };
    if (!Number.isFinite(value)) return { decimal: 'infinite', sign: value > 0 ? 1 : -1 };
    return parseDecimal(String(value));
  }
  if (typeof value !== 'string') return undefined;
  const special = value.trim().toLowerCase();
  if (special === 'nan') return { decimal: 'nan' };
  if (special === 'infinity' || special === '+infinity' || special === 'inf') return { decimal: 'infinite', sign: 1 };
  if (special === '-infinity' || special === '-inf') return { decimal: 'infinite', sign: -1 };
  return parseDecimal(value);
}

/** A string PostgreSQL's numeric input reads as exactly this value. */
export function formatDecimal(value: DecimalNumber): string {
  if (value.decimal === 'nan') return 'NaN';
  if (value.decimal === 'infinite') return value.sign > 0 ? 'Infinity' : '-Infinity';
  if (value.sign === 0) return '0';
  return `${value.sign < 0 ? '-' : ''}0.${value.digits}e${value.exponent}`;
}

export function compareDecimals(a: DecimalNumber, b: DecimalNumber): number {
  const rank = (x: DecimalNumber) => (x.decimal === 'nan' ? 2 : x.decimal === 'infinite' ? x.sign : 0);
  if (a.decimal !== 'finite' || b.decimal !== 'finite') return Math.sign(rank(a) - rank(b));
  if (a.sign !== b.sign) return Math.sign(a.sign - b.sign);
  if (a.sign === 0) return 0;
  let magnitude = Math.sign(a.exponent - b.exponent);
  if (magnitude === 0) {
    const width = Math.max(a.digits.length, b.digits.length);
    const x = a.digits.padEnd(width, '0');
    const y = b.digits.padEnd(width, '0');
    magnitude = x < y ? -1 : x > y ? 1 : 0;
  }
  return magnitude * a.sign;
}
