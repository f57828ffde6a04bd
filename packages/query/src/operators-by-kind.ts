import type { ConditionOperator, ValueKind } from '@tessera/schema';

/**
 * Which operators each value kind supports — the single table the validator, the compilers and the filter UI
 * share. Text has no ordering operators on purpose: string order depends on the database collation, which
 * the in-memory matcher cannot reproduce, and no-code users rarely mean "alphabetically after".
 */
const OPERATORS_BY_KIND: Readonly<Record<ValueKind, readonly ConditionOperator[]>> = {
  text: ['eq', 'ne', 'contains', 'notContains', 'startsWith', 'endsWith', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'within', 'isEmpty', 'isNotEmpty'],
  datetime: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'within', 'isEmpty', 'isNotEmpty'],
  time: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'ne', 'isEmpty', 'isNotEmpty'],
  text_array: ['contains', 'notContains', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  uuid: ['eq', 'ne', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  uuid_array: ['contains', 'notContains', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  json: ['isEmpty', 'isNotEmpty'],
};

/** What a rule's `value` must look like, so a filter UI can pick the right input. */
export type OperandShape =
  | 'none' // isEmpty / isNotEmpty
  | 'single' // one value of the field's kind
  | 'pair' // between: [low, high], inclusive
  | 'list' // in / notIn: an array of values
  | 'singleOrList' // contains on array kinds: one element or several (all must be present)
  | 'period'; // within: a relative period

export function operatorsForKind(kind: ValueKind): readonly ConditionOperator[] {
  return OPERATORS_BY_KIND[kind] ?? [];
}

export function isOperatorAllowed(kind: ValueKind, op: ConditionOperator): boolean {
  return operatorsForKind(kind).includes(op);
}

export function isArrayKind(kind: ValueKind): kind is 'text_array' | 'uuid_array' {
  return kind === 'text_array' || kind === 'uuid_array';
}

export function operandShape(kind: ValueKind, op: ConditionOperator): OperandShape {
  switch (op) {
    case 'isEmpty':
    case 'isNotEmpty':
      return 'none';
    case 'between':
      return 'pair';
    case 'in':
    case 'notIn':
      return 'list';
    case 'within':
      return 'period';
    case 'contains':
    case 'notContains':
      return isArrayKind(kind) ? 'singleOrList' : 'single';
    default:
      return 'single';
  }
}
