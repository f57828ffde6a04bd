import { DEFAULT_WORKING_CALENDAR, type EngineDeps } from '@tessera/flow-engine';
import { matches } from '@tessera/query';
import type { QueryableField, ValueKind } from '@tessera/schema';
import type { LoadedFlow } from './flow-definitions.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isContextRef(x: unknown): boolean {
  return x !== null && typeof x === 'object' && '$var' in x;
}

/** Variables (and the record of a form-less flow) carry no field types: the kind is read off the value. */
function kindOf(value: unknown): ValueKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return DATE.test(value) ? 'date' : DATETIME.test(value) ? 'datetime' : 'text';
  if (Array.isArray(value)) return 'text_array';
  if (value !== null && typeof value === 'object') return 'json';
  return 'text';
}

/**
 * Fields a condition names, with the kind its operand suggests: a variable that was never set is still a valid
 * operand (it is empty), typed like the value it is compared with.
 */
function referencedFields(condition: unknown, out: Map<string, ValueKind>): Map<string, ValueKind> {
  if (Array.isArray(condition)) for (const c of condition) referencedFields(c, out);
  else if (condition !== null && typeof condition === 'object') {
    const c = condition as Record<string, unknown>;
    if (typeof c.field === 'string') {
      const operand = Array.isArray(c.value) ? c.value[0] : c.value;
      out.set(c.field, operand === undefined || isContextRef(operand) ? 'text' : kindOf(operand));
    }
    for (const key of ['and', 'or', 'not']) if (key in c) referencedFields(c[key], out);
  }
  return out;
}

/**
 * The engine's injected dependencies for one flow: `@tessera/query`'s `matches` over the main form's fields plus
 * the instance variables (`vars.*`), so a branch condition means exactly what the same list filter means.
 * jsonata is asynchronous (bounded by time), so calculate nodes arrive as effects and are answered by the shell.
 */
export function engineDeps(flow: LoadedFlow, timeZone: string): EngineDeps {
  const known = new Map(flow.fields.map((f) => [f.key, f] as [string, QueryableField]));
  return {
    evaluateCondition(condition, data, ctx) {
      const fields = [...flow.fields];
      const added = new Set<string>();
      for (const [key, value] of Object.entries(data)) {
        if (!known.has(key) && key !== 'vars') {
          fields.push({ key, kind: kindOf(value) });
          added.add(key);
        }
      }
      for (const [key, kind] of referencedFields(condition, new Map())) {
        if (key.startsWith('vars.') && !known.has(key) && !added.has(key)) fields.push({ key, kind });
      }
      return matches(data, condition, fields, {
        now: new Date(ctx.now),
        timeZone: ctx.timeZone,
        userId: ctx.userId,
        vars: ctx.vars,
      });
    },
    calendar: { ...DEFAULT_WORKING_CALENDAR, timeZone },
  };
}
