import type { RelativePeriod } from '@tessera/schema';
import type { ConditionContext } from './condition-context';
import { parseRelativePeriod, resolveDateRange, resolveInstantRange } from './relative-period';

// Sunday 2024-03-10, 00:30 in Shanghai (still Saturday in UTC).
const ctx: ConditionContext = { now: new Date('2024-03-09T16:30:00Z'), timeZone: 'Asia/Shanghai' };
const range = (period: RelativePeriod, extra: Partial<ConditionContext> = {}) =>
  resolveDateRange(period, { ...ctx, ...extra });

describe('relative periods', () => {
  it.each<[RelativePeriod, string, string]>([
    [{ period: 'today' }, '2024-03-10', '2024-03-11'],
    [{ period: 'yesterday' }, '2024-03-09', '2024-03-10'],
    [{ period: 'tomorrow' }, '2024-03-11', '2024-03-12'],
    [{ period: 'this_week' }, '2024-03-04', '2024-03-11'],
    [{ period: 'last_week' }, '2024-02-26', '2024-03-04'],
    [{ period: 'next_week' }, '2024-03-11', '2024-03-18'],
    [{ period: 'this_month' }, '2024-03-01', '2024-04-01'],
    [{ period: 'last_month' }, '2024-02-01', '2024-03-01'],
    [{ period: 'next_month' }, '2024-04-01', '2024-05-01'],
    [{ period: 'this_quarter' }, '2024-01-01', '2024-04-01'],
    [{ period: 'last_quarter' }, '2023-10-01', '2024-01-01'],
    [{ period: 'next_quarter' }, '2024-04-01', '2024-07-01'],
    [{ period: 'this_year' }, '2024-01-01', '2025-01-01'],
    [{ period: 'last_year' }, '2023-01-01', '2024-01-01'],
    [{ period: 'next_year' }, '2025-01-01', '2026-01-01'],
    [{ period: 'last_n_days', n: 7 }, '2024-03-04', '2024-03-11'],
    [{ period: 'last_n_days', n: 1 }, '2024-03-10', '2024-03-11'],
    [{ period: 'next_n_days', n: 7 }, '2024-03-10', '2024-03-17'],
  ])('%j is [%s, %s) in the tenant zone', (period, start, end) => {
    expect(range(period)).toEqual({ start, end });
  });

  it('starts weeks on Sunday when asked', () => {
    expect(range({ period: 'this_week' }, { weekStartsOn: 0 })).toEqual({ start: '2024-03-10', end: '2024-03-17' });
    expect(range({ period: 'last_week' }, { weekStartsOn: 0 })).toEqual({ start: '2024-03-03', end: '2024-03-10' });
  });

  it('depends on the zone, not on UTC', () => {
    expect(range({ period: 'today' }, { timeZone: 'UTC' })).toEqual({ start: '2024-03-09', end: '2024-03-10' });
  });

  it('turns periods into instants at the zone’s day boundaries, across DST', () => {
    const ny: ConditionContext = { now: new Date('2024-03-10T16:00:00Z'), timeZone: 'America/New_York' };
    const today = resolveInstantRange({ period: 'today' }, ny);
    expect(today.start.toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(today.end.toISOString()).toBe('2024-03-11T04:00:00.000Z'); // a 23-hour day
    const quarter = resolveInstantRange({ period: 'this_quarter' }, ctx);
    expect(quarter.start.toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(quarter.end.toISOString()).toBe('2024-03-31T16:00:00.000Z');
  });

  it('crosses year ends', () => {
    const newYear: ConditionContext = { now: new Date('2025-01-01T00:30:00+08:00'), timeZone: 'Asia/Shanghai' };
    expect(resolveDateRange({ period: 'last_month' }, newYear)).toEqual({ start: '2024-12-01', end: '2025-01-01' });
    expect(resolveDateRange({ period: 'last_quarter' }, newYear)).toEqual({ start: '2024-10-01', end: '2025-01-01' });
  });

  it('parses periods and shortcuts', () => {
    expect(parseRelativePeriod('this_month')).toEqual({ period: 'this_month' });
    expect(parseRelativePeriod('last_30_days')).toEqual({ period: 'last_n_days', n: 30 });
    expect(parseRelativePeriod('next_7_days')).toEqual({ period: 'next_n_days', n: 7 });
    expect(parseRelativePeriod({ period: 'last_n_days', n: 3 })).toEqual({ period: 'last_n_days', n: 3 });
    for (const bad of [
      'last_n_days',
      'last_0_days',
      'someday',
      { period: 'last_n_days' },
      { period: 'last_n_days', n: 1.5 },
      { period: 'last_n_days', n: 100000 },
      { period: 'today', n: 2 },
      { period: 'today', extra: 1 },
      null,
      ['today'],
    ])
      expect(parseRelativePeriod(bad)).toBeUndefined();
  });
});
