import type { EdgeOutcome, FlowEdge } from '@tessera/schema';
import type { Branch, NodeContext, NodeOutcome } from '../node-kind';
import { evaluate } from './data';
import { outgoingEdges } from './graph';

/** Outgoing edges of the token's node for an outcome (no `on` = normal completion). */
export function edgesFor(ctx: NodeContext, on?: EdgeOutcome): FlowEdge[] {
  return outgoingEdges(ctx.run.flow, ctx.token.nodeId).filter((e) => e.on === on);
}

/**
 * The edges a token follows: every non-default edge whose condition holds (no condition = holds), else the
 * default edges. Several matches = implicit parallel split, as in BPMN.
 */
export function selectEdges(ctx: NodeContext, on?: EdgeOutcome): FlowEdge[] {
  const candidates = edgesFor(ctx, on);
  const matched = candidates.filter((e) => !e.isDefault && (!e.condition || evaluate(ctx.run, ctx.token, e.condition)));
  return matched.length > 0 ? matched : candidates.filter((e) => e.isDefault);
}

export function toBranches(edges: FlowEdge[], extra: Omit<Branch, 'to' | 'edgeId'> = {}): Branch[] {
  return edges.map((e) => ({ to: e.to, edgeId: e.id, ...extra }));
}

/** Leave the node by the outcome's selected edges. */
export function leave(ctx: NodeContext, on?: EdgeOutcome): NodeOutcome {
  return { type: 'leave', branches: toBranches(selectEdges(ctx, on)), outcome: on };
}

/** The node's effect failed: follow `on: 'error'` edges, else fail the instance. */
export function failNode(ctx: NodeContext, reason: string): NodeOutcome {
  const edges = selectEdges(ctx, 'error');
  if (edges.length > 0) return { type: 'leave', branches: toBranches(edges), outcome: 'error' };
  return { type: 'finish', status: 'failed', reason: `Node "${ctx.token.nodeId}" failed: ${reason}` };
}
