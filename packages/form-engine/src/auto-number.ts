import { DEFAULT_TIME_ZONE } from './field-types/date-time';
import { wallClockAt, type WallClock } from './time-zone';

/**
 * Auto-number (流水号) patterns: {YYYY} {YY} {MM} {DD} are the date in the tenant's zone, {0000} is the
 * sequence zero-padded to the number of zeros (longer sequences are not cut). Everything else is literal.
 */
const TOKEN = /\{(YYYY|YY|MM|DD|0+)\}/g;

function fill(pattern: string, w: WallClock, sequence: number | undefined): string {
  return pattern.replace(TOKEN, (whole, token: string) => {
    switch (token) {
      case 'YYYY':
        return String(w.year).padStart(4, '0');
      case 'YY':
        return String(w.year % 100).padStart(2, '0');
      case 'MM':
        return String(w.month).padStart(2, '0');
      case 'DD':
        return String(w.day).padStart(2, '0');
      default:
        return sequence === undefined ? whole : String(sequence).padStart(token.length, '0');
    }
  });
}

export function nextAutoNumber(pattern: string, date: Date, sequence: number, timeZone = DEFAULT_TIME_ZONE): string {
  return fill(pattern, wallClockAt(date, timeZone), sequence);
}

/**
 * The counter a sequence belongs to: the pattern with only its date parts filled in. 'HT-{YYYY}{MM}-{0000}'
 * counts per month ('HT-202403-{0000}'), 'C{0000}' never resets. The server keeps one counter per key.
 */
export function autoNumberCounterKey(pattern: string, date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return fill(pattern, wallClockAt(date, timeZone), undefined);
}
