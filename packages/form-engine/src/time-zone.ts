import { instantOfLocal, localDateTimeAt } from '@tessera/query';

/**
 * Wall-clock conversions in the tenant's IANA time zone with Intl only (no date library: the engines run in the
 * browser too). Date-times are stored as UTC instants; dates and times are stored as wall-clock strings.
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const { year, month, day, hour, minute, second } = localDateTimeAt(instant.getTime(), timeZone);
  return { year, month, day, hour, minute, second };
}

/** The UTC instant at which the wall clock in `timeZone` shows `wall`. */
export function wallClockToInstant(wall: WallClock, timeZone: string): Date {
  return new Date(instantOfLocal(wall, timeZone));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(w: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Today's date in the tenant's zone, 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return isoDate(wallClockAt(now, timeZone));
}

export function formatWallClock(w: WallClock, withSeconds = false): string {
  const time = `${pad(w.hour)}:${pad(w.minute)}${withSeconds ? `:${pad(w.second)}` : ''}`;
  return `${isoDate(w)} ${time}`;
}
