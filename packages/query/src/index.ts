export * from './sql-identifier';
export * from './sql-params';
export * from './condition-errors';
export * from './condition-context';
export * from './relative-period';
export * from './operators-by-kind';
export * from './condition-validation';
export * from './condition-to-sql';
export * from './condition-matches';
export { type ResolvedCondition, type RuleTest, type Bound, resolveCondition } from './condition-resolution';
export { CASE_INSENSITIVE_COLLATION } from './text-case';
export {
  isValidTimeZone,
  wallClockMs,
  offsetMs,
  civilDateAt,
  startOfDayMs,
  localDateTimeAt,
  instantOfLocal,
  type LocalDateTime,
} from './time-zone';
export { type CivilDate, parseDateString, formatDate } from './civil-date';
