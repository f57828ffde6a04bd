import type { DateField, Locale } from '@tessera/schema';
import type { FieldTypeModule, JsonSchema } from '../field-type-module';
import { parseLocaleNumber } from '../locale-number';
import { isoDate, wallClockAt, wallClockToInstant } from '../time-zone';
import { operatorsForKind } from '../value-kind-operators';
import { isEmptyInput, ok, plainText } from './module-helpers';

/** The tenant zone when the caller gives none: most tenants are in China. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const invalid = { ok: false, code: 'invalid_format' } as const;
const DATE_INPUT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const DATETIME_LOCAL = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
/** How en-US dates are written (and how format() writes them): 'M/D/YYYY', optionally ', H:MM[:SS]'. */
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** 'M/D/YYYY[, H:MM[:SS]]' → the same reading in ISO order, so the ISO paths below parse it. */
function fromUsOrder(s: string): string {
  const us = US_DATE.exec(s);
  if (!us) return s;
  const pad = (x: string) => x.padStart(2, '0');
  const day = `${us[3]}-${pad(us[1])}-${pad(us[2])}`;
  return us[4] === undefined ? day : `${day} ${pad(us[4])}:${us[5]}${us[6] === undefined ? '' : `:${us[6]}`}`;
}
const TIME_INPUT = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function rangeSchema(base: JsonSchema, field: DateField): JsonSchema {
  const schema = { ...base };
  if (field.min !== undefined) schema.formatMinimum = field.min;
  if (field.max !== undefined) schema.formatMaximum = field.max;
  return schema;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormatter(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${withTime}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    formatters.set(id, f);
  }
  return f;
}

const messages = {
  invalid_format: { 'zh-CN': '{label}不是有效的日期', 'en-US': '{label} is not a valid date' },
  too_small: { 'zh-CN': '{label}不能早于{limit}', 'en-US': '{label} must not be before {limit}' },
  too_large: { 'zh-CN': '{label}不能晚于{limit}', 'en-US': '{label} must not be after {limit}' },
};

/** 'YYYY-MM-DD'; a date-time input keeps its date in the tenant's zone. */
export const dateField: FieldTypeModule<'date'> = {
  type: 'date',
  group: 'date',
  widget: 'date-picker',
  valueKind: () => 'date',
  storage: () => 'column',
  columnType: () => 'date',
  valueSchema: (field) => rangeSchema({ type: 'string', format: 'date' }, field),
  parse(input, _field, _locale, timeZone = DEFAULT_TIME_ZONE) {
    if (isEmptyInput(input)) return ok(null);
    if (input instanceof Date)
      return Number.isNaN(input.getTime()) ? invalid : ok(isoDate(wallClockAt(input, timeZone)));
    if (typeof input !== 'string') return invalid;
    const trimmed = input.trim();
    // An en-US date with a time of day ('11/20/2026, 9:30') names its day first: keep the day.
    const s = US_DATE.test(trimmed) ? fromUsOrder(trimmed).split(' ')[0] : trimmed;
    const m = DATE_INPUT.exec(s);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return validDate(y, mo, d) ? ok(isoDate({ year: y, month: mo, day: d })) : invalid;
    }
    if (HAS_OFFSET.test(s)) {
      const t = new Date(s);
      return Number.isNaN(t.getTime()) ? invalid : ok(isoDate(wallClockAt(t, timeZone)));
    }
    return invalid;
  },
  format(value, _field, locale) {
    if (typeof value !== 'string') return plainText(value);
    const t = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(t.getTime()) ? value : dateTimeFormatter(locale, 'UTC', false).format(t);
  },
  operators: () => operatorsForKind('date'),
  messages,
};

/** A UTC instant as ISO-8601; input without an offset is wall-clock time in the tenant's zone. */
export const datetimeField: FieldTypeModule<'datetime'> = {
  type: 'datetime',
  group: 'date',
  widget: 'datetime-picker',
  valueKind: () => 'datetime',
  storage: () => 'column',
  columnType: () => 'timestamptz',
  valueSchema: (field) => rangeSchema({ type: 'string', format: 'date-time' }, field),
  parse(input, _field, _locale, timeZone = DEFAULT_TIME_ZONE) {
    if (isEmptyInput(input)) return ok(null);
    if (input instanceof Date) return Number.isNaN(input.getTime()) ? invalid : ok(input.toISOString());
    if (typeof input !== 'string') return invalid;
    const s = fromUsOrder(input.trim());
    const local = DATETIME_LOCAL.exec(s);
    if (local) {
      const [year, month, day, hour, minute, second] = local.slice(1).map((x) => Number(x ?? 0));
      if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return invalid;
      return ok(wallClockToInstant({ year, month, day, hour, minute, second }, timeZone).toISOString());
    }
    const dateOnly = DATE_INPUT.exec(s);
    if (dateOnly) {
      const [year, month, day] = dateOnly.slice(1).map(Number);
      if (!validDate(year, month, day)) return invalid;
      return ok(wallClockToInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone).toISOString());
    }
    if (!HAS_OFFSET.test(s)) return invalid;
    const t = new Date(s);
    return Number.isNaN(t.getTime()) ? invalid : ok(t.toISOString());
  },
  format(value, _field, locale, timeZone = DEFAULT_TIME_ZONE) {
    if (typeof value !== 'string') return plainText(value);
    const t = new Date(value);
    return Number.isNaN(t.getTime()) ? value : dateTimeFormatter(locale, timeZone, true).format(t);
  },
  operators: () => operatorsForKind('datetime'),
  messages,
};

