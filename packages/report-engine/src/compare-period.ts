import type { ComparePeriod, DateBucket, RelativePeriodName } from '@tessera/schema';
import { todayInContext, type ConditionContext } from '@tessera/query';
import { addDays, bucketStart, daysBetween, shiftBucket, weekStart } from './calendar-date';

/** An inclusive range of calendar dates. */
export interface DateRange {
  from: string;
  to: string;
}

export interface ComparedRanges {
  current: DateRange;
  previous: DateRange;
}

const CALENDAR: Partial<Record<RelativePeriodName, [DateBucket, number]>> = {
  today: ['day', 0],
  yesterday: ['day', -1],
  tomorrow: ['day', 1],
  this_week: ['week', 0],
  last_week: ['week', -1],
  next_week: ['week', 1],
  this_month: ['month', 0],
  last_month: ['month', -1],
  next_month: ['month', 1],
  this_quarter: ['quarter', 0],
  last_quarter: ['quarter', -1],
  next_quarter: ['quarter', 1],
  this_year: ['year', 0],
  last_year: ['year', -1],
  next_year: ['year', 1],
};

/**
 * The period a report looks at and the one before it. Calendar periods compare with the previous calendar
 * period (March with February, Q2 with Q1; weeks start as ctx.weekStartsOn says); day counts and explicit ranges with the same number of days just
 * before. `last_n_days` = the n days ending today; `next_n_days` = the n days starting today.
 */
export function comparedRanges(period: ComparePeriod, ctx: ConditionContext): ComparedRanges {
  if ('from' in period) return withPreviousDays({ from: period.from, to: period.to });
  const today = todayInContext(ctx);
  const calendar = CALENDAR[period.period];
  if (calendar) {
    const [bucket, offset] = calendar;
    const first = bucket === 'week' ? weekStart(today, ctx.weekStartsOn) : bucketStart(today, bucket);
    const start = shiftBucket(first, bucket, offset);
    const prev = shiftBucket(start, bucket, -1);
    return {
      current: { from: start, to: addDays(shiftBucket(start, bucket, 1), -1) },
      previous: { from: prev, to: addDays(start, -1) },
    };
  }
  const n = Math.max(1, Math.floor(period.n ?? 1));
  const current =
    period.period === 'last_n_days'
      ? { from: addDays(today, -(n - 1)), to: today }
      : { from: today, to: addDays(today, n - 1) };
  return withPreviousDays(current);
}

function withPreviousDays(current: DateRange): ComparedRanges {
  const length = daysBetween(current.from, current.to) + 1;
  return { current, previous: { from: addDays(current.from, -length), to: addDays(current.from, -1) } };
}
