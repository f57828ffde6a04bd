import { isAndCondition, isNotCondition, isOrCondition, isRuleCondition, type Condition } from '@tessera/schema';

/** Every field reference a condition uses, in order of appearance, without duplicates. */
export function conditionFields(condition: Condition | undefined): string[] {
  const out = new Set<string>();
  const walk = (c: Condition): void => {
    if (isAndCondition(c)) c.and.forEach(walk);
    else if (isOrCondition(c)) c.or.forEach(walk);
    else if (isNotCondition(c)) walk(c.not);
    else if (isRuleCondition(c)) out.add(c.field);
  };
  if (condition) walk(condition);
  return [...out];
}