/** Wall-clock 'HH:MM' or 'HH:MM:SS'. */
export const timeField: FieldTypeModule<'time'> = {
  type: 'time',
  group: 'date',
  widget: 'time-picker',
  valueKind: () => 'time',
  storage: () => 'column',
  columnType: () => 'time',
  valueSchema: (field) => rangeSchema({ type: 'string', format: 'wall-time' }, field),
  parse(input) {
    if (isEmptyInput(input)) return ok(null);
    if (typeof input !== 'string') return invalid;
    const m = TIME_INPUT.exec(input.trim());
    if (!m) return invalid;
    const [h, mi, s] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    if (h > 23 || mi > 59 || (s ?? 0) > 59) return invalid;
    const hhmm = `${String(h).padStart(2, '0')}:${m[2]}`;
    return ok(s === undefined ? hhmm : `${hhmm}:${m[3]}`);
  },
  format: (value) => plainText(value),
  operators: () => operatorsForKind('time'),
  messages: {
    ...messages,
    invalid_format: { 'zh-CN': '{label}不是有效的时间', 'en-US': '{label} is not a valid time' },
  },
};

const UNIT_SECONDS: Record<string, number> = {
  d: 86400,
  天: 86400,
  h: 3600,
  小时: 3600,
  时: 3600,
  m: 60,
  min: 60,
  分: 60,
  分钟: 60,
  s: 1,
  秒: 1,
};
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(d|天|h|小时|时|min|m|分钟|分|s|秒)/g;

/** Seconds. Input: a number of seconds, 'H:MM[:SS]', or '1d 2h 30m' / '1天2小时'. */
export const durationField: FieldTypeModule<'duration'> = {
  type: 'duration',
  group: 'date',
  widget: 'duration-input',
  valueKind: () => 'number',
  storage: () => 'column',
  columnType: () => 'numeric',
  valueSchema(field) {
    const schema: JsonSchema = { type: 'number', minimum: field.min ?? 0 };
    if (field.max !== undefined) schema.maximum = field.max;
    return schema;
  },
  parse(input) {
    if (isEmptyInput(input)) return ok(null);
    if (typeof input === 'number') return Number.isFinite(input) ? ok(input) : invalid;
    if (typeof input !== 'string') return invalid;
    const s = input.trim();
    const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(s);
    if (clock) return ok(Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0));
    let total = 0;
    let matched = '';
    for (const m of s.matchAll(DURATION_PART)) {
      total += Number(m[1]) * UNIT_SECONDS[m[2]];
      matched += m[0];
    }
    if (matched !== '' && matched.replace(/\s/g, '') === s.replace(/\s/g, '')) return ok(total);
    const n = parseLocaleNumber(s);
    return n === undefined ? invalid : ok(n);
  },
  format(value, _field, locale) {
    if (typeof value !== 'number') return plainText(value);
    const units: [number, string, string][] = [
      [86400, '天', 'd'],
      [3600, '小时', 'h'],
      [60, '分', 'm'],
      [1, '秒', 's'],
    ];
    let rest = Math.round(value);
    const parts: string[] = [];
    for (const [size, zh, en] of units) {
      const n = Math.floor(rest / size);
      rest -= n * size;
      if (n > 0) parts.push(locale === 'zh-CN' ? `${n}${zh}` : `${n}${en}`);
    }
    if (parts.length === 0) return locale === 'zh-CN' ? '0秒' : '0s';
    return parts.join(locale === 'zh-CN' ? '' : ' ');
  },
  operators: () => operatorsForKind('number'),
  messages: { invalid_format: { 'zh-CN': '{label}不是有效的时长', 'en-US': '{label} is not a valid duration' } },
};
