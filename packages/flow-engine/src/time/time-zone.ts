import { instantOfLocal, localDateTimeAt, type LocalDateTime } from '@tessera/query';

/**
 * Wall-clock arithmetic in an IANA time zone, pure (Intl only: no clock, no I/O). A "local" value is the calendar
 * date and time a person in that zone reads.
 */
export type { LocalDateTime };

/** The local date and time at an instant (one Intl implementation for every engine: @tessera/query's). */
export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  return localDateTimeAt(epochMs, timeZone);
}

/** The instant showing `local` on the zone's clocks (the earlier one in a DST overlap, shifted past a gap). */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  return instantOfLocal(local, timeZone);
}

/** 'YYYY-MM-DD' of a local date. */
export function isoDate(l: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}`;
}

/** The local date `days` after `l` (time of day kept). */
export function addLocalDays(l: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return { ...l, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(l: Pick<LocalDateTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay();
}
