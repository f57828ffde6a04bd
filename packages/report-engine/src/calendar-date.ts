import type { DateBucket } from '@tessera/schema';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings (dates without a time zone: computed in UTC, which has no
 * daylight saving, so a day is always a day). Weeks start on Monday, as PostgreSQL's date_trunc('week').
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && DATE_PATTERN.test(value);
}

function toUtc(date: string): Date {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new Error(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The first day of the bucket containing `date`. */
export function bucketStart(date: string, bucket: DateBucket): string {
  const d = toUtc(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (bucket) {
    case 'day':
      return fromUtc(d);
    case 'week':
      return addDays(fromUtc(d), -((d.getUTCDay() + 6) % 7));
    case 'month':
      return fromUtc(new Date(Date.UTC(y, m, 1)));
    case 'quarter':
      return fromUtc(new Date(Date.UTC(y, m - (m % 3), 1)));
    case 'year':
      return fromUtc(new Date(Date.UTC(y, 0, 1)));
  }
}

/** The first day of the bucket `k` buckets after (k < 0: before) the bucket starting at `start`. */
export function shiftBucket(start: string, bucket: DateBucket, k: number): string {
  if (bucket === 'day') return addDays(start, k);
  if (bucket === 'week') return addDays(start, 7 * k);
  const d = toUtc(bucketStart(start, bucket));
  const months = bucket === 'month' ? k : bucket === 'quarter' ? 3 * k : 12 * k;
  return fromUtc(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

/** The last day (inclusive) of the bucket starting at `start`. */
export function bucketEnd(start: string, bucket: DateBucket): string {
  return addDays(shiftBucket(bucketStart(start, bucket), bucket, 1), -1);
}

/** The first day of the week holding `date`: Monday (ISO, date_trunc) or Sunday when weekStartsOn is 0. */
export function weekStart(date: string, weekStartsOn: 0 | 1 = 1): string {
  const day = toUtc(date).getUTCDay();
  return addDays(date, -((day - weekStartsOn + 7) % 7));
}
