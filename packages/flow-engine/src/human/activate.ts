import type { NodeContext, NodeOutcome } from '../node-kind';
import { leave } from '../runtime/edges';
import { addHistory } from '../runtime/run';
import { unique } from './assignees';
import { rejectNode } from './settle';
import { newSlot, openSlot, type HumanNode } from './slots';
import { scheduleTimeLimits } from './time-limits';

/** May the submitter act on this node? Fill nodes: always; approvals: only when allowed (separation of duties). */
export function selfAllowed(ctx: NodeContext, node: HumanNode): boolean {
  if (node.kind === 'fill') return true;
  return node.allowSelfApproval ?? ctx.run.flow.settings?.allowSelfApproval ?? false;
}

/**
 * Start a human node with its resolved users: the submitter is removed unless allowed (four-eyes), one slot per
 * user, tasks opened (one at a time for sequential), time-limit timers scheduled.
 */
export function activateHuman(ctx: NodeContext, node: HumanNode, resolved: string[]): NodeOutcome {
  const { run, token } = ctx;
  let users = unique(resolved);
  if (!selfAllowed(ctx, node)) users = users.filter((u) => u !== run.instance.submitterId);
  if (users.length === 0) {
    const policy = node.whenNoAssignee ?? 'fail';
    addHistory(run, { actorId: 'system', nodeId: node.id, action: 'no_assignee', detail: policy });
    if (policy === 'auto_approve') return leave(ctx);
    if (policy === 'auto_reject') return rejectNode(ctx, node);
    return {
      type: 'finish',
      status: 'failed',
      reason: `No assignee for "${node.name ?? node.id}" (none resolved, or only the submitter under separation of duties)`,
    };
  }
  const mode = node.kind === 'fill' ? 'any' : node.mode;
  token.human = {
    mode,
    percentage: node.kind === 'approval' ? node.percentage : undefined,
    slots: users.map((u) => newSlot(ctx, u, 'primary')),
    activatedAt: run.now,
  };
  const toOpen = mode === 'sequential' ? token.human.slots.slice(0, 1) : token.human.slots;
  for (const slot of toOpen) openSlot(ctx, node, slot);
  scheduleTimeLimits(ctx, node);
  return { type: 'wait' };
}
