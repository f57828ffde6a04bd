import type { CancelInstanceEvent, CancelTaskEvent, UrgeEvent, WithdrawEvent } from '../events';
import { flowError, type FlowError } from '../results';
import { finishInstance } from '../runtime/finish';
import { addHistory, emit, type Run } from '../runtime/run';
import { findToken, releaseToken } from '../runtime/tokens';

/** The submitter withdraws (撤回) the request while it runs. */
export function onWithdraw(run: Run, event: WithdrawEvent): FlowError | undefined {
  if (event.actorId !== run.instance.submitterId) {
    return flowError('not_submitter', 'Only the submitter can withdraw this request');
  }
  finishInstance(run, 'withdrawn', event.reason ?? 'Withdrawn by the submitter', event.actorId);
  return undefined;
}

/** Urge (催办): the people with open tasks are notified. */
export function onUrge(run: Run, event: UrgeEvent): FlowError | undefined {
  const open = run.instance.tasks.filter((t) => t.status === 'open');
  if (open.length === 0) return flowError('invalid_action', 'No open task to urge');
  addHistory(run, { actorId: event.actorId, action: 'urge', comment: event.comment });
  emit(run, {
    type: 'notify',
    recipients: [{ type: 'users', userIds: [...new Set(open.map((t) => t.assigneeId))] }],
    title: 'Please handle the pending request',
    body: event.comment,
    reason: 'urge',
  });
  return undefined;
}

/**
 * Cancel task (WCP19): the task's activity is withdrawn — its token and all its open tasks and timers — and the
 * branch ends there; if no work is left the instance completes (WCP11).
 */
export function onCancelTask(run: Run, event: CancelTaskEvent): FlowError | undefined {
  const task = run.instance.tasks.find((t) => t.id === event.taskId);
  if (!task) return flowError('task_not_found', `Task "${event.taskId}" does not exist`);
  const token = findToken(run, task.tokenId);
  if (task.status !== 'open' || !token) return flowError('task_closed', `Task "${task.id}" is already ${task.status}`);
  addHistory(run, {
    actorId: event.actorId ?? 'system',
    nodeId: task.nodeId,
    taskId: task.id,
    action: 'cancel_task',
    comment: event.reason,
  });
  releaseToken(run, token);
  return undefined;
}

/** Cancel case (WCP20): the whole instance is aborted. */
export function onCancelInstance(run: Run, event: CancelInstanceEvent): FlowError | undefined {
  finishInstance(run, 'cancelled', event.reason, event.actorId);
  return undefined;
}
