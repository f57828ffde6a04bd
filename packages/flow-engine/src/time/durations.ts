import type { FlowDuration } from '@tessera/schema';
import { addLocalDays, fromLocal, toLocal } from './time-zone';
import { addWorkingDays, type WorkingCalendar } from './working-calendar';

const MINUTE = 60_000;

/**
 * An instant shifted by a duration. Minutes and hours are exact; days keep the local time of day across DST;
 * working days follow the calendar.
 */
export function addDuration(instant: string, duration: FlowDuration, calendar: WorkingCalendar): string {
  const ms = Date.parse(instant);
  switch (duration.unit) {
    case 'minutes':
      return new Date(ms + duration.amount * MINUTE).toISOString();
    case 'hours':
      return new Date(ms + duration.amount * 60 * MINUTE).toISOString();
    case 'days': {
      const local = addLocalDays(toLocal(ms, calendar.timeZone), Math.trunc(duration.amount));
      return new Date(fromLocal(local, calendar.timeZone)).toISOString();
    }
    case 'working_days':
      return addWorkingDays(instant, duration.amount, calendar);
  }
}
