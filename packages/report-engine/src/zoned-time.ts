import { instantOfLocal } from '@tessera/query';

/**
 * The instant a calendar day starts in a time zone ('2024-03-01' in Asia/Shanghai → '2024-02-29T16:00:00.000Z'),
 * for conditions on date-time fields, which take explicit instants.
 */
export function startOfDayInstant(date: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(instantOfLocal({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone)).toISOString();
}
