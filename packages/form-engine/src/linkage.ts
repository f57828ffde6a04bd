import type { Condition, FieldDefinition, LinkageRule, QueryableField } from '@tessera/schema';
import { matches, type ConditionContext } from '@tessera/query';
import { moduleOf } from './field-type-registry';

/** What the UI shows and the server enforces for one field right now. */
export interface FieldState {
  visible: boolean;
  required: boolean;
  readOnly: boolean;
}
export type LinkageState = Record<string, FieldState>;

/**
 * Linkage (联动) of one record: per-field visibleWhen/requiredWhen/readOnlyWhen, then the form's rules, then
 * containers (a hidden section or tab hides its children). A hidden field is never required: users cannot fill
 * what they cannot see, and the server must agree with the UI.
 */
export function computeLinkage(
  fields: readonly FieldDefinition[],
  rules: readonly LinkageRule[],
  record: Record<string, unknown>,
  queryable: readonly QueryableField[],
  ctx: ConditionContext,
): LinkageState {
  const holds = (c: Condition | undefined, fallback: boolean) =>
    c === undefined ? fallback : safeMatches(record, c, queryable, ctx);
  const state: LinkageState = {};
  for (const f of fields) {
    const module = moduleOf(f);
    state[f.key] = {
      visible: f.visibleWhen ? holds(f.visibleWhen, true) : !f.hidden,
      required: f.required === true || holds(f.requiredWhen, false),
      readOnly: f.readOnly === true || module.computed === true || holds(f.readOnlyWhen, false),
    };
  }
  for (const rule of rules) {
    if (!safeMatches(record, rule.when, queryable, ctx)) continue;
    for (const k of rule.show ?? []) if (state[k]) state[k].visible = true;
    for (const k of rule.hide ?? []) if (state[k]) state[k].visible = false;
    for (const k of rule.require ?? []) if (state[k]) state[k].required = true;
    for (const k of rule.readOnly ?? []) if (state[k]) state[k].readOnly = true;
  }
  // containers may nest (a section inside a tab): repeat until nothing changes
  let changed = true;
  while (changed) {
    changed = false;
    for (const f of fields) {
      const children =
        f.type === 'section' ? (f.children ?? []) : f.type === 'tabs' ? f.tabs.flatMap((t) => t.children) : [];
      if (state[f.key].visible) continue;
      for (const c of children)
        if (state[c]?.visible) {
          state[c].visible = false;
          changed = true;
        }
    }
  }
  for (const key of Object.keys(state)) if (!state[key].visible) state[key].required = false;
  return state;
}

/**
 * A value of the wrong kind makes the matcher throw; validation reports that value on its own, so for linkage
 * the condition simply does not hold.
 */
function safeMatches(
  record: Record<string, unknown>,
  condition: Condition,
  queryable: readonly QueryableField[],
  ctx: ConditionContext,
): boolean {
  try {
    return matches(record, condition, queryable, ctx);
  } catch {
    return false;
  }
}
