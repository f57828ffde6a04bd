import { dateTriggerFireAt } from './trigger-time';
import { addDuration } from './durations';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkingCalendar } from './working-calendar';

const cn: WorkingCalendar = {
  workdays: [1, 2, 3, 4, 5],
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06'],
  extraWorkdays: ['2025-09-28', '2025-10-11'],
  timeZone: 'Asia/Shanghai',
};

describe('working days', () => {
  it('knows weekdays, holidays and make-up working days (调休)', () => {
    expect(isWorkingDay('2025-09-30', cn)).toBe(true); // Tuesday
    expect(isWorkingDay('2025-10-01', cn)).toBe(false); // holiday
    expect(isWorkingDay('2025-10-04', cn)).toBe(false); // Saturday
    expect(isWorkingDay('2025-10-11', cn)).toBe(true); // Saturday, make-up day
  });

  it('adds working days in the tenant time zone, keeping the local time', () => {
    // Tue 30 Sep 10:00 Shanghai + 1 → Tue 7 Oct (1–3 holidays, 4–5 weekend, 6 holiday)
    expect(addWorkingDays('2025-09-30T02:00:00.000Z', 1, cn)).toBe('2025-10-07T02:00:00.000Z');
    // 23:30 UTC on Friday is already Saturday in Shanghai: + 1 → Monday
    expect(addWorkingDays('2025-03-07T23:30:00.000Z', 1, cn)).toBe('2025-03-09T23:30:00.000Z');
    expect(addWorkingDays('2025-10-07T02:00:00.000Z', -1, cn)).toBe('2025-09-30T02:00:00.000Z');
    expect(addWorkingDays('2025-10-07T02:00:00.000Z', 0, cn)).toBe('2025-10-07T02:00:00.000Z');
    expect(workingDaysBetween('2025-09-30T02:00:00.000Z', '2025-10-11T02:00:00.000Z', cn)).toBe(5);
  });

  it('adds calendar days across a DST change at the same local time', () => {
    const berlin = { ...cn, timeZone: 'Europe/Berlin' };
    // Sat 29 Mar 2025 09:00 CET (+01) → Sun 30 Mar 09:00 CEST (+02)
    expect(addDuration('2025-03-29T08:00:00.000Z', { amount: 1, unit: 'days' }, berlin)).toBe(
      '2025-03-30T07:00:00.000Z',
    );
  });

  it('computes date-field trigger times, negative offsets included', () => {
    const trigger = {
      type: 'date_field' as const,
      form: 'contacts',
      field: 'birthday',
      offset: { amount: -7, unit: 'days' as const },
      atTime: '09:00',
    };
    expect(dateTriggerFireAt(trigger, '2025-05-20', cn)).toBe('2025-05-13T01:00:00.000Z');
    expect(dateTriggerFireAt(trigger, null, cn)).toBeUndefined();
  });
});
