import { type CivilDate, civilFromDays, daysFromCivil } from './civil-date';

/**
 * Wall-clock arithmetic in an IANA time zone using only Intl (no date library). Offsets are read from Intl at
 * the instant in question, so DST transitions (including zones whose clocks skip or repeat midnight) come out
 * right.
 */
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `epochMs` in `timeZone`, expressed as milliseconds of a UTC clock showing it. */
export function wallClockMs(epochMs: number, timeZone: string): number {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(seconds)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const days = daysFromCivil({ year: parts.year, month: parts.month, day: parts.day });
  return days * DAY_MS + ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 + (epochMs - seconds);
}

/** UTC offset of `timeZone` at `epochMs`, in milliseconds (Asia/Shanghai: +8 h). */
export function offsetMs(epochMs: number, timeZone: string): number {
  return wallClockMs(epochMs, timeZone) - epochMs;
}

/** The calendar date in `timeZone` at `epochMs`. */
export function civilDateAt(epochMs: number, timeZone: string): CivilDate {
  return civilFromDays(Math.floor(wallClockMs(epochMs, timeZone) / DAY_MS));
}

/**
 * The first instant of `date` in `timeZone`. Usually local midnight; when midnight is skipped by a DST jump
 * it is the transition instant, and when midnight happens twice it is the earlier one.
 */
export function startOfDayMs(date: CivilDate, timeZone: string): number {
  const localMidnight = daysFromCivil(date) * DAY_MS;
  // One offset before and one after cover every real zone: none changes offset twice within two days.
  const candidates = [
    localMidnight - offsetMs(localMidnight - DAY_MS, timeZone),
    localMidnight - offsetMs(localMidnight + DAY_MS, timeZone),
  ].filter((instant) => wallClockMs(instant, timeZone) >= localMidnight);
  return Math.min(...candidates);
}

/** A wall-clock reading: the calendar date and time a person in the zone sees. */
export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function localDateTimeAt(epochMs: number, timeZone: string): LocalDateTime {
  const wall = new Date(wallClockMs(epochMs, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

/** The instant the zone's clocks show `local` (the earlier one in a DST overlap, shifted past a gap). */
export function instantOfLocal(
  local: Omit<LocalDateTime, 'millisecond'> & { millisecond?: number },
  timeZone: string,
): number {
  const wanted = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond ?? 0,
  );
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const next = wanted - offsetMs(guess, timeZone);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}
