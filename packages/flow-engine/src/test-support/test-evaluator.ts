import {
  isAndCondition,
  isContextValue,
  isNotCondition,
  isOrCondition,
  isRuleCondition,
  type Condition,
} from '@tessera/schema';
import type { ConditionContext } from '../deps';

/** A tiny condition evaluator for the engine's tests only; production injects @tessera/query's `matches`. */
export function testEvaluate(condition: Condition, data: Record<string, unknown>, ctx: ConditionContext): boolean {
  if (isAndCondition(condition)) return condition.and.every((c) => testEvaluate(c, data, ctx));
  if (isOrCondition(condition)) return condition.or.some((c) => testEvaluate(c, data, ctx));
  if (isNotCondition(condition)) return !testEvaluate(condition.not, data, ctx);
  if (!isRuleCondition(condition)) return false;
  const actual = data[condition.field];
  const raw = condition.value;
  const expected = isContextValue(raw) ? ctx.vars[raw.$var] : raw;
  switch (condition.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'gte':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'lt':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'lte':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual as never);
    case 'isEmpty':
      return actual === undefined || actual === null || actual === '';
    case 'isNotEmpty':
      return !(actual === undefined || actual === null || actual === '');
    default:
      throw new Error(`test evaluator: unsupported op ${condition.op}`);
  }
}
