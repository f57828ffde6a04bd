import type { NodeKind } from '../node-kind';
import { resolveValue } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';

/** In-app notification; the shell resolves the recipients. */
export const notifyNode: NodeKind<'notify'> = {
  kind: 'notify',
  run(node, _instance, ctx) {
    emit(ctx.run, {
      type: 'notify',
      nodeId: node.id,
      recipients: node.recipients,
      title: resolveValue(ctx.run, ctx.token, node.title),
      body: node.body === undefined ? undefined : resolveValue(ctx.run, ctx.token, node.body),
      reason: 'node',
    });
    return leave(ctx);
  },
};
