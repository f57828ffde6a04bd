import type { FlowDuration } from '@tessera/schema';
import { addDuration } from './durations';
import { fromLocal } from './time-zone';
import type { WorkingCalendar } from './working-calendar';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant of a date / date-time value from the data, shifted by `offset`: a date without a time is read as
 * `atTime` (default 00:00) local time in the calendar's zone. Undefined when the value is not a date.
 */
export function dateValueToInstant(
  value: unknown,
  calendar: WorkingCalendar,
  offset?: FlowDuration,
  atTime?: string,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  let instant: string;
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const time = TIME.exec(atTime ?? '00:00');
    const ms = fromLocal(
      {
        year: Number(dateOnly[1]),
        month: Number(dateOnly[2]),
        day: Number(dateOnly[3]),
        hour: time ? Number(time[1]) : 0,
        minute: time ? Number(time[2]) : 0,
        second: 0,
        millisecond: 0,
      },
      calendar.timeZone,
    );
    instant = new Date(ms).toISOString();
  } else {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return undefined;
    instant = new Date(ms).toISOString();
  }
  return offset ? addDuration(instant, offset, calendar) : instant;
}
