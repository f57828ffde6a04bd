import type { NodeContext, NodeOutcome } from '../node-kind';
import { leave, selectEdges, toBranches } from '../runtime/edges';
import { primaryDecision } from './decision';
import { closeSlot, humanState, openSlot, type HumanNode } from './slots';

/** The node rejects: follow its `on: 'rejected'` edges, or the instance is rejected. */
export function rejectNode(ctx: NodeContext, node: HumanNode): NodeOutcome {
  const edges = selectEdges(ctx, 'rejected');
  if (edges.length > 0) return { type: 'leave', branches: toBranches(edges), outcome: 'rejected' };
  return { type: 'finish', status: 'rejected', reason: `Rejected at "${node.name ?? node.id}"` };
}

/**
 * After any vote: decide the node, close what no longer matters, or open the next sequential approver.
 * Added signers (加签) must always approve, whatever the mode.
 */
export function settle(ctx: NodeContext, node: HumanNode): NodeOutcome {
  const state = humanState(ctx);
  const live = state.slots.filter((s) => s.state !== 'closed');
  const added = live.filter((s) => s.role === 'added');
  if (added.some((s) => s.state === 'rejected')) return rejectNode(ctx, node);
  const decision = primaryDecision(state);
  if (decision === 'rejected') return rejectNode(ctx, node);
  if (decision === 'approved') {
    for (const slot of live) {
      const moot =
        (slot.role === 'primary' && ['open', 'queued', 'waiting_signers'].includes(slot.state)) ||
        (slot.addedBy?.position === 'before' &&
          state.slots.find((s) => s.id === slot.addedBy?.slotId)?.state === 'closed');
      if (moot) closeSlot(ctx, slot);
    }
    const stillNeeded = state.slots.filter((s) => s.role === 'added' && s.state !== 'closed' && s.state !== 'approved');
    return stillNeeded.length > 0 ? { type: 'wait' } : leave(ctx);
  }
  if (state.mode === 'sequential') {
    const busy = live.some((s) => s.role === 'primary' && (s.state === 'open' || s.state === 'waiting_signers'));
    const next = live.find((s) => s.role === 'primary' && s.state === 'queued');
    if (!busy && next) openSlot(ctx, node, next);
  }
  return { type: 'wait' };
}
