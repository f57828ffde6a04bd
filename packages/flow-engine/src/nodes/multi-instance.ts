import type { MultiInstanceNode } from '@tessera/schema';
import type { NodeContext, NodeKind, NodeOutcome } from '../node-kind';
import { leave, edgesFor } from '../runtime/edges';
import { nextId } from '../runtime/run';
import { spawnToken } from '../runtime/tokens';
import { listItems } from '../runtime/list-items';

function spawnCopies(node: MultiInstanceNode, ctx: NodeContext): NodeOutcome {
  const { run, token } = ctx;
  const items = node.items !== undefined ? listItems(ctx, node.items) : undefined;
  const total = items ? items.length : Math.max(0, node.count ?? 0);
  const body = edgesFor(ctx, 'body');
  if (total === 0 || body.length === 0) return leave(ctx);
  const groupId = nextId(run, 'mi');
  run.instance.groups[groupId] = {
    nodeId: node.id,
    total,
    completed: 0,
    join: node.join,
    parentLocals: token.locals,
    parentFrames: token.frames,
    parentRace: token.race,
  };
  for (let index = 0; index < total; index++) {
    const locals = { ...(token.locals ?? {}), [node.indexVar ?? 'index']: index };
    if (items) locals[node.itemVar ?? 'item'] = items[index];
    for (const edge of body) {
      spawnToken(run, edge.to, {
        viaEdgeId: edge.id,
        locals,
        frames: [...token.frames, { type: 'mi', nodeId: node.id, groupId, index }],
      });
    }
  }
  if (!node.join) {
    delete run.instance.groups[groupId];
    return leave(ctx);
  }
  return { type: 'absorb' };
}

/**
 * Multiple instances (WCP12–14): N copies of the body path, N from the design (`count`) or from a list at run
 * time (`items`). With `join`, copies coming back are counted and the flow continues after the last one.
 */
export const multiInstanceNode: NodeKind<'multi_instance'> = {
  kind: 'multi_instance',
  run(node, instance, ctx) {
    const top = ctx.token.frames[ctx.token.frames.length - 1];
    if (top?.type !== 'mi' || top.nodeId !== node.id) return spawnCopies(node, ctx);
    const group = instance.groups[top.groupId];
    if (!group) return { type: 'absorb' };
    group.completed += 1;
    if (group.completed < group.total) return { type: 'absorb' };
    delete instance.groups[top.groupId];
    const out = leave(ctx);
    if (out.type !== 'leave') return out;
    return {
      ...out,
      branches: out.branches.map((b) => ({ ...b, frames: group.parentFrames, locals: group.parentLocals ?? {} })),
    };
  },
};
