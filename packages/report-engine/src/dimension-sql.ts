import type { DateBucket } from '@tessera/schema';
import type { CompileState } from './compile-state';
import type { ResolvedField } from './record-relation';

/**
 * The start of the date bucket holding a value, as a timestamp: date-times are bucketed in the tenant's time
 * zone (`date_trunc('month', col AT TIME ZONE $tz)`), dates are calendar days already.
 */
export function bucketSql(
  column: string,
  kind: ResolvedField['kind'],
  bucket: DateBucket,
  state: CompileState,
): string {
  const unit = state.value(bucket, 'text');
  return kind === 'datetime'
    ? `date_trunc(${unit}, ${column} AT TIME ZONE ${state.timeZone()})`
    : `date_trunc(${unit}, ${column}::timestamp)`;
}

/** A dimension's value for one record (over `rec`). */
export function dimensionSourceSql(field: ResolvedField, bucket: DateBucket | undefined, state: CompileState): string {
  return bucket ? bucketSql(field.sql, field.kind, bucket, state) : field.sql;
}

/** A grouped dimension value as returned to the caller: buckets and dates as 'YYYY-MM-DD' text. */
export function dimensionOutputSql(
  expr: string,
  field: ResolvedField,
  bucket: DateBucket | undefined,
  state: CompileState,
): string {
  return bucket || field.kind === 'date' ? `to_char(${expr}, ${state.value('YYYY-MM-DD', 'text')})` : expr;
}
