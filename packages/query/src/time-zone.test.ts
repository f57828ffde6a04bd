import { civilDateAt, isValidTimeZone, offsetMs, startOfDayMs } from './time-zone';

const iso = (ms: number) => new Date(ms).toISOString();

describe('time zone arithmetic', () => {
  it('reads offsets from Intl', () => {
    expect(offsetMs(Date.parse('2024-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(offsetMs(Date.parse('2024-07-01T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetMs(Date.parse('2024-01-01T12:00:00Z'), 'Pacific/Chatham')).toBe(13.75 * 3_600_000);
  });

  it('finds the calendar date at an instant', () => {
    expect(civilDateAt(Date.parse('2024-03-09T16:00:00Z'), 'Asia/Shanghai')).toEqual({ year: 2024, month: 3, day: 10 });
    expect(civilDateAt(Date.parse('2024-03-10T03:59:59Z'), 'America/New_York')).toEqual({
      year: 2024,
      month: 3,
      day: 9,
    });
  });

  it('starts a day at local midnight', () => {
    expect(iso(startOfDayMs({ year: 2024, month: 3, day: 10 }, 'Asia/Shanghai'))).toBe('2024-03-09T16:00:00.000Z');
    // The day of the spring-forward jump (02:00 → 03:00) still starts at midnight, EST.
    expect(iso(startOfDayMs({ year: 2024, month: 3, day: 10 }, 'America/New_York'))).toBe('2024-03-10T05:00:00.000Z');
    expect(iso(startOfDayMs({ year: 2024, month: 3, day: 11 }, 'America/New_York'))).toBe('2024-03-11T04:00:00.000Z');
  });

  it('starts a day whose midnight is skipped at the transition', () => {
    expect(iso(startOfDayMs({ year: 2018, month: 11, day: 4 }, 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
    expect(iso(startOfDayMs({ year: 2024, month: 9, day: 8 }, 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z');
  });

  it('starts a day whose midnight happens twice at the first one', () => {
    expect(iso(startOfDayMs({ year: 2023, month: 11, day: 5 }, 'America/Havana'))).toBe('2023-11-05T04:00:00.000Z');
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(8)).toBe(false);
  });
});
