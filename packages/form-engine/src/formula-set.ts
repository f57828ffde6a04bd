import type { FieldDefinition, FormulaField, MetadataIssue } from '@tessera/schema';
import type { ConditionContext } from '@tessera/query';
import { todayInContext } from '@tessera/query';
import {
  compileBounded,
  EvaluationLimitError,
  type BoundedExpression,
  type EvaluationLimits,
} from './bounded-expression';
import { FormulaError } from './errors';
import { expressionDependencies, orderByDependencies } from './formula-dependencies';
import { coerceFormulaResult } from './formula-coercion';

/**
 * The formulas of one list of fields (a form's, or a sub-table's row), compiled once, in dependency order.
 * `issues` collects syntax errors and cycles; the compiler turns them into a FormMetadataError.
 */
export interface FormulaSet {
  /** Computed fields in evaluation order. */
  formulas: { field: FormulaField; expression: BoundedExpression }[];
  /** defaultFormula expressions by field key. */
  defaults: Map<string, BoundedExpression>;
}

export function compileFormulaSet(
  fields: readonly FieldDefinition[],
  basePath: string,
  limits: EvaluationLimits,
  issues: MetadataIssue[],
): FormulaSet {
  const keys = new Set(fields.map((f) => f.key));
  const compiled = new Map<string, { field: FormulaField; expression: BoundedExpression }>();
  const deps = new Map<string, Set<string>>();
  const defaults = new Map<string, BoundedExpression>();

  fields.forEach((field, i) => {
    if (field.type === 'formula') {
      const expression = compileOrReport(
        field.formula.expression,
        `${basePath}/${i}/formula/expression`,
        limits,
        issues,
      );
      if (!expression) return;
      compiled.set(field.key, { field, expression });
      deps.set(field.key, expressionDependencies(expression.ast(), keys));
    }
    if (field.defaultFormula !== undefined) {
      const expression = compileOrReport(field.defaultFormula, `${basePath}/${i}/defaultFormula`, limits, issues);
      if (expression) defaults.set(field.key, expression);
    }
  });

  const { order, cycle } = orderByDependencies(deps);
  if (cycle.length)
    issues.push({
      path: basePath,
      code: 'formula_cycle',
      message: `Formulas depend on each other in a cycle: ${cycle.join(' → ')}`,
    });
  return { formulas: order.map((k) => compiled.get(k)!), defaults };
}

function compileOrReport(
  source: string,
  path: string,
  limits: EvaluationLimits,
  issues: MetadataIssue[],
): BoundedExpression | undefined {
  try {
    return compileBounded(source, limits);
  } catch (e) {
    const message =
      e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)
        ? String((e as { message: unknown }).message)
        : String(e);
    issues.push({ path, code: 'formula_syntax', message: `Invalid formula: ${message}` });
    return undefined;
  }
}

/** Variables every formula sees: $today, $now_iso, $userId, $timeZone and the context's vars. */
export function formulaBindings(ctx: ConditionContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...(ctx.vars ?? {}),
    today: todayInContext(ctx),
    userId: ctx.userId ?? null,
    timeZone: ctx.timeZone,
    ...extra,
  };
}

/** Evaluates one expression for one field, turning every failure into a FormulaError naming the field. */
export async function evaluateForField(
  fieldKey: string,
  expression: BoundedExpression,
  input: unknown,
  bindings: Record<string, unknown>,
): Promise<unknown> {
  try {
    return await expression.evaluate(input, bindings);
  } catch (e) {
    if (e instanceof EvaluationLimitError) throw new FormulaError(fieldKey, e.code, e.message);
    if (e instanceof RangeError) throw new FormulaError(fieldKey, 'depth', 'evaluation too deep (stack exhausted)');
    const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
    throw new FormulaError(fieldKey, 'evaluation', message);
  }
}

/** Computes every formula of a record (or row) in dependency order, in place on a copy. */
export async function computeFormulaSet(
  set: FormulaSet,
  record: Record<string, unknown>,
  ctx: ConditionContext,
  extraBindings: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const out = { ...record };
  const bindings = formulaBindings(ctx, extraBindings);
  for (const { field, expression } of set.formulas) {
    // An empty field (null, as stored) is absent to a formula, as it is before it was ever filled in:
    // `amount * (1 - discount / 100)` with no discount gives no value rather than a type error.
    const input = Object.fromEntries(Object.entries(out).filter(([, value]) => value !== null));
    const raw = await evaluateForField(field.key, expression, input, bindings);
    out[field.key] = coerceFormulaResult(raw, field.formula.resultType, ctx.timeZone, field.formula.precision) ?? null;
  }
  return out;
}
