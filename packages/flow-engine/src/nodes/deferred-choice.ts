import type { NodeKind } from '../node-kind';
import { edgesFor, toBranches } from '../runtime/edges';

/**
 * Deferred choice (WCP16): every outgoing branch is offered at once as one race group; the first branch whose node
 * completes (a person acts, a timer fires) wins and the others are withdrawn (tasks and timers cancelled).
 */
export const deferredChoiceNode: NodeKind<'deferred_choice'> = {
  kind: 'deferred_choice',
  run: (_node, _instance, ctx) => ({ type: 'leave', branches: toBranches(edgesFor(ctx), { race: ctx.token.id }) }),
};
