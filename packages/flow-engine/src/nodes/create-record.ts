import type { NodeKind } from '../node-kind';
import { resolveValues } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';
import { awaitEffect, onEffectResult } from '../runtime/effect-result';

/** Create a record; with `resultVar` the flow waits for the created record and stores it. */
export const createRecordNode: NodeKind<'create_record'> = {
  kind: 'create_record',
  run(node, _instance, ctx) {
    const id = emit(ctx.run, {
      type: 'create_record',
      nodeId: node.id,
      form: node.form,
      values: resolveValues(ctx.run, ctx.token, node.values),
      awaitResult: node.resultVar !== undefined,
    });
    return node.resultVar !== undefined ? awaitEffect(ctx, id) : leave(ctx);
  },
  resume(node, instance, event, ctx) {
    return onEffectResult(ctx, event, (result) => {
      if (node.resultVar) instance.vars[node.resultVar] = result;
    });
  },
};
