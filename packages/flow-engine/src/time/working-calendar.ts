import { addLocalDays, fromLocal, isoDate, toLocal, weekday, type LocalDateTime } from './time-zone';

/** A tenant's working calendar. Pure data; the shell loads it and passes it in EngineDeps. */
export interface WorkingCalendar {
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  workdays: number[];
  /** Non-working dates 'YYYY-MM-DD' (public holidays). */
  holidays: string[];
  /** Working dates that fall on a non-working weekday (调休 make-up days). */
  extraWorkdays: string[];
  timeZone: string;
}

export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = {
  workdays: [1, 2, 3, 4, 5],
  holidays: [],
  extraWorkdays: [],
  timeZone: 'UTC',
};

/** Is the local date 'YYYY-MM-DD' a working day? Extra workdays win over holidays, holidays over weekdays. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.extraWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const [year, month, day] = date.split('-').map(Number);
  return calendar.workdays.includes(weekday({ year, month, day }));
}

function localIsWorkingDay(l: LocalDateTime, calendar: WorkingCalendar): boolean {
  return isWorkingDay(isoDate(l), calendar);
}

/**
 * `amount` working days after (negative: before) an instant, keeping the local time of day: counting starts with
 * the next (previous) local day and skips non-working days. 0 returns the instant itself. Fails loudly on a
 * calendar without any working day instead of looping forever.
 */
export function addWorkingDays(instant: string, amount: number, calendar: WorkingCalendar): string {
  const step = amount < 0 ? -1 : 1;
  let remaining = Math.abs(Math.trunc(amount));
  let local = toLocal(Date.parse(instant), calendar.timeZone);
  let guard = 0;
  while (remaining > 0) {
    local = addLocalDays(local, step);
    if (localIsWorkingDay(local, calendar)) remaining--;
    if (++guard > 3660 + Math.abs(amount) * 7) throw new Error('working calendar has no working days');
  }
  return new Date(fromLocal(local, calendar.timeZone)).toISOString();
}

/** Working days strictly after `from`'s local date up to and including `to`'s local date (negative if earlier). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const a = toLocal(Date.parse(from), calendar.timeZone);
  const b = toLocal(Date.parse(to), calendar.timeZone);
  const sign = isoDate(b) >= isoDate(a) ? 1 : -1;
  let cursor = a;
  let count = 0;
  while (isoDate(cursor) !== isoDate(b)) {
    cursor = addLocalDays(cursor, sign);
    if (localIsWorkingDay(cursor, calendar)) count += sign;
  }
  return count;
}
