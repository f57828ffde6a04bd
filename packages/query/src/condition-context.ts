import type { ContextValue } from '@tessera/schema';
import { formatDate } from './civil-date';
import { type ConditionIssue, InvalidConditionError } from './condition-errors';
import { civilDateAt, isValidTimeZone } from './time-zone';

/**
 * Everything a condition may depend on besides the record. Time comes in as `now` (never read from the clock)
 * so the same condition gives the same answer in SQL, in memory, in a flow replay and in a test.
 */
export interface ConditionContext {
  now: Date;
  /** IANA zone of the tenant/user, e.g. 'Asia/Shanghai': decides what "today" and "this week" mean. */
  timeZone: string;
  userId?: string;
  /** `my_department` matches any of these. */
  departmentIds?: string[];
  /** 1 = weeks start on Monday (ISO, the default), 0 = on Sunday. */
  weekStartsOn?: 0 | 1;
  /** Further `$var` values, e.g. flow variables. */
  vars?: Record<string, unknown>;
}

export const BUILTIN_CONTEXT_VARIABLES = ['me', 'my_department', 'today', 'now'] as const;
export type BuiltinContextVariable = (typeof BUILTIN_CONTEXT_VARIABLES)[number];

export function isBuiltinContextVariable(name: string): name is BuiltinContextVariable {
  return (BUILTIN_CONTEXT_VARIABLES as readonly string[]).includes(name);
}

/** Throws InvalidConditionError (code `invalid_context`) when the context itself is unusable. */
export function assertValidContext(ctx: ConditionContext): void {
  const issues: ConditionIssue[] = [];
  const bad = (message: string) => issues.push({ path: '', code: 'invalid_context', message });
  if (!(ctx?.now instanceof Date) || Number.isNaN(ctx.now.getTime())) bad('context.now must be a valid Date');
  if (!isValidTimeZone(ctx?.timeZone)) bad(`context.timeZone ${JSON.stringify(ctx?.timeZone)} is not an IANA zone`);
  if (ctx?.weekStartsOn !== undefined && ctx.weekStartsOn !== 0 && ctx.weekStartsOn !== 1)
    bad('context.weekStartsOn must be 0 or 1');
  if (issues.length) throw new InvalidConditionError(issues);
}

/** Today's date ('YYYY-MM-DD') in the context's time zone. */
export function todayInContext(ctx: ConditionContext): string {
  return formatDate(civilDateAt(ctx.now.getTime(), ctx.timeZone));
}

/**
 * The value of `{$var: name}`: 'me' → userId (null without a user), 'my_department' → departmentIds ([] without),
 * 'today' → 'YYYY-MM-DD' in the zone, 'now' → ISO instant, anything else → ctx.vars[name]. Built-in names
 * cannot be shadowed by vars. An unknown name throws InvalidConditionError (code `unknown_variable`) at `path`.
 */
export function resolveContextValue(value: ContextValue, ctx: ConditionContext, path = ''): unknown {
  const name = value.$var;
  switch (name) {
    case 'me':
      return ctx.userId ?? null;
    case 'my_department':
      return ctx.departmentIds ?? [];
    case 'today':
      return todayInContext(ctx);
    case 'now':
      return ctx.now.toISOString();
  }
  if (ctx.vars && Object.hasOwn(ctx.vars, name)) return ctx.vars[name] ?? null;
  throw new InvalidConditionError([
    { path, code: 'unknown_variable', message: `Unknown context variable ${JSON.stringify(name)}` },
  ]);
}
