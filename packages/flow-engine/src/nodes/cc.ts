import type { CcNode } from '@tessera/schema';
import { resolveOrRequest } from '../human/assignees';
import type { NodeContext, NodeKind, NodeOutcome } from '../node-kind';
import { leave } from '../runtime/edges';
import { emit, nextId } from '../runtime/run';

function copyTo(node: CcNode, ctx: NodeContext, users: string[]): NodeOutcome {
  const { run, token } = ctx;
  for (const userId of users) {
    const id = nextId(run, 'task');
    run.instance.tasks.push({
      id,
      tokenId: token.id,
      nodeId: node.id,
      type: 'cc',
      assigneeId: userId,
      status: 'cc',
      version: 1,
      createdAt: run.now,
    });
    emit(run, {
      type: 'create_task',
      task: { id, nodeId: node.id, nodeName: node.name, type: 'cc', assigneeId: userId, version: 1 },
    });
  }
  return leave(ctx);
}

/** Carbon copy 抄送: read-only inbox entries; the flow does not wait for anyone. */
export const ccNode: NodeKind<'cc'> = {
  kind: 'cc',
  run(node, _instance, ctx) {
    const users = resolveOrRequest(ctx.run, ctx.token, node.recipients);
    return users ? copyTo(node, ctx, users) : { type: 'wait' };
  },
  resume(node, _instance, event, ctx) {
    if (event.type !== 'assignees_resolved') return { type: 'wait' };
    ctx.token.awaiting = undefined;
    return copyTo(node, ctx, event.userIds);
  },
};
