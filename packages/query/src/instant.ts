import { civilFromDays, daysFromCivil, formatDate, parseDateString } from './civil-date';

/**
 * Instants as bigint microseconds since the epoch — PostgreSQL's `timestamptz` precision — so an ISO string
 * with microseconds compares exactly as it does in SQL (a JS Date would drop them). Time of day (`time`
 * columns) likewise as microseconds since midnight.
 */
const DAY_MICROS = 86_400_000_000n;
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)$/i;
const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
/** 0001-01-01T00:00Z and 10000-01-01T00:00Z: the range that formats back as a 4-digit year. */
const MIN_INSTANT = BigInt(daysFromCivil({ year: 1, month: 1, day: 1 })) * DAY_MICROS;
const MAX_INSTANT = BigInt(daysFromCivil({ year: 10000, month: 1, day: 1 })) * DAY_MICROS;

function clockMicros(h: string, m: string, s: string | undefined, fraction: string | undefined): bigint | undefined {
  const hours = Number(h);
  const minutes = Number(m);
  const seconds = Number(s ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return BigInt(((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + Number((fraction ?? '').padEnd(6, '0')));
}

/** An ISO-8601 / PostgreSQL-output instant with an explicit offset ('Z', '+08', '+05:30'); undefined otherwise. */
export function parseInstant(text: string): bigint | undefined {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return undefined;
  const date = parseDateString(m[1]);
  const clock = clockMicros(m[2], m[3], m[4], m[5]);
  if (!date || clock === undefined) return undefined;
  let offsetSeconds = 0;
  if (!m[6]) {
    const [hours, minutes, seconds] = [Number(m[8]), Number(m[9] ?? 0), Number(m[10] ?? 0)];
    if (hours > 15 || minutes > 59 || seconds > 59) return undefined;
    offsetSeconds = (m[7] === '-' ? -1 : 1) * ((hours * 60 + minutes) * 60 + seconds);
  }
  const micros = BigInt(daysFromCivil(date)) * DAY_MICROS + clock - BigInt(offsetSeconds) * 1_000_000n;
  return micros >= MIN_INSTANT && micros < MAX_INSTANT ? micros : undefined;
}

export function instantFromDate(date: Date): bigint | undefined {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return undefined;
  const micros = BigInt(ms) * 1000n;
  return micros >= MIN_INSTANT && micros < MAX_INSTANT ? micros : undefined;
}

/** 'YYYY-MM-DDTHH:MM:SS.ffffffZ' — what the SQL side binds, so both sides see the same microsecond. */
export function formatInstant(micros: bigint): string {
  const days = micros / DAY_MICROS - (micros % DAY_MICROS < 0n ? 1n : 0n);
  return `${formatDate(civilFromDays(Number(days)))}T${formatClock(micros - days * DAY_MICROS)}Z`;
}

/** 'HH:MM[:SS[.ffffff]]', plus PostgreSQL's '24:00:00' (end of day). */
export function parseTimeOfDay(text: string): bigint | undefined {
  const m = TIME_PATTERN.exec(text);
  if (!m) return undefined;
  if (m[1] === '24' && Number(m[2]) === 0 && Number(m[3] ?? 0) === 0 && Number(m[4] ?? 0) === 0) return DAY_MICROS;
  return clockMicros(m[1], m[2], m[3], m[4]);
}

export function formatClock(micros: bigint): string {
  const total = Number(micros);
  const seconds = Math.floor(total / 1_000_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}.${pad(total % 1_000_000, 6)}`;
}
