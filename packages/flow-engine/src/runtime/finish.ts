import type { InstanceStatus } from '../instance';
import { addHistory, emit, type Run } from './run';
import { releaseToken } from './tokens';

/** End the instance: every remaining task and timer is cancelled, the shell is told the outcome. */
export function finishInstance(
  run: Run,
  status: Exclude<InstanceStatus, 'running'>,
  reason?: string,
  actorId = 'system',
): void {
  if (run.instance.status !== 'running') return;
  for (const token of [...run.instance.tokens]) releaseToken(run, token);
  run.queue = [];
  run.instance.status = status;
  run.instance.finishedAt = run.now;
  if (reason !== undefined) run.instance.reason = reason;
  addHistory(run, { actorId, action: status, comment: reason });
  if (status === 'failed') emit(run, { type: 'instance_failed', reason: reason ?? 'failed' });
  else emit(run, { type: 'instance_completed', status, reason });
}
