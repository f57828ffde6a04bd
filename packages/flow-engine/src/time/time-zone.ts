/**
 * Wall-clock arithmetic in an IANA time zone, pure (Intl only: no clock, no I/O). A "local" value is the calendar
 * date and time a person in that zone reads.
 */
export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

function localAsUtc(l: LocalDateTime): number {
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond);
}

/** The instant showing `local` on the zone's clocks (the earlier one in a DST overlap, shifted past a gap). */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const wanted = localAsUtc(local);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const offset = localAsUtc(toLocal(guess, timeZone)) - guess;
    const next = wanted - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
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
