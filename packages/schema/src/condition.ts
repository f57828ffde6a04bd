/**
 * The ONE condition language of Tessera (DESIGN.md principle 3). Record filters, saved views, data scopes,
 * report filters, linkage rules and flow branch conditions are all written in it. `@tessera/query` compiles it
 * to parameterised SQL and evaluates it in memory with identical semantics.
 */
export type Condition = AndCondition | OrCondition | NotCondition | RuleCondition;

export interface AndCondition {
  and: Condition[];
}
export interface OrCondition {
  or: Condition[];
}
export interface NotCondition {
  not: Condition;
}

export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'in',
  'notIn',
  'isEmpty',
  'isNotEmpty',
  'within',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A value resolved from the evaluation context: the current user, their department, today, a flow variable. */
export interface ContextValue {
  $var: string;
}

export const RELATIVE_PERIODS = [
  'today',
  'yesterday',
  'tomorrow',
  'this_week',
  'last_week',
  'next_week',
  'this_month',
  'last_month',
  'next_month',
  'this_quarter',
  'last_quarter',
  'next_quarter',
  'this_year',
  'last_year',
  'next_year',
  'last_n_days',
  'next_n_days',
] as const;
export type RelativePeriodName = (typeof RELATIVE_PERIODS)[number];

/** A period relative to "now" in the tenant's time zone; `n` is required for last_n_days / next_n_days. */
export interface RelativePeriod {
  period: RelativePeriodName;
  n?: number;
}

export type ConditionScalar = string | number | boolean | null;
export type ConditionValue =
  ConditionScalar | ConditionScalar[] | ContextValue | RelativePeriod | [ConditionOperand, ConditionOperand];
export type ConditionOperand = ConditionScalar | ContextValue;

export interface RuleCondition {
  /** A field key of the form, or a system column (id, created_at, owner_id …). */
  field: string;
  op: ConditionOperator;
  value?: ConditionValue;
}

export function isAndCondition(c: Condition): c is AndCondition {
  return typeof c === 'object' && c !== null && 'and' in c;
}
export function isOrCondition(c: Condition): c is OrCondition {
  return typeof c === 'object' && c !== null && 'or' in c;
}
export function isNotCondition(c: Condition): c is NotCondition {
  return typeof c === 'object' && c !== null && 'not' in c;
}
export function isRuleCondition(c: Condition): c is RuleCondition {
  return typeof c === 'object' && c !== null && 'field' in c && 'op' in c;
}
export function isContextValue(v: unknown): v is ContextValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $var?: unknown }).$var === 'string';
}
