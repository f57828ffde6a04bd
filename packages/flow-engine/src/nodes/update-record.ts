import type { NodeKind } from '../node-kind';
import { resolveValue, resolveValues } from '../runtime/data';
import { leave } from '../runtime/edges';
import { emit } from '../runtime/run';

/** Update a record (default: the instance's own, whose snapshot is updated too). */
export const updateRecordNode: NodeKind<'update_record'> = {
  kind: 'update_record',
  run(node, instance, ctx) {
    const ownId = instance.record.id ?? null;
    const recordId = node.recordId !== undefined ? resolveValue(ctx.run, ctx.token, node.recordId) : ownId;
    const values = resolveValues(ctx.run, ctx.token, node.values);
    if (recordId === ownId && (node.form === undefined || node.form === ctx.run.flow.form)) {
      Object.assign(instance.record, values);
    }
    emit(ctx.run, { type: 'update_record', nodeId: node.id, form: node.form, recordId, values });
    return leave(ctx);
  },
};
