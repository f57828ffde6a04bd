import type { Task, TaskStatus, TimerPurpose, Token } from '../instance';
import { emit, nextId, type Run } from './run';

export function findToken(run: Run, tokenId: string): Token | undefined {
  return run.instance.tokens.find((t) => t.id === tokenId);
}

/** A new token arriving at `nodeId`; it runs the node when the queue reaches it. */
export function spawnToken(run: Run, nodeId: string, init: Omit<Token, 'id' | 'nodeId'>): Token {
  const token: Token = { id: nextId(run, 'k'), nodeId, ...init };
  run.instance.tokens.push(token);
  run.queue.push(token.id);
  return token;
}

/** Close a task: new status, one more version. Engine-closed tasks also tell the shell (cancel_task). */
export function closeTask(run: Run, task: Task, status: TaskStatus, actorId: string, notifyShell: boolean): void {
  task.status = status;
  task.version += 1;
  task.closedAt = run.now;
  task.actorId = actorId;
  if (notifyShell) emit(run, { type: 'cancel_task', taskId: task.id, reason: status });
}

export function cancelTimer(run: Run, timerId: string): void {
  const before = run.instance.timers.length;
  run.instance.timers = run.instance.timers.filter((t) => t.id !== timerId);
  if (run.instance.timers.length !== before) emit(run, { type: 'cancel_timer', timerId });
}

/** Remove a token: its open tasks are cancelled, its timers cancelled, it leaves the queue. */
export function releaseToken(run: Run, token: Token): void {
  for (const task of run.instance.tasks) {
    if (task.tokenId === token.id && task.status === 'open') closeTask(run, task, 'cancelled', 'system', true);
  }
  for (const timer of run.instance.timers.filter((t) => t.tokenId === token.id)) cancelTimer(run, timer.id);
  run.instance.tokens = run.instance.tokens.filter((t) => t.id !== token.id);
  run.queue = run.queue.filter((id) => id !== token.id);
}

export function scheduleTimer(
  run: Run,
  token: Token,
  purpose: TimerPurpose,
  fireAt: string,
  limitIndex?: number,
): string {
  const timerId = nextId(run, 'timer');
  run.instance.timers.push({ id: timerId, tokenId: token.id, nodeId: token.nodeId, purpose, fireAt, limitIndex });
  emit(run, { type: 'schedule_timer', timerId, fireAt, purpose, nodeId: token.nodeId });
  return timerId;
}
