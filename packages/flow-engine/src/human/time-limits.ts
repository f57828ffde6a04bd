import type { AssigneeSpec } from '@tessera/schema';
import type { Timer } from '../instance';
import type { NodeContext, NodeOutcome } from '../node-kind';
import { getPath, tokenData } from '../runtime/data';
import { leave } from '../runtime/edges';
import { addHistory, emit } from '../runtime/run';
import { returnToNode } from '../runtime/return-to-node';
import { closeTask, scheduleTimer } from '../runtime/tokens';
import { addDuration } from '../time/durations';
import { dateValueToInstant } from '../time/date-value';
import { resolveOrRequest } from './assignees';
import { rejectNode } from './settle';
import { humanState, openSlot, openTasks, type HumanNode } from './slots';

/** One timer per time limit of the node: after a duration from activation, or at a date from the data. */
export function scheduleTimeLimits(ctx: NodeContext, node: HumanNode): void {
  const { run, token } = ctx;
  (node.timeLimits ?? []).forEach((limit, index) => {
    let fireAt: string | undefined;
    if (limit.after) fireAt = addDuration(run.now, limit.after, run.calendar);
    else if (limit.at) {
      const value = getPath(tokenData(run, token), limit.at.field);
      fireAt = dateValueToInstant(value, run.calendar, limit.at.offset, limit.at.atTime);
    }
    if (fireAt) scheduleTimer(run, token, limit.action, fireAt, index);
  });
}

function openAssignees(ctx: NodeContext): AssigneeSpec[] {
  return [{ type: 'users', userIds: openTasks(ctx).map((t) => t.assigneeId) }];
}

/** Escalation: the open tasks go to the first escalation user, who is notified. */
export function escalateTo(ctx: NodeContext, node: HumanNode, users: string[]): NodeOutcome {
  const target = users[0];
  if (target === undefined) return { type: 'wait' };
  const state = humanState(ctx);
  for (const slot of state.slots.filter((s) => s.state === 'open')) {
    const task = ctx.run.instance.tasks.find((t) => t.id === slot.taskId);
    if (!task || task.assigneeId === target) continue;
    closeTask(ctx.run, task, 'transferred', 'system', true);
    slot.userId = target;
    openSlot(ctx, node, slot);
  }
  addHistory(ctx.run, { actorId: 'system', nodeId: node.id, action: 'escalate', detail: target });
  emit(ctx.run, {
    type: 'notify',
    nodeId: node.id,
    recipients: [{ type: 'users', userIds: [target] }],
    title: `Escalated: ${node.name ?? node.id}`,
    reason: 'escalate',
  });
  return { type: 'wait' };
}

export function onTimeLimit(ctx: NodeContext, node: HumanNode, timer: Timer): NodeOutcome {
  const { run } = ctx;
  run.instance.timers = run.instance.timers.filter((t) => t.id !== timer.id);
  const limit = node.timeLimits?.[timer.limitIndex ?? -1];
  if (!limit) return { type: 'wait' };
  switch (limit.action) {
    case 'remind':
      emit(run, {
        type: 'notify',
        nodeId: node.id,
        recipients: openAssignees(ctx),
        title: `Reminder: ${node.name ?? node.id}`,
        reason: 'remind',
      });
      addHistory(run, { actorId: 'system', nodeId: node.id, action: 'remind' });
      if (limit.repeatEvery)
        scheduleTimer(
          run,
          ctx.token,
          'remind',
          addDuration(run.now, limit.repeatEvery, run.calendar),
          timer.limitIndex,
        );
      return { type: 'wait' };
    case 'escalate': {
      const users = resolveOrRequest(run, ctx.token, limit.escalateTo ?? [], 'escalation');
      return users ? escalateTo(ctx, node, users) : { type: 'wait' };
    }
    case 'auto_approve':
      for (const task of openTasks(ctx))
        closeTask(run, task, node.kind === 'fill' ? 'submitted' : 'approved', 'system', true);
      addHistory(run, { actorId: 'system', nodeId: node.id, action: 'auto_approve' });
      return leave(ctx);
    case 'auto_reject':
      for (const task of openTasks(ctx)) closeTask(run, task, 'rejected', 'system', true);
      addHistory(run, { actorId: 'system', nodeId: node.id, action: 'auto_reject' });
      return rejectNode(ctx, node);
    case 'auto_return': {
      const result = returnToNode(run, ctx.token, limit.returnTo ?? '', 'system', 'graph');
      if (result) return { type: 'finish', status: 'failed', reason: `auto_return: ${result.message}` };
      return { type: 'detached' };
    }
  }
}
