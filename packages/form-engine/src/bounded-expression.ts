import jsonata from 'jsonata';

/**
 * A jsonata expression whose every evaluation is bounded in time and depth. Tenants write formulas, so an
 * endless loop or runaway recursion must end in an error, never hang the server or the browser tab.
 *
 * Same technique as jsonata's own test suite (`timeboxExpression`): hooks on `__evaluate_entry` /
 * `__evaluate_exit` count the depth and check the clock at every evaluation step. The evaluation runs on
 * microtasks only, so a timer could never interrupt it — the checks have to happen inside. Unlike the test
 * suite, the budget is per evaluation (keyed by the evaluation's base environment), so one compiled expression
 * can be evaluated concurrently for many records, each charged only for its own time.
 */
export interface EvaluationLimits {
  /** Wall-clock budget of one evaluation in ms. */
  timeoutMs: number;
  /** Maximum nesting of evaluation steps (runaway recursion). */
  maxDepth: number;
}

// 500 ms: far above any honest formula (microseconds), yet a runaway one stops fast; a GC pause under load
// (observed up to ~100 ms during bulk writes) must not fail a valid record.
export const DEFAULT_LIMITS: EvaluationLimits = { timeoutMs: 500, maxDepth: 500 };

export class EvaluationLimitError extends Error {
  constructor(
    readonly code: 'timeout' | 'depth',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationLimitError';
  }
}

interface Budget {
  /** ms spent inside this evaluation so far */
  used: number;
  depth: number;
}

/**
 * Evaluations of many records interleave on the microtask queue, so wall-clock time since the start would
 * charge one formula for the others' work. Time is charged to an evaluation only between two of its own
 * consecutive steps.
 */
let lastBudget: Budget | undefined;
let lastTick = 0;

function charge(budget: Budget): void {
  const now = Date.now();
  if (lastBudget === budget) budget.used += now - lastTick;
  lastBudget = budget;
  lastTick = now;
}

/** The parts of jsonata's environment the hooks read. */
interface HookEnvironment {
  base?: object;
  isParallelCall?: boolean;
}

// jsonata looks the hooks up by these registered symbols
const ENTRY = Symbol.for('jsonata.__evaluate_entry');
const EXIT = Symbol.for('jsonata.__evaluate_exit');

export interface BoundedExpression {
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
  ast(): jsonata.ExprNode;
}

/** Compiles once; throws jsonata's syntax error (with `position`) for a bad expression. */
export function compileBounded(source: string, limits: EvaluationLimits = DEFAULT_LIMITS): BoundedExpression {
  const expression = jsonata(source);
  const budgets = new WeakMap<object, Budget>();

  const check = (budget: Budget) => {
    if (budget.depth > limits.maxDepth)
      throw new EvaluationLimitError(
        'depth',
        `evaluation deeper than ${limits.maxDepth} steps: check for non-terminating recursion`,
      );
    charge(budget);
    if (budget.used > limits.timeoutMs)
      throw new EvaluationLimitError(
        'timeout',
        `evaluation took longer than ${limits.timeoutMs} ms: check for an infinite loop`,
      );
  };
  const budgetOf = (env: HookEnvironment): Budget | undefined => {
    const base = env.base;
    if (!base) return undefined;
    let budget = budgets.get(base);
    if (!budget) {
      // the first step of an evaluation starts its clock
      budget = { used: 0, depth: 0 };
      budgets.set(base, budget);
    }
    return budget;
  };

  // assign() is typed for names but jsonata binds symbols too: that is how the hooks are registered
  const assign = expression.assign as (name: string | symbol, value: unknown) => void;
  const assignSymbol = (name: symbol, value: unknown) => assign.call(expression, name, value);
  assignSymbol(ENTRY, (_expr: unknown, _input: unknown, env: HookEnvironment) => {
    const budget = budgetOf(env);
    if (!budget) return;
    // parallel branches are siblings, not nesting (as in jsonata's timeboxExpression)
    if (!env.isParallelCall) budget.depth++;
    check(budget);
  });
  assignSymbol(EXIT, (_expr: unknown, _input: unknown, env: HookEnvironment) => {
    const budget = budgetOf(env);
    if (!budget) return;
    if (!env.isParallelCall) budget.depth--;
    check(budget);
  });

  return {
    evaluate: (input, bindings) => expression.evaluate(input, bindings),
    ast: () => expression.ast(),
  };
}
