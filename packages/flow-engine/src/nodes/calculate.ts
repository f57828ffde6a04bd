import type { NodeKind } from '../node-kind';
import { toJsonRecord, tokenData } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';
import { awaitEffect, onEffectResult } from '../runtime/effect-result';

/**
 * Calculate (jsonata) into `vars.<resultVar>`: evaluated at once by an injected bounded evaluator, or else a
 * `calculate` effect the shell answers with `effect_result`.
 */
export const calculateNode: NodeKind<'calculate'> = {
  kind: 'calculate',
  run(node, instance, ctx) {
    const input = tokenData(ctx.run, ctx.token);
    const evaluateExpression = ctx.run.deps.evaluateExpression;
    if (evaluateExpression) {
      instance.vars[node.resultVar] = evaluateExpression(node.expression, input);
      return leave(ctx);
    }
    const id = emit(ctx.run, {
      type: 'calculate',
      nodeId: node.id,
      expression: node.expression,
      input: toJsonRecord(input),
    });
    return awaitEffect(ctx, id);
  },
  resume(node, instance, event, ctx) {
    return onEffectResult(ctx, event, (result) => {
      instance.vars[node.resultVar] = result;
    });
  },
};
