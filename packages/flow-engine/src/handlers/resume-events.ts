import type {
  AssigneesResolvedEvent,
  EffectResultEvent,
  RecordChangedEvent,
  SubflowCompletedEvent,
  TimerFiredEvent,
} from '../events';
import { flowError, type FlowError } from '../results';
import { resumeToken } from '../runtime/resume-token';
import type { Run } from '../runtime/run';
import { findToken } from '../runtime/tokens';

/** A timer fired: a delay ends, or a time limit of a human node acts. A cancelled timer is refused. */
export function onTimerFired(run: Run, event: TimerFiredEvent): FlowError | undefined {
  const timer = run.instance.timers.find((t) => t.id === event.timerId);
  const token = timer ? findToken(run, timer.tokenId) : undefined;
  if (!timer || !token)
    return flowError('unknown_timer', `Timer "${event.timerId}" is not pending (cancelled or fired)`);
  return resumeToken(run, token, event);
}

/** The answer to an effect (assignees, query rows, HTTP response, calculation …) for the token awaiting it. */
export function onEffectAnswer(run: Run, event: AssigneesResolvedEvent | EffectResultEvent): FlowError | undefined {
  const token = run.instance.tokens.find((t) => t.awaiting?.effectId === event.effectId);
  if (!token) return flowError('unknown_effect', `No token waits for effect "${event.effectId}"`);
  const expected = event.type === 'assignees_resolved' ? ['assignees', 'escalation'] : ['result'];
  if (!token.awaiting || !expected.includes(token.awaiting.purpose)) {
    return flowError('invalid_action', `Effect "${event.effectId}" does not expect ${event.type}`);
  }
  return resumeToken(run, token, event);
}

export function onSubflowCompleted(run: Run, event: SubflowCompletedEvent): FlowError | undefined {
  const token = run.instance.tokens.find((t) => t.awaiting?.childInstanceId === event.childInstanceId);
  if (!token) return flowError('unknown_subflow', `No token waits for sub-flow "${event.childInstanceId}"`);
  return resumeToken(run, token, event);
}

/** The record changed outside the flow: the snapshot is updated and date-based delays are re-planned. */
export function onRecordChanged(run: Run, event: RecordChangedEvent): FlowError | undefined {
  Object.assign(run.instance.record, event.record);
  for (const token of [...run.instance.tokens]) {
    const node = run.nodes.get(token.nodeId);
    if (node?.kind === 'delay' && node.until && run.instance.status === 'running') {
      const refused = resumeToken(run, token, event);
      if (refused) return refused;
    }
  }
  return undefined;
}
