import { RELATIVE_PERIODS, type RelativePeriod, type RelativePeriodName } from '@tessera/schema';
import { type CivilDate, addDays, firstOfMonthOffset, formatDate, weekday } from './civil-date';
import type { ConditionContext } from './condition-context';
import { civilDateAt, startOfDayMs } from './time-zone';

/**
 * Relative periods ("this month", "last 7 days") resolved to concrete half-open ranges [start, end) in the
 * context's time zone. Day counting: `last_n_days` = the n days ending today, today included
 * (n = 1 is today); `next_n_days` = today and the n − 1 days after it. Both include today because that is what
 * people mean by "in the last 7 days" on a CRM list, and it makes last_1_days = next_1_days = today.
 */
export const MAX_RELATIVE_DAYS = 36_600;

const N_DAY_PERIODS: readonly RelativePeriodName[] = ['last_n_days', 'next_n_days'];
const SHORTCUT_PATTERN = /^(last|next)_(\d{1,5})_days$/;

export interface DateRange {
  /** First day in the range, 'YYYY-MM-DD'. */
  start: string;
  /** First day after the range (exclusive). */
  end: string;
}

export interface InstantRange {
  start: Date;
  /** Exclusive. */
  end: Date;
}

export function isRelativePeriodName(value: unknown): value is RelativePeriodName {
  return typeof value === 'string' && (RELATIVE_PERIODS as readonly string[]).includes(value);
}

/**
 * Reads a `within` value: `{period, n?}`, or a named shortcut string — 'this_month', 'last_7_days',
 * 'next_30_days'. Returns undefined when it is not a valid period (n missing, not a whole number 1…36600,
 * or given for a period that takes none).
 */
export function parseRelativePeriod(value: unknown): RelativePeriod | undefined {
  if (typeof value === 'string') {
    const shortcut = SHORTCUT_PATTERN.exec(value);
    if (shortcut)
      return checked({ period: shortcut[1] === 'last' ? 'last_n_days' : 'next_n_days', n: Number(shortcut[2]) });
    return isRelativePeriodName(value) && !N_DAY_PERIODS.includes(value) ? { period: value } : undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.some((key) => key !== 'period' && key !== 'n')) return undefined;
  const { period, n } = value as { period?: unknown; n?: unknown };
  if (!isRelativePeriodName(period)) return undefined;
  if (N_DAY_PERIODS.includes(period)) return typeof n === 'number' ? checked({ period, n }) : undefined;
  return n === undefined ? { period } : undefined;
}

function checked(period: RelativePeriod): RelativePeriod | undefined {
  const n = period.n ?? 0;
  return Number.isInteger(n) && n >= 1 && n <= MAX_RELATIVE_DAYS ? period : undefined;
}

/** The calendar-date range of a period, for `date` fields. */
export function resolveDateRange(period: RelativePeriod, ctx: ConditionContext): DateRange {
  const [start, end] = civilRange(period, ctx);
  return { start: formatDate(start), end: formatDate(end) };
}

/** The instant range of a period, for `datetime` fields: from the first instant of the first day to the first of the day after. */
export function resolveInstantRange(period: RelativePeriod, ctx: ConditionContext): InstantRange {
  const [start, end] = civilRange(period, ctx);
  return { start: new Date(startOfDayMs(start, ctx.timeZone)), end: new Date(startOfDayMs(end, ctx.timeZone)) };
}

function civilRange(period: RelativePeriod, ctx: ConditionContext): [CivilDate, CivilDate] {
  const today = civilDateAt(ctx.now.getTime(), ctx.timeZone);
  const days = (offset: number, length: number): [CivilDate, CivilDate] => [
    addDays(today, offset),
    addDays(today, offset + length),
  ];
  const weeks = (offset: number): [CivilDate, CivilDate] => {
    const weekStart = addDays(today, -((weekday(today) - (ctx.weekStartsOn ?? 1) + 7) % 7) + offset * 7);
    return [weekStart, addDays(weekStart, 7)];
  };
  const months = (offset: number, length: number): [CivilDate, CivilDate] => [
    firstOfMonthOffset(today, offset),
    firstOfMonthOffset(today, offset + length),
  ];
  const quarterStart = -((today.month - 1) % 3);
  const yearStart = -(today.month - 1);
  const n = period.n ?? 1;
  switch (period.period) {
    case 'today':
      return days(0, 1);
    case 'yesterday':
      return days(-1, 1);
    case 'tomorrow':
      return days(1, 1);
    case 'this_week':
      return weeks(0);
    case 'last_week':
      return weeks(-1);
    case 'next_week':
      return weeks(1);
    case 'this_month':
      return months(0, 1);
    case 'last_month':
      return months(-1, 1);
    case 'next_month':
      return months(1, 1);
    case 'this_quarter':
      return months(quarterStart, 3);
    case 'last_quarter':
      return months(quarterStart - 3, 3);
    case 'next_quarter':
      return months(quarterStart + 3, 3);
    case 'this_year':
      return months(yearStart, 12);
    case 'last_year':
      return months(yearStart - 12, 12);
    case 'next_year':
      return months(yearStart + 12, 12);
    case 'last_n_days':
      return days(1 - n, n);
    case 'next_n_days':
      return days(0, n);
  }
}
