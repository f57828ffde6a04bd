import {
  type Condition,
  type ConditionOperator,
  type QueryableField,
  type RuleCondition,
  isContextValue,
  isNotCondition,
  isOrCondition,
  isAndCondition,
} from '@tessera/schema';
import { type ConditionContext, assertValidContext, resolveContextValue } from './condition-context';
import { InvalidConditionError } from './condition-errors';
import { validateCondition } from './condition-validation';
import { instantFromDate } from './instant';
import { isArrayKind } from './operators-by-kind';
import { parseRelativePeriod, resolveDateRange, resolveInstantRange } from './relative-period';
import { type ScalarValue, codecFor } from './value-codecs';
import type { TextPosition } from './text-case';

/**
 * A validated condition with every context value, relative period and literal resolved to normalised values.
 * condition-to-sql.ts and condition-matches.ts both walk this one structure, so the only semantics they can
 * differ on are the per-test primitives, which the agreement property test pins down.
 *
 * Two-valued logic: every test is plainly true or false. A rule on an empty (NULL) value is false for the
 * positive operators; ne / notIn / notContains are the exact complements of eq / in / contains, so they
 * INCLUDE empty values ("status is not Won" lists records without a status too).
 */
export type ResolvedCondition =
  | { type: 'constant'; value: boolean }
  | { type: 'and'; items: ResolvedCondition[] }
  | { type: 'or'; items: ResolvedCondition[] }
  | { type: 'not'; item: ResolvedCondition }
  | { type: 'rule'; field: QueryableField; negate: boolean; test: RuleTest };

export interface Bound {
  value: ScalarValue;
  inclusive: boolean;
}

/** The positive test of a rule; each is false when the field is NULL, except isEmpty. */
export type RuleTest =
  | { test: 'isEmpty' }
  | { test: 'equals'; value: ScalarValue }
  | { test: 'oneOf'; values: ScalarValue[] }
  | { test: 'range'; lower?: Bound; upper?: Bound }
  | { test: 'text'; position: TextPosition; needle: string }
  /** Array kinds: the array holds every one of `values` / at least one of them. */
  | { test: 'hasAll'; values: ScalarValue[] }
  | { test: 'hasAny'; values: ScalarValue[] };

const NEGATED: Partial<Record<ConditionOperator, ConditionOperator>> = {
  ne: 'eq',
  notIn: 'in',
  notContains: 'contains',
  isNotEmpty: 'isEmpty',
};

/** Validates, then resolves. Throws InvalidConditionError for an invalid condition, context or context value. */
export function resolveCondition(
  condition: unknown,
  fields: readonly QueryableField[],
  ctx: ConditionContext,
): ResolvedCondition {
  const issues = validateCondition(condition, fields);
  if (issues.length) throw new InvalidConditionError(issues);
  assertValidContext(ctx);
  const byKey = new Map<string, QueryableField>();
  for (const field of fields) if (!byKey.has(field.key)) byKey.set(field.key, field);
  return resolveNode(condition as Condition, '', byKey, ctx);
}

function resolveNode(
  node: Condition,
  path: string,
  fields: Map<string, QueryableField>,
  ctx: ConditionContext,
): ResolvedCondition {
  if (isAndCondition(node))
    return { type: 'and', items: node.and.map((c, i) => resolveNode(c, `${path}/and/${i}`, fields, ctx)) };
  if (isOrCondition(node))
    return { type: 'or', items: node.or.map((c, i) => resolveNode(c, `${path}/or/${i}`, fields, ctx)) };
  if (isNotCondition(node)) return { type: 'not', item: resolveNode(node.not, `${path}/not`, fields, ctx) };
  const rule = node as RuleCondition;
  const field = fields.get(rule.field) as QueryableField;
  const negate = Object.hasOwn(NEGATED, rule.op);
  const op = NEGATED[rule.op] ?? rule.op;
  const test = resolveTest(field, op, rule.value, `${path}/value`, ctx);
  // A comparison with an unknown operand (no current user, a null variable) holds for no record.
  return test ? { type: 'rule', field, negate, test } : { type: 'constant', value: negate };
}

