import type { Effect } from './effects';
import type { FlowInstance } from './instance';

export type FlowErrorCode =
  | 'not_assignee'
  | 'not_submitter'
  | 'task_closed'
  | 'task_not_found'
  | 'stale_version'
  | 'unknown_node'
  | 'not_visited'
  | 'unknown_timer'
  | 'unknown_effect'
  | 'unknown_subflow'
  | 'instance_finished'
  | 'flow_mismatch'
  | 'invalid_action'
  | 'field_not_editable'
  | 'self_approval_forbidden'
  | 'invalid_flow';

/** A refused event: nothing changed, nothing to perform. */
export interface FlowError {
  code: FlowErrorCode;
  message: string;
}

export type StepResult = { ok: true; instance: FlowInstance; effects: Effect[] } | { ok: false; error: FlowError };

export function flowError(code: FlowErrorCode, message: string): FlowError {
  return { code, message };
}

export function isFlowError(x: unknown): x is FlowError {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x && !('type' in x);
}
