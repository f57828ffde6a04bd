import { operandShape, operatorsForKind } from '@tessera/query';
import {
  isAndCondition,
  isOrCondition,
  isRuleCondition,
  type Condition,
  type ConditionOperator,
  type ConditionValue,
  type RuleCondition,
  type ValueKind,
} from '@tessera/schema';

/** A group as the builder edits it: all (and) or any (or) of rules and nested groups. */
export interface ConditionGroup {
  combinator: 'and' | 'or';
  items: (RuleCondition | ConditionGroup)[];
}

export function isGroup(item: RuleCondition | ConditionGroup): item is ConditionGroup {
  return 'combinator' in item;
}

/** A stored condition → the builder's group (a lone rule becomes a group of one; `not` is not edited here). */
export function toGroup(condition: Condition | undefined | null): ConditionGroup {
  if (!condition) return { combinator: 'and', items: [] };
  if (isAndCondition(condition) || isOrCondition(condition)) {
    const list = isAndCondition(condition) ? condition.and : condition.or;
    const items = list.flatMap((c): (RuleCondition | ConditionGroup)[] =>
      isRuleCondition(c) ? [c] : isAndCondition(c) || isOrCondition(c) ? [toGroup(c)] : [],
    );
    return { combinator: isAndCondition(condition) ? 'and' : 'or', items };
  }
  return isRuleCondition(condition) ? { combinator: 'and', items: [condition] } : { combinator: 'and', items: [] };
}

/** The builder's group → a condition (undefined when empty; empty nested groups are dropped). */
export function fromGroup(group: ConditionGroup): Condition | undefined {
  const items = group.items
    .map((item) => (isGroup(item) ? fromGroup(item) : item))
    .filter((c): c is Condition => c !== undefined);
  if (items.length === 0) return undefined;
  return group.combinator === 'and' ? { and: items } : { or: items };
}

/** A new rule for a field: its first operator, with an empty value of the operator's shape. */
export function newRule(field: { key: string; kind: ValueKind }): RuleCondition {
  const op = operatorsForKind(field.kind)[0] ?? 'isNotEmpty';
  return { field: field.key, op, value: emptyValue(field.kind, op) };
}

export function emptyValue(kind: ValueKind, op: ConditionOperator): ConditionValue | undefined {
  switch (operandShape(kind, op)) {
    case 'none':
      return undefined;
    case 'pair':
      return [null, null];
    case 'list':
    case 'singleOrList':
      return [];
    case 'period':
      return { period: 'this_month' };
    default:
      return kind === 'boolean' ? true : null;
  }
}

/** Rules whose value is still missing are left out of the query (the user is still typing). */
export function isComplete(rule: RuleCondition, kind: ValueKind): boolean {
  const shape = operandShape(kind, rule.op);
  const v = rule.value;
  if (shape === 'none') return true;
  if (shape === 'pair') return Array.isArray(v) && v.length === 2 && v.every((x) => x !== null && x !== '');
  if (shape === 'list' || shape === 'singleOrList')
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '';
  return v !== null && v !== undefined && v !== '';
}

/** The condition with incomplete rules removed (what a filter sends to the server). */
export function completeCondition(
  condition: Condition | undefined,
  kindOf: (key: string) => ValueKind | undefined,
): Condition | undefined {
  const prune = (group: ConditionGroup): ConditionGroup => ({
    combinator: group.combinator,
    items: group.items
      .map((item) => (isGroup(item) ? prune(item) : item))
      .filter((item) => {
        if (isGroup(item)) return item.items.length > 0;
        const kind = kindOf(item.field);
        return kind !== undefined && isComplete(item, kind);
      }),
  });
  return fromGroup(prune(toGroup(condition)));
}

/** How many rules a condition holds (the filter button's badge). */
export function countRules(condition: Condition | undefined): number {
  const count = (group: ConditionGroup): number =>
    group.items.reduce((n, item) => n + (isGroup(item) ? count(item) : 1), 0);
  return count(toGroup(condition));
}
