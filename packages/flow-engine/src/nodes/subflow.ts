import type { NodeKind } from '../node-kind';
import { resolveValues } from '../runtime/data';
import { failNode, leave } from '../runtime/edges';
import { emit, nextId } from '../runtime/run';

/** Start a child instance of another flow; by default wait for it and continue when it completes. */
export const subflowNode: NodeKind<'subflow'> = {
  kind: 'subflow',
  run(node, instance, ctx) {
    const wait = node.wait ?? true;
    const childInstanceId = nextId(ctx.run, 'sub');
    const effectId = emit(ctx.run, {
      type: 'start_subflow',
      nodeId: node.id,
      childInstanceId,
      flowKey: node.flowKey,
      parentInstanceId: instance.id,
      record: instance.record,
      vars: resolveValues(ctx.run, ctx.token, node.input),
      wait,
    });
    if (!wait) return leave(ctx);
    ctx.token.awaiting = { effectId, purpose: 'subflow', childInstanceId };
    return { type: 'wait' };
  },
  resume(node, instance, event, ctx) {
    if (event.type !== 'subflow_completed') return { type: 'wait' };
    ctx.token.awaiting = undefined;
    if (event.status !== 'completed') return failNode(ctx, `subflow ${event.childInstanceId} ended ${event.status}`);
    if (node.resultVar) instance.vars[node.resultVar] = event.vars ?? {};
    return leave(ctx);
  },
};
