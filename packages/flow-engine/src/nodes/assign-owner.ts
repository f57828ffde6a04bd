import type { NodeKind } from '../node-kind';
import { emit } from '../runtime/run';
import { awaitEffect, onEffectResult } from '../runtime/effect-result';

/** Assign an owner (round-robin / least-loaded, state kept by the shell); the chosen user id goes to vars. */
export const assignOwnerNode: NodeKind<'assign_owner'> = {
  kind: 'assign_owner',
  run(node, instance, ctx) {
    const id = emit(ctx.run, {
      type: 'assign_owner',
      nodeId: node.id,
      strategy: node.strategy,
      candidates: node.candidates,
      form: node.form,
      recordId: instance.record.id ?? null,
    });
    return awaitEffect(ctx, id);
  },
  resume(node, instance, event, ctx) {
    return onEffectResult(ctx, event, (result) => {
      instance.vars[node.resultVar ?? 'ownerId'] = result;
      if (node.form === undefined && typeof result === 'string') instance.record.owner_id = result;
    });
  },
};
