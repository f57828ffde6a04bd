import type { NodeKind } from '../node-kind';
import { resolveValue } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';

/** Delete a record (default: the instance's own). */
export const deleteRecordNode: NodeKind<'delete_record'> = {
  kind: 'delete_record',
  run(node, instance, ctx) {
    const recordId =
      node.recordId !== undefined ? resolveValue(ctx.run, ctx.token, node.recordId) : (instance.record.id ?? null);
    emit(ctx.run, { type: 'delete_record', nodeId: node.id, form: node.form, recordId });
    return leave(ctx);
  },
};
