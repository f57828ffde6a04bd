import type { NodeKind } from '../node-kind';
import { resolveValue, resolveValues } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';

/** SMS through the provider adapter (outbox). */
export const smsNode: NodeKind<'sms'> = {
  kind: 'sms',
  run(node, _instance, ctx) {
    emit(ctx.run, {
      type: 'sms',
      nodeId: node.id,
      recipients: node.recipients ?? [],
      phones: (node.phones ?? []).map((p) => resolveValue(ctx.run, ctx.token, p)),
      template: node.template,
      params: resolveValues(ctx.run, ctx.token, node.params),
    });
    return leave(ctx);
  },
};
