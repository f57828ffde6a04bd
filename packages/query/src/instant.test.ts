import { formatClock, formatInstant, parseInstant, parseTimeOfDay } from './instant';

describe('instants and times of day', () => {
  it('parses ISO and PostgreSQL output forms to microseconds', () => {
    const base = parseInstant('2024-03-10T00:00:00Z');
    expect(base).toBe(BigInt(Date.parse('2024-03-10T00:00:00Z')) * 1000n);
    expect(parseInstant('2024-03-10 08:00:00+08')).toBe(base);
    expect(parseInstant('2024-03-10T05:30+05:30')).toBe(base);
    expect(parseInstant('2024-03-10T00:00:00.000001Z')).toBe(base! + 1n);
    expect(parseInstant('2024-03-09T18:29:37-05:30:23')).toBe(base);
  });

  it('refuses instants without an offset or out of range', () => {
    for (const bad of [
      '2024-03-10T00:00:00',
      '2024-03-10',
      '2024-02-30T00:00Z',
      '2024-03-10T24:00Z',
      '2024-03-10T00:00:00.1234567Z',
      '0001-01-01T00:00+01:00',
    ])
      expect(parseInstant(bad)).toBeUndefined();
  });

  it('formats microseconds back', () => {
    expect(formatInstant(parseInstant('1969-12-31T23:59:59.999999Z')!)).toBe('1969-12-31T23:59:59.999999Z');
    expect(formatInstant(parseInstant('2024-03-10T08:00:00.5+08:00')!)).toBe('2024-03-10T00:00:00.500000Z');
  });

  it('handles times of day', () => {
    expect(parseTimeOfDay('08:30')).toBe(parseTimeOfDay('08:30:00.000'));
    expect(parseTimeOfDay('24:00:00')).toBe(86_400_000_000n);
    expect(parseTimeOfDay('24:00:01')).toBeUndefined();
    expect(parseTimeOfDay('8:30')).toBeUndefined();
    expect(formatClock(parseTimeOfDay('23:59:59.5')!)).toBe('23:59:59.500000');
  });
});
