import type { JsonValue } from '@tessera/schema';
import type { JsonRecord } from './instance';

/** Every event brings the current time (the engine has no clock) and may bring pre-resolved assignees. */
export interface FlowEventBase {
  /** ISO-8601 instant. */
  now: string;
  /** Assignees already resolved by the shell, by node id: no `resolve_assignees` round trip for these nodes. */
  resolvedAssignees?: Record<string, string[]>;
}

export type TaskAction =
  | { type: 'approve' }
  | { type: 'reject' }
  /** Back to a node this instance already visited; resume 'returner' comes straight back here afterwards. */
  | { type: 'return'; toNodeId: string; resume?: 'graph' | 'returner' }
  | { type: 'transfer'; toUserId: string }
  | { type: 'add_signer'; userIds: string[]; position: 'before' | 'after' }
  | { type: 'comment' }
  /** Completes a fill task. */
  | { type: 'submit' };

export interface TaskActionEvent extends FlowEventBase {
  type: 'task_action';
  taskId: string;
  /** The task version the actor saw; a different current version is `stale_version`. */
  taskVersion?: number;
  actorId: string;
  action: TaskAction;
  comment?: string;
  /** Field values written with the action; each must be 'edit' on the node. */
  fields?: JsonRecord;
}
export interface WithdrawEvent extends FlowEventBase {
  type: 'withdraw';
  actorId: string;
  reason?: string;
}
export interface UrgeEvent extends FlowEventBase {
  type: 'urge';
  actorId: string;
  comment?: string;
}
export interface TimerFiredEvent extends FlowEventBase {
  type: 'timer_fired';
  timerId: string;
}
export interface AssigneesResolvedEvent extends FlowEventBase {
  type: 'assignees_resolved';
  effectId: string;
  userIds: string[];
}
export interface EffectResultEvent extends FlowEventBase {
  type: 'effect_result';
  effectId: string;
  result?: JsonValue;
  /** The effect failed: follows an `on: 'error'` edge, else fails the instance. */
  error?: string;
}
export interface SubflowCompletedEvent extends FlowEventBase {
  type: 'subflow_completed';
  childInstanceId: string;
  status: 'completed' | 'rejected' | 'withdrawn' | 'cancelled' | 'failed';
  vars?: JsonRecord;
}
export interface CancelTaskEvent extends FlowEventBase {
  type: 'cancel_task';
  taskId: string;
  actorId?: string;
  reason?: string;
}
export interface CancelInstanceEvent extends FlowEventBase {
  type: 'cancel_instance';
  actorId: string;
  reason: string;
}
export interface RecordChangedEvent extends FlowEventBase {
  type: 'record_changed';
  /** The changed fields (merged into the snapshot). */
  record: JsonRecord;
}

export type FlowEvent =
  | TaskActionEvent
  | WithdrawEvent
  | UrgeEvent
  | TimerFiredEvent
  | AssigneesResolvedEvent
  | EffectResultEvent
  | SubflowCompletedEvent
  | CancelTaskEvent
  | CancelInstanceEvent
  | RecordChangedEvent;

/** The events a node kind's `resume` receives (routed to the token they concern). */
export type ResumeEvent =
  | TaskActionEvent
  | TimerFiredEvent
  | AssigneesResolvedEvent
  | EffectResultEvent
  | SubflowCompletedEvent
  | RecordChangedEvent;
