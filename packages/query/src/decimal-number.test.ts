import { compareDecimals, decimalFromOperand, decimalFromRecord, formatDecimal, parseDecimal } from './decimal-number';

const cmp = (a: unknown, b: unknown) => {
  const x = decimalFromRecord(a);
  const y = decimalFromRecord(b);
  if (!x || !y) throw new Error('not a number');
  return compareDecimals(x, y);
};

describe('exact decimals', () => {
  it('compares numbers and numeric strings exactly', () => {
    expect(cmp('1.50', 1.5)).toBe(0);
    expect(cmp('-0.0', 0)).toBe(0);
    expect(cmp(0.1, '0.10000000000000001')).toBe(-1); // the double 0.1 is exactly '0.1' to PostgreSQL
    expect(cmp('123456789012345678901234567890', '123456789012345678901234567891')).toBe(-1);
    expect(cmp(-2, -10)).toBe(1);
    expect(cmp(1e-7, '0.0000001')).toBe(0);
    expect(cmp(1e21, '1000000000000000000000')).toBe(0);
    expect(cmp(10n, '10')).toBe(0);
  });

  it('orders NaN and infinities like PostgreSQL', () => {
    expect(cmp('NaN', 'Infinity')).toBe(1);
    expect(cmp('NaN', Number.NaN)).toBe(0);
    expect(cmp('-Infinity', -1e300)).toBe(-1);
    expect(cmp(Number.POSITIVE_INFINITY, '1e300')).toBe(1);
  });

  it('accepts only finite, sane operands', () => {
    expect(decimalFromOperand(Number.NaN)).toBeUndefined();
    expect(decimalFromOperand(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(decimalFromOperand('1e5000')).toBeUndefined();
    expect(decimalFromOperand('12abc')).toBeUndefined();
    expect(decimalFromOperand('0x10')).toBeUndefined();
    expect(decimalFromOperand(true)).toBeUndefined();
    expect(decimalFromOperand('  2.5 ')).toEqual(parseDecimal('2.5'));
  });

  it('formats a value PostgreSQL reads back exactly', () => {
    expect(formatDecimal(parseDecimal('-12.50')!)).toBe('-0.125e2');
    expect(formatDecimal(parseDecimal('0.000')!)).toBe('0');
    expect(formatDecimal(parseDecimal('.5')!)).toBe('0.5e0');
  });
});
