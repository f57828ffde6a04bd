import type { Condition, JsonValue } from '@tessera/schema';
import type { JsonRecord } from './instance';
import type { WorkingCalendar } from './time/working-calendar';

/** What `$var` references and relative periods in a condition are resolved against. */
export interface ConditionContext {
  now: string;
  /** The submitter (the "me" of the condition). */
  userId: string;
  vars: JsonRecord;
  timeZone: string;
}

/**
 * The engine's injected dependencies; it stays pure. The server passes `matches` from @tessera/query (bound to
 * the form's fields) as `evaluateCondition`, and a bounded jsonata as `evaluateExpression`.
 */
export interface EngineDeps {
  /** `data` holds the record fields, `vars` and each variable flat as `vars.<name>`. */
  evaluateCondition(condition: Condition, data: Record<string, unknown>, ctx: ConditionContext): boolean;
  /**
   * Bounded jsonata. When absent, calculate nodes become `calculate` effects answered by `effect_result`, and
   * `{ $expr }` values in action nodes are passed through unevaluated for the shell.
   */
  evaluateExpression?(expression: string, input: Record<string, unknown>): JsonValue;
  /** The tenant's working calendar (working days, holidays, time zone). Default Mon–Fri, UTC. */
  calendar?: WorkingCalendar;
}

export interface StartContext {
  instanceId: string;
  /** ISO-8601 instant. */
  now: string;
  submitterId: string;
  record: JsonRecord;
  vars?: JsonRecord;
  resolvedAssignees?: Record<string, string[]>;
}
