import type { QueryableField } from '@tessera/schema';
import type { ConditionContext } from './condition-context';
import { InvalidRecordValueError } from './condition-errors';
import { type ResolvedCondition, type RuleTest, resolveCondition } from './condition-resolution';
import { isPlainObject } from './condition-validation';
import { isArrayKind } from './operators-by-kind';
import { matchesTextPosition } from './text-case';
import { type ScalarValue, codecFor, compareScalars, scalarsEqual } from './value-codecs';

/**
 * Evaluates a condition against one record in memory with exactly the semantics of toSql(): same NULL
 * handling, same case folding, same exact numeric and microsecond comparisons. A field's value is read from
 * `record[key]`, falling back to `record[column]` for rows keyed by column name. Throws InvalidConditionError
 * on an invalid condition and InvalidRecordValueError on a value that is not of its field's kind.
 */
export function matches(
  record: Record<string, unknown>,
  condition: unknown,
  fields: readonly QueryableField[],
  ctx: ConditionContext,
): boolean {
  return evaluate(resolveCondition(condition, fields, ctx), record);
}

/** Evaluates an already resolved condition (resolve once, test many records). */
export function evaluate(node: ResolvedCondition, record: Record<string, unknown>): boolean {
  switch (node.type) {
    case 'constant':
      return node.value;
    case 'and':
      return node.items.every((item) => evaluate(item, record));
    case 'or':
      return node.items.some((item) => evaluate(item, record));
    case 'not':
      return !evaluate(node.item, record);
    case 'rule':
      return testRecord(node.field, node.test, record) !== node.negate;
  }
}

type FieldValue =
  | { type: 'null' }
  | { type: 'scalar'; value: ScalarValue }
  | { type: 'array'; items: (ScalarValue | null)[] }
  | { type: 'json'; empty: boolean };

function testRecord(field: QueryableField, test: RuleTest, record: Record<string, unknown>): boolean {
  const value = readField(field, record);
  if (test.test === 'isEmpty') {
    if (value.type === 'scalar') return value.value === '';
    if (value.type === 'array') return value.items.length === 0;
    return value.type === 'null' || value.empty;
  }
  if (value.type === 'array') {
    // Array elements are compared like SQL array operators: a NULL element equals nothing.
    const holds = (wanted: ScalarValue) => value.items.some((item) => item !== null && scalarsEqual(item, wanted));
    if (test.test === 'hasAll') return test.values.every(holds);
    if (test.test === 'hasAny') return test.values.some(holds);
    return false;
  }
  if (value.type !== 'scalar') return false;
  const v = value.value;
  switch (test.test) {
    case 'equals':
      return scalarsEqual(v, test.value);
    case 'oneOf':
      return test.values.some((candidate) => scalarsEqual(v, candidate));
    case 'range': {
      const { lower, upper } = test;
      if (lower) {
        const c = compareScalars(v, lower.value);
        if (c < 0 || (c === 0 && !lower.inclusive)) return false;
      }
      if (upper) {
        const c = compareScalars(v, upper.value);
        if (c > 0 || (c === 0 && !upper.inclusive)) return false;
      }
      return true;
    }
    case 'text':
      return typeof v === 'string' && matchesTextPosition(v, test.needle, test.position);
    default:
      return false;
  }
}

function readField(field: QueryableField, record: Record<string, unknown>): FieldValue {
  let raw: unknown = undefined;
  if (Object.hasOwn(record, field.key)) raw = record[field.key];
  else if (field.column !== undefined && Object.hasOwn(record, field.column)) raw = record[field.column];
  if (raw === null || raw === undefined) return { type: 'null' };
  const invalid = () => new InvalidRecordValueError(field.key, field.kind, raw);

  if (field.kind === 'json') return { type: 'json', empty: isEmptyJson(raw) };
  const codec = codecFor(field.kind);
  if (!codec) throw invalid();
  if (isArrayKind(field.kind)) {
    if (!Array.isArray(raw)) throw invalid();
    const items = raw.map((item: unknown) => {
      if (item === null || item === undefined) return null;
      const normalised = codec.fromRecord(item);
      if (normalised === undefined) throw invalid();
      return normalised;
    });
    return { type: 'array', items };
  }
  const normalised = codec.fromRecord(raw);
  if (normalised === undefined) throw invalid();
  return { type: 'scalar', value: normalised };
}

/** jsonb null, "", [] and {} count as empty, like SQL NULL. */
function isEmptyJson(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}
