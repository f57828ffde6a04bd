import type { NodeKind } from '../node-kind';
import { resolveValue } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';

/** Email through the outbox. */
export const emailNode: NodeKind<'email'> = {
  kind: 'email',
  run(node, _instance, ctx) {
    const value = (v: Parameters<typeof resolveValue>[2]) => resolveValue(ctx.run, ctx.token, v);
    emit(ctx.run, {
      type: 'email',
      nodeId: node.id,
      recipients: node.recipients ?? [],
      addresses: (node.addresses ?? []).map(value),
      subject: value(node.subject),
      body: value(node.body),
    });
    return leave(ctx);
  },
};
