import type { Condition, ValueKind } from '@tessera/schema';
import { addDays } from './calendar-date';
import type { DateRange } from './compare-period';
import { startOfDayInstant } from './zoned-time';

/**
 * Records whose date field falls in an inclusive range of calendar days, in the shared condition language:
 * `between` the two days for a date field; for a date-time field from the first instant of the first day to
 * (excluding) the first instant of the day after the last, in the tenant's time zone.
 */
export function rangeCondition(field: string, kind: ValueKind, range: DateRange, timeZone: string): Condition {
  if (kind !== 'datetime') return { field, op: 'between', value: [range.from, range.to] };
  return {
    and: [
      { field, op: 'gte', value: startOfDayInstant(range.from, timeZone) },
      { field, op: 'lt', value: startOfDayInstant(addDays(range.to, 1), timeZone) },
    ],
  };
}
