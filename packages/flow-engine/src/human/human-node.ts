import type { ResumeEvent } from '../events';
import type { FlowInstance } from '../instance';
import type { NodeContext, NodeOutcome } from '../node-kind';
import { flowError, type FlowError } from '../results';
import { activateHuman } from './activate';
import { resolveOrRequest } from './assignees';
import type { HumanNode } from './slots';
import { applyTaskAction } from './task-actions';
import { escalateTo, onTimeLimit } from './time-limits';

/** Shared run/resume of the human node kinds (approval, fill). */
export function runHuman(node: HumanNode, _instance: FlowInstance, ctx: NodeContext): NodeOutcome {
  const users = resolveOrRequest(ctx.run, ctx.token, node.assignees);
  return users ? activateHuman(ctx, node, users) : { type: 'wait' };
}

export function resumeHuman(
  node: HumanNode,
  instance: FlowInstance,
  event: ResumeEvent,
  ctx: NodeContext,
): NodeOutcome | FlowError {
  switch (event.type) {
    case 'assignees_resolved': {
      const purpose = ctx.token.awaiting?.purpose;
      ctx.token.awaiting = undefined;
      return purpose === 'escalation' ? escalateTo(ctx, node, event.userIds) : activateHuman(ctx, node, event.userIds);
    }
    case 'task_action': {
      const task = instance.tasks.find((t) => t.id === event.taskId);
      if (!task) return flowError('task_not_found', `Task "${event.taskId}" does not exist`);
      return applyTaskAction(ctx, node, task, event);
    }
    case 'timer_fired': {
      const timer = instance.timers.find((t) => t.id === event.timerId);
      if (!timer) return flowError('unknown_timer', `Timer "${event.timerId}" is not pending`);
      return onTimeLimit(ctx, node, timer);
    }
    default:
      return flowError('invalid_action', `Node "${node.id}" does not expect ${event.type}`);
  }
}
