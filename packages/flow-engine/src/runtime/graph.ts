import type { FlowDefinition, FlowEdge } from '@tessera/schema';

export function outgoingEdges(flow: FlowDefinition, nodeId: string): FlowEdge[] {
  return flow.edges.filter((e) => e.from === nodeId);
}

export function incomingEdges(flow: FlowDefinition, nodeId: string): FlowEdge[] {
  return flow.edges.filter((e) => e.to === nodeId);
}

/** Every node reachable from `from` (itself included), optionally never passing through `stopAt`. */
export function reachable(flow: FlowDefinition, from: string | string[], stopAt?: string): Set<string> {
  const seen = new Set<string>();
  const stack = Array.isArray(from) ? [...from] : [from];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id) || id === stopAt) continue;
    seen.add(id);
    for (const e of outgoingEdges(flow, id)) stack.push(e.to);
  }
  return seen;
}

/** The body of a loop / multi-instance node: what its `on: 'body'` edges reach before coming back to it. */
export function blockBody(flow: FlowDefinition, blockId: string): Set<string> {
  const starts = outgoingEdges(flow, blockId)
    .filter((e) => e.on === 'body')
    .map((e) => e.to);
  return reachable(flow, starts, blockId);
}
