import type { DateFieldTrigger } from '@tessera/schema';
import { dateValueToInstant } from './date-value';
import type { WorkingCalendar } from './working-calendar';

/**
 * When a date-field trigger fires for a record ("7 days before the birthday" = offset -7 days): the shell
 * schedules one job per record at this instant. Undefined when the field holds no date.
 */
export function dateTriggerFireAt(
  trigger: DateFieldTrigger,
  fieldValue: unknown,
  calendar: WorkingCalendar,
): string | undefined {
  return dateValueToInstant(fieldValue, calendar, trigger.offset, trigger.atTime);
}
