import type { FlowDefinition } from '@tessera/schema';
import type { EngineDeps } from './deps';
import type { FlowEvent } from './events';
import { onCancelInstance, onCancelTask, onUrge, onWithdraw } from './handlers/instance-events';
import { onEffectAnswer, onRecordChanged, onSubflowCompleted, onTimerFired } from './handlers/resume-events';
import { onTaskAction } from './handlers/task-action';
import type { FlowInstance } from './instance';
import { flowError, type FlowError, type StepResult } from './results';
import { drain } from './runtime/drain';
import { createRun, type Run } from './runtime/run';

function dispatch(run: Run, event: FlowEvent): FlowError | undefined {
  switch (event.type) {
    case 'task_action':
      return onTaskAction(run, event);
    case 'withdraw':
      return onWithdraw(run, event);
    case 'urge':
      return onUrge(run, event);
    case 'timer_fired':
      return onTimerFired(run, event);
    case 'assignees_resolved':
    case 'effect_result':
      return onEffectAnswer(run, event);
    case 'subflow_completed':
      return onSubflowCompleted(run, event);
    case 'cancel_task':
      return onCancelTask(run, event);
    case 'cancel_instance':
      return onCancelInstance(run, event);
    case 'record_changed':
      return onRecordChanged(run, event);
  }
}

/**
 * Apply one event to an instance: pure and deterministic. The caller's instance is never modified; a refused
 * event returns `{ ok: false, error }` and changes nothing.
 */
export function handle(flow: FlowDefinition, instance: FlowInstance, event: FlowEvent, deps: EngineDeps): StepResult {
  if (instance.flowKey !== flow.key) {
    return {
      ok: false,
      error: flowError('flow_mismatch', `Instance runs flow "${instance.flowKey}", not "${flow.key}"`),
    };
  }
  if (instance.status !== 'running') {
    return { ok: false, error: flowError('instance_finished', `The instance is already ${instance.status}`) };
  }
  const run = createRun(flow, structuredClone(instance), deps, event.now, event.resolvedAssignees);
  const refused = dispatch(run, event);
  if (refused) return { ok: false, error: refused };
  drain(run);
  return { ok: true, instance: run.instance, effects: run.effects };
}
