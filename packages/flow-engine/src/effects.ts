import type { AssigneeSpec, Condition, FieldPermissions, JsonValue } from '@tessera/schema';
import type { InstanceStatus, JsonRecord, TaskType, TimerPurpose } from './instance';

/**
 * Effects are data: the shell performs them in the same transaction as it stores the new instance state.
 * Every effect has a deterministic `id` (idempotency key; answers name it as `effectId`).
 */
export interface TaskView {
  id: string;
  nodeId: string;
  nodeName?: string;
  type: TaskType;
  assigneeId: string;
  version: number;
  fieldPermissions?: FieldPermissions;
}

export type Effect =
  | { id: string; type: 'create_task'; task: TaskView }
  | { id: string; type: 'cancel_task'; taskId: string; reason: string }
  | { id: string; type: 'schedule_timer'; timerId: string; fireAt: string; purpose: TimerPurpose; nodeId: string }
  | { id: string; type: 'cancel_timer'; timerId: string }
  | { id: string; type: 'create_record'; nodeId: string; form: string; values: JsonRecord; awaitResult: boolean }
  | { id: string; type: 'update_record'; nodeId: string; form?: string; recordId: JsonValue; values: JsonRecord }
  | { id: string; type: 'delete_record'; nodeId: string; form?: string; recordId: JsonValue }
  | {
      id: string;
      type: 'query_records';
      nodeId: string;
      form: string;
      condition?: Condition;
      sort?: { field: string; direction: 'asc' | 'desc' }[];
      limit?: number;
      /** Values for `$var` references in the condition. */
      vars: JsonRecord;
    }
  | {
      id: string;
      type: 'notify';
      nodeId?: string;
      recipients: AssigneeSpec[];
      title: JsonValue;
      body?: JsonValue;
      reason: 'node' | 'urge' | 'remind' | 'escalate' | 'cc';
    }
  | {
      id: string;
      type: 'email';
      nodeId: string;
      recipients: AssigneeSpec[];
      addresses: JsonValue[];
      subject: JsonValue;
      body: JsonValue;
    }
  | {
      id: string;
      type: 'sms';
      nodeId: string;
      recipients: AssigneeSpec[];
      phones: JsonValue[];
      template: string;
      params: JsonRecord;
    }
  | {
      id: string;
      type: 'http';
      nodeId: string;
      method: string;
      url: JsonValue;
      headers: JsonRecord;
      body?: JsonValue;
      timeoutMs?: number;
      awaitResult: boolean;
    }
  | { id: string; type: 'calculate'; nodeId: string; expression: string; input: JsonRecord }
  | {
      id: string;
      type: 'resolve_assignees';
      nodeId: string;
      tokenId: string;
      specs: AssigneeSpec[];
      submitterId: string;
      record: JsonRecord;
    }
  | {
      id: string;
      type: 'assign_owner';
      nodeId: string;
      strategy: 'round_robin' | 'least_loaded';
      candidates: AssigneeSpec[];
      form?: string;
      recordId: JsonValue;
    }
  | {
      id: string;
      type: 'start_subflow';
      nodeId: string;
      childInstanceId: string;
      flowKey: string;
      parentInstanceId: string;
      record: JsonRecord;
      vars: JsonRecord;
      wait: boolean;
    }
  | { id: string; type: 'instance_completed'; status: Exclude<InstanceStatus, 'running' | 'failed'>; reason?: string }
  | { id: string; type: 'instance_failed'; reason: string };

export type EffectType = Effect['type'];

/** An effect before the engine gives it its id. */
export type EffectInput = Effect extends infer E ? (E extends Effect ? Omit<E, 'id'> : never) : never;