function resolveTest(
  field: QueryableField,
  op: ConditionOperator,
  raw: unknown,
  path: string,
  ctx: ConditionContext,
): RuleTest | undefined {
  if (op === 'isEmpty') return { test: 'isEmpty' };
  const value = isContextValue(raw) ? resolveContextValue(raw, ctx, path) : raw;
  const operand = (v: unknown, at = path) => operandOf(field, v, at);
  const list = (v: unknown): ScalarValue[] =>
    (Array.isArray(v) ? v : [v]).flatMap((item, i) => {
      const resolved = operand(item, Array.isArray(v) ? `${path}/${i}` : path);
      return resolved === undefined ? [] : [resolved];
    });

  if (isArrayKind(field.kind)) {
    if (op === 'in') return nonEmpty(list(value), (values) => ({ test: 'hasAny', values }));
    // contains: an element that cannot exist (null) can never be held, so the whole test fails.
    const items = Array.isArray(value) ? value : [value];
    const values = list(value);
    return values.length === items.length ? { test: 'hasAll', values } : undefined;
  }

  switch (op) {
    case 'in':
      return nonEmpty(list(value), (values) => ({ test: 'oneOf', values }));
    case 'eq': {
      // eq with a list-valued variable (my_department) means "any of them".
      if (Array.isArray(value)) return nonEmpty(list(value), (values) => ({ test: 'oneOf', values }));
      const v = operand(value);
      return v === undefined ? undefined : { test: 'equals', value: v };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = operand(value);
      if (v === undefined) return undefined;
      const bound = { value: v, inclusive: op.endsWith('e') };
      return op.startsWith('g') ? { test: 'range', lower: bound } : { test: 'range', upper: bound };
    }
    case 'between': {
      const pair = Array.isArray(value) ? value : [];
      const resolve = (item: unknown, i: number) =>
        operand(isContextValue(item) ? resolveContextValue(item, ctx, `${path}/${i}`) : item, `${path}/${i}`);
      const low = resolve(pair[0], 0);
      const high = resolve(pair[1], 1);
      if (low === undefined || high === undefined) return undefined;
      return { test: 'range', lower: { value: low, inclusive: true }, upper: { value: high, inclusive: true } };
    }
    case 'within':
      return withinTest(field, value, path, ctx);
    case 'contains':
    case 'startsWith':
    case 'endsWith': {
      const needle = operand(value);
      return typeof needle === 'string' ? { test: 'text', position: op, needle } : undefined;
    }
    default:
      throw mismatch(path, `Operator ${op} is not supported for ${field.kind}`);
  }
}

function nonEmpty(values: ScalarValue[], make: (values: ScalarValue[]) => RuleTest): RuleTest | undefined {
  // "in no values" holds for no record; returning undefined turns the rule into a constant.
  return values.length ? make(values) : undefined;
}

/** Normalises one operand; null/undefined → undefined (unknown); a value of the wrong kind → error. */
function operandOf(field: QueryableField, value: unknown, path: string): ScalarValue | undefined {
  if (value === null || value === undefined) return undefined;
  const codec = codecFor(field.kind);
  const normalised = codec?.fromOperand(value);
  if (normalised === undefined)
    throw mismatch(
      path,
      `Context value ${preview(value)} is not a valid ${field.kind} for field ${JSON.stringify(field.key)}`,
    );
  return normalised;
}

function withinTest(field: QueryableField, value: unknown, path: string, ctx: ConditionContext): RuleTest {
  const period = parseRelativePeriod(value);
  if (!period) throw mismatch(path, `Context value ${preview(value)} is not a relative period`);
  if (field.kind === 'date') {
    const range = resolveDateRange(period, ctx);
    return {
      test: 'range',
      lower: { value: range.start, inclusive: true },
      upper: { value: range.end, inclusive: false },
    };
  }
  const range = resolveInstantRange(period, ctx);
  const start = instantFromDate(range.start);
  const end = instantFromDate(range.end);
  if (start === undefined || end === undefined) throw mismatch(path, 'The period falls outside years 0001–9999');
  return { test: 'range', lower: { value: start, inclusive: true }, upper: { value: end, inclusive: false } };
}

function mismatch(path: string, message: string): InvalidConditionError {
  return new InvalidConditionError([{ path, code: 'context_value_mismatch', message }]);
}

function preview(value: unknown): string {
  if (value instanceof Date) return 'Date';
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 60);
  } catch {
    return typeof value;
  }
}
