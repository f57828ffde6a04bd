import { CronError, nextCronTime, parseCron } from './flow-cron';

describe('cron schedules in the tenant time zone', () => {
  it('fires at 09:00 Shanghai time on weekdays', () => {
    // Saturday 2026-11-28 12:00 UTC → next weekday 09:00 in Shanghai is Monday 01:00 UTC.
    expect(nextCronTime('0 9 * * 1-5', 'Asia/Shanghai', new Date('2026-11-28T12:00:00Z')).toISOString()).toBe(
      '2026-11-30T01:00:00.000Z',
    );
  });

  it('is strictly after the given instant and honours steps', () => {
    expect(nextCronTime('*/15 * * * *', 'UTC', new Date('2026-11-25T10:15:00Z')).toISOString()).toBe(
      '2026-11-25T10:30:00.000Z',
    );
  });

  it('follows daylight saving time (New York switches on 8 March 2026)', () => {
    expect(nextCronTime('0 8 * * *', 'America/New_York', new Date('2026-03-07T14:00:00Z')).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(nextCronTime('0 8 * * *', 'America/New_York', new Date('2026-03-06T14:00:00Z')).toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
  });

  it('matches either day field when both are restricted (classic cron)', () => {
    // 1st of the month OR Sunday: from Thursday 2026-11-26, Sunday the 29th comes first.
    expect(nextCronTime('0 0 1 * 0', 'UTC', new Date('2026-11-26T00:00:00Z')).toISOString()).toBe(
      '2026-11-29T00:00:00.000Z',
    );
  });

  it('refuses malformed expressions', () => {
    expect(() => parseCron('* * *')).toThrow(CronError);
    expect(() => parseCron('61 * * * *')).toThrow(CronError);
  });
});
