import type { LoopNode } from '@tessera/schema';
import type { Frame } from '../instance';
import type { NodeContext, NodeKind, NodeOutcome } from '../node-kind';
import { evaluate } from '../runtime/data';
import { leave, edgesFor, toBranches } from '../runtime/edges';
import { listItems } from '../runtime/list-items';

function continues(node: LoopNode, ctx: NodeContext, iteration: number): boolean {
  switch (node.mode) {
    case 'while':
      return node.condition ? evaluate(ctx.run, ctx.token, node.condition) : false;
    case 'repeat':
      return iteration === 0 || (node.condition ? !evaluate(ctx.run, ctx.token, node.condition) : false);
    case 'for_each':
      return iteration < listItems(ctx, node.items).length;
  }
}

/**
 * Structured loop (WCP21). A token arriving from outside starts iteration 0; one coming back from the body (it
 * carries the loop's frame) starts the next. The loop exits by its non-body edges.
 */
export const loopNode: NodeKind<'loop'> = {
  kind: 'loop',
  run(node, _instance, ctx): NodeOutcome {
    const { token } = ctx;
    const top = token.frames[token.frames.length - 1];
    const inside = top?.type === 'loop' && top.nodeId === node.id;
    const outer = inside ? token.frames.slice(0, -1) : token.frames;
    const iteration = inside && top.type === 'loop' ? top.iteration + 1 : 0;
    const max = node.maxIterations ?? 100;
    if (!continues(node, ctx, iteration)) {
      const locals = { ...(token.locals ?? {}) };
      if (node.mode === 'for_each') {
        delete locals[node.itemVar ?? 'item'];
        delete locals[node.indexVar ?? 'index'];
      }
      const out = leave(ctx);
      return out.type === 'leave'
        ? { ...out, branches: out.branches.map((b) => ({ ...b, frames: outer, locals })) }
        : out;
    }
    if (iteration >= max) {
      return { type: 'finish', status: 'failed', reason: `Loop "${node.name ?? node.id}" exceeded ${max} iterations` };
    }
    const frames: Frame[] = [...outer, { type: 'loop', nodeId: node.id, iteration }];
    const locals = { ...(token.locals ?? {}) };
    if (node.mode === 'for_each') {
      locals[node.itemVar ?? 'item'] = listItems(ctx, node.items)[iteration] ?? null;
      locals[node.indexVar ?? 'index'] = iteration;
    }
    return { type: 'leave', branches: toBranches(edgesFor(ctx, 'body'), { frames, locals }) };
  },
};
