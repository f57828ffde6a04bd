import type { NodeKind } from '../node-kind';
import { leave } from '../runtime/edges';
import { incomingEdges } from '../runtime/graph';

/** Structured synchronizing merge (WCP7): waits for exactly the branches its inclusive split enabled. */
export const inclusiveMergeNode: NodeKind<'inclusive_merge'> = {
  kind: 'inclusive_merge',
  run(node, instance, ctx) {
    const state = instance.joins[node.id] ?? {
      arrived: {},
      expected: incomingEdges(ctx.run.flow, node.id).length,
      count: 0,
    };
    state.count = (state.count ?? 0) + 1;
    if (state.count >= (state.expected ?? 1)) {
      delete instance.joins[node.id];
      return leave(ctx);
    }
    instance.joins[node.id] = state;
    return { type: 'absorb' };
  },
};
