import type { Token } from '../instance';
import { flowError, type FlowError } from '../results';
import { blockBody, reachable } from './graph';
import { addHistory, type Run } from './run';
import { releaseToken, spawnToken } from './tokens';

/**
 * Return (退回) the token's work to a node this instance already visited. Nothing between the two nodes runs:
 * the token jumps. Tokens waiting at nodes the target leads to again are withdrawn, and the join bookkeeping of
 * blocks that will be re-entered is reset, so parallel branches before the target are redone cleanly.
 * resume 'graph': when the target completes the flow proceeds as the graph says (the nodes in between run again);
 * resume 'returner': the target's completion comes straight back to the returning node, skipping them.
 */
export function returnToNode(
  run: Run,
  token: Token,
  toNodeId: string,
  actorId: string,
  resume: 'graph' | 'returner',
  comment?: string,
): FlowError | undefined {
  if (!run.nodes.has(toNodeId)) return flowError('unknown_node', `Node "${toNodeId}" does not exist`);
  if (!run.instance.visited.includes(toNodeId)) {
    return flowError('not_visited', `Node "${toNodeId}" was not visited by this instance: only earlier nodes`);
  }
  const again = reachable(run.flow, toNodeId);
  for (const other of run.instance.tokens.filter((t) => t.id !== token.id && again.has(t.nodeId))) {
    releaseToken(run, other);
  }
  for (const [nodeId] of Object.entries(run.instance.joins)) {
    const node = run.nodes.get(nodeId);
    if (node && 'split' in node && again.has(node.split)) delete run.instance.joins[nodeId];
  }
  const frames = token.frames.filter((f) => blockBody(run.flow, f.nodeId).has(toNodeId));
  releaseToken(run, token);
  spawnToken(run, toNodeId, {
    frames,
    locals: frames.length > 0 ? token.locals : undefined,
    returnTo: resume === 'returner' ? token.nodeId : undefined,
  });
  addHistory(run, { actorId, nodeId: token.nodeId, action: 'return', comment, detail: `to ${toNodeId}` });
  return undefined;
}
