import type { NodeKind } from '../node-kind';
import { leave } from '../runtime/edges';
import { incomingEdges } from '../runtime/graph';

/**
 * Structured discriminator (WCP9): the first branch to arrive continues; the later ones are absorbed; once every
 * incoming branch has arrived it resets for the next round.
 */
export const discriminatorNode: NodeKind<'discriminator'> = {
  kind: 'discriminator',
  run(node, instance, ctx) {
    const expected = incomingEdges(ctx.run.flow, node.id).length;
    const state = instance.joins[node.id] ?? { arrived: {}, expected, count: 0, fired: false };
    state.count = (state.count ?? 0) + 1;
    const first = !state.fired;
    state.fired = true;
    if (state.count >= expected) delete instance.joins[node.id];
    else instance.joins[node.id] = state;
    return first ? leave(ctx) : { type: 'absorb' };
  },
};
