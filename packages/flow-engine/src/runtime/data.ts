import type { Condition, FlowValueSource, JsonValue } from '@tessera/schema';
import type { JsonRecord, Token } from '../instance';
import type { Run } from './run';

/**
 * The data conditions and value templates see for a token: the record's fields at the top level, `vars` (instance
 * variables shadowed by the token's locals) as an object, and every variable flat as `vars.<name>`.
 */
export function tokenData(run: Run, token?: Token): Record<string, unknown> {
  const vars = tokenVars(run, token);
  const data: Record<string, unknown> = { ...run.instance.record, vars };
  for (const [k, v] of Object.entries(vars)) data[`vars.${k}`] = v;
  return data;
}

export function tokenVars(run: Run, token?: Token): JsonRecord {
  return { ...run.instance.vars, ...(token?.locals ?? {}) };
}

/** A value by key, or by a dotted path through objects and arrays. */
export function getPath(data: unknown, path: string): unknown {
  if (isObject(data) && path in data) return data[path];
  let cur: unknown = data;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Narrow an unknown to JSON (undefined → null, non-JSON leaves → null). */
export function toJson(x: unknown): JsonValue {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (Array.isArray(x)) return x.map(toJson);
  if (isObject(x)) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(x)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return null;
}

export function toJsonRecord(x: Record<string, unknown>): JsonRecord {
  const out: JsonRecord = {};
  for (const [k, v] of Object.entries(x)) if (v !== undefined) out[k] = toJson(v);
  return out;
}

export function evaluate(run: Run, token: Token | undefined, condition: Condition): boolean {
  const vars = tokenVars(run, token);
  return run.deps.evaluateCondition(condition, tokenData(run, token), {
    now: run.now,
    userId: run.instance.submitterId,
    vars,
    timeZone: run.calendar.timeZone,
  });
}

/**
 * Resolve a value template: `{ $field }` / `{ $var }` read the data, `{ $expr }` is evaluated when an evaluator is
 * injected (otherwise passed through for the shell), objects and arrays are resolved recursively.
 */
export function resolveValue(run: Run, token: Token | undefined, source: FlowValueSource): JsonValue {
  if (Array.isArray(source)) return source.map((s) => resolveValue(run, token, s));
  if (!isObject(source)) return toJson(source);
  const keys = Object.keys(source);
  if (keys.length === 1) {
    const ref = source.$field ?? source.$var;
    if (typeof ref === 'string') return toJson(getPath(tokenData(run, token), ref));
    const expr = source.$expr;
    if (typeof expr === 'string') {
      return run.deps.evaluateExpression ? run.deps.evaluateExpression(expr, tokenData(run, token)) : { $expr: expr };
    }
  }
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(source)) out[k] = resolveValue(run, token, toJson(v));
  return out;
}

export function resolveValues(
  run: Run,
  token: Token | undefined,
  values: Record<string, FlowValueSource> | undefined,
): JsonRecord {
  const out: JsonRecord = {};
  for (const [k, v] of Object.entries(values ?? {})) out[k] = resolveValue(run, token, v);
  return out;
}
