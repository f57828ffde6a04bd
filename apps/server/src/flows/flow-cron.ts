import { localDateTimeAt } from '@tessera/query';

/**
 * Five-field cron ("m h dom mon dow", with *, lists, ranges and steps) evaluated in a time zone, for schedule
 * triggers. graphile-worker's own crontab is fixed at worker start; tenants publish schedules at run time, so each
 * schedule is a timer re-armed at its next occurrence.
 */
export class CronError extends Error {}

const BOUNDS: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function parseField(text: string, [min, max]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new CronError(`invalid cron field "${text}"`);
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new CronError(`cron value out of range in "${text}"`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export interface ParsedCron {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  anyDay: boolean;
  anyWeekday: boolean;
}

export function parseCron(expression: string): ParsedCron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError('cron needs 5 fields: minute hour day-of-month month day-of-week');
  const [minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, BOUNDS[i]));
  if (weekdays.has(7)) weekdays.add(0);
  return { minutes, hours, days, months, weekdays, anyDay: parts[2] === '*', anyWeekday: parts[4] === '*' };
}

/** The wall clock at `at` in the zone (the query package's one Intl implementation), with the weekday. */
function localParts(at: Date, timeZone: string) {
  const local = localDateTimeAt(at.getTime(), timeZone);
  return { ...local, weekday: new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() };
}

function matches(cron: ParsedCron, at: Date, timeZone: string): boolean {
  const p = localParts(at, timeZone);
  if (!cron.minutes.has(p.minute) || !cron.hours.has(p.hour) || !cron.months.has(p.month)) return false;
  const dayOk = cron.days.has(p.day);
  const weekdayOk = cron.weekdays.has(p.weekday);
  // Classic cron: when both day fields are restricted, either may match.
  if (!cron.anyDay && !cron.anyWeekday) return dayOk || weekdayOk;
  return dayOk && weekdayOk;
}

/** The first minute strictly after `after` that matches; searched minute by minute up to ~1 year. */
export function nextCronTime(expression: string, timeZone: string, after: Date): Date {
  const cron = parseCron(expression);
  const t = new Date(Math.floor(after.getTime() / 60000) * 60000 + 60000);
  for (let i = 0; i < 366 * 24 * 60; i++, t.setTime(t.getTime() + 60000)) {
    if (matches(cron, t, timeZone)) return new Date(t);
  }
  throw new CronError(`cron "${expression}" never fires within a year`);
}
