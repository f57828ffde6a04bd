import type { TaskActionEvent } from '../events';
import type { Task } from '../instance';
import type { NodeContext, NodeOutcome } from '../node-kind';
import { flowError, type FlowError } from '../results';
import { closeTask } from '../runtime/tokens';
import { unique } from './assignees';
import { selfAllowed } from './activate';
import { settle } from './settle';
import { humanState, newSlot, openSlot, type HumanNode } from './slots';

/** Approve / reject / submit / transfer / add signer on a task of a human node (guards already passed). */
export function applyTaskAction(
  ctx: NodeContext,
  node: HumanNode,
  task: Task,
  event: TaskActionEvent,
): NodeOutcome | FlowError {
  const { run } = ctx;
  const state = humanState(ctx);
  const slot = state.slots.find((s) => s.id === task.slotId);
  if (!slot) return flowError('task_closed', `Task "${task.id}" no longer belongs to an approver position`);
  const action = event.action;
  switch (action.type) {
    case 'approve':
    case 'submit': {
      closeTask(run, task, action.type === 'submit' ? 'submitted' : 'approved', event.actorId, false);
      task.comment = event.comment;
      slot.state = 'approved';
      const owner =
        slot.addedBy?.position === 'before' ? state.slots.find((s) => s.id === slot.addedBy?.slotId) : undefined;
      if (owner && owner.state === 'waiting_signers') {
        const waits = state.slots.filter((s) => owner.waitsFor?.includes(s.id));
        if (waits.every((s) => s.state === 'approved')) {
          owner.waitsFor = undefined;
          openSlot(ctx, node, owner);
        }
      }
      return settle(ctx, node);
    }
    case 'reject':
      closeTask(run, task, 'rejected', event.actorId, false);
      task.comment = event.comment;
      slot.state = 'rejected';
      return settle(ctx, node);
    case 'transfer': {
      if (action.toUserId === task.assigneeId)
        return flowError('invalid_action', 'Cannot transfer a task to its assignee');
      if (action.toUserId === run.instance.submitterId && !selfAllowed(ctx, node)) {
        return flowError('self_approval_forbidden', 'The submitter may not approve their own request');
      }
      closeTask(run, task, 'transferred', event.actorId, false);
      task.comment = event.comment;
      slot.userId = action.toUserId;
      openSlot(ctx, node, slot);
      return { type: 'wait' };
    }
    case 'add_signer': {
      const taken = new Set(state.slots.filter((s) => s.state !== 'closed').map((s) => s.userId));
      const users = unique(action.userIds).filter((u) => !taken.has(u));
      if (users.length === 0) return flowError('invalid_action', 'No new signer to add');
      if (users.includes(run.instance.submitterId) && !selfAllowed(ctx, node)) {
        return flowError('self_approval_forbidden', 'The submitter may not approve their own request');
      }
      const added = users.map((u) => newSlot(ctx, u, 'added', { slotId: slot.id, position: action.position }));
      state.slots.push(...added);
      if (action.position === 'before') {
        closeTask(run, task, 'signer_added', event.actorId, false);
        slot.state = 'waiting_signers';
        slot.waitsFor = added.map((s) => s.id);
      } else {
        closeTask(run, task, 'approved', event.actorId, false);
        slot.state = 'approved';
      }
      task.comment = event.comment;
      for (const s of added) openSlot(ctx, node, s);
      return settle(ctx, node);
    }
    case 'comment':
    case 'return':
      return flowError('invalid_action', `"${action.type}" is handled by the engine, not the node`);
  }
}
