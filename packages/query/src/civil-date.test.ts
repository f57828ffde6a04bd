import { addDays, civilFromDays, daysFromCivil, firstOfMonthOffset, parseDateString, weekday } from './civil-date';

describe('civil dates', () => {
  it('round-trips day numbers', () => {
    for (const days of [-719162, -1, 0, 1, 19792, 2932896]) expect(daysFromCivil(civilFromDays(days))).toBe(days);
    expect(daysFromCivil({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it('parses only real calendar dates', () => {
    expect(parseDateString('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDateString('0001-01-01')).toEqual({ year: 1, month: 1, day: 1 });
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-1', '0000-01-01', '2024-01-01T00:00', 20240101, null])
      expect(parseDateString(bad)).toBeUndefined();
  });

  it('does calendar arithmetic', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 2)).toEqual({ year: 2024, month: 3, day: 1 });
    expect(firstOfMonthOffset({ year: 2024, month: 1, day: 31 }, -1)).toEqual({ year: 2023, month: 12, day: 1 });
    expect(firstOfMonthOffset({ year: 2024, month: 11, day: 5 }, 14)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(weekday({ year: 2024, month: 3, day: 10 })).toBe(0); // a Sunday
    expect(weekday({ year: 1970, month: 1, day: 1 })).toBe(4);
  });
});
