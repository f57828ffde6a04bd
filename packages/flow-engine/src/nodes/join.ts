import type { NodeKind } from '../node-kind';
import { leave } from '../runtime/edges';
import { incomingEdges } from '../runtime/graph';

/** Synchronization (WCP3): fires once a token arrived on every incoming edge, then counts the next round. */
export const joinNode: NodeKind<'join'> = {
  kind: 'join',
  run(node, instance, ctx) {
    const state = instance.joins[node.id] ?? { arrived: {} };
    const via = ctx.token.viaEdgeId ?? '?';
    state.arrived[via] = (state.arrived[via] ?? 0) + 1;
    const incoming = incomingEdges(ctx.run.flow, node.id);
    if (incoming.every((e) => (state.arrived[e.id] ?? 0) > 0)) {
      for (const e of incoming) state.arrived[e.id] -= 1;
      if (Object.values(state.arrived).every((n) => n <= 0)) delete instance.joins[node.id];
      else instance.joins[node.id] = state;
      return leave(ctx);
    }
    instance.joins[node.id] = state;
    return { type: 'absorb' };
  },
};
