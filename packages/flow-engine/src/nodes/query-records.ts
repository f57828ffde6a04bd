import type { NodeKind } from '../node-kind';
import { tokenVars } from '../runtime/data';
import { emit } from '../runtime/run';
import { awaitEffect, onEffectResult } from '../runtime/effect-result';

/** Query records: the shell runs the condition (as SQL) and answers with the rows, stored in `vars.<resultVar>`. */
export const queryRecordsNode: NodeKind<'query_records'> = {
  kind: 'query_records',
  run(node, _instance, ctx) {
    const id = emit(ctx.run, {
      type: 'query_records',
      nodeId: node.id,
      form: node.form,
      condition: node.condition,
      sort: node.sort,
      limit: node.limit,
      vars: tokenVars(ctx.run, ctx.token),
    });
    return awaitEffect(ctx, id);
  },
  resume(node, instance, event, ctx) {
    return onEffectResult(ctx, event, (result) => {
      instance.vars[node.resultVar] = result;
    });
  },
};
