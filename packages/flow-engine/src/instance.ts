import type { ApprovalMode, JsonValue } from '@tessera/schema';

/**
 * The state of one flow instance: plain JSON, stored as-is in a jsonb column. Everything the engine needs to
 * continue lives here; ids are derived from `seq`, so the same inputs always give the same instance.
 */
export type InstanceStatus = 'running' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled' | 'failed';

export type JsonRecord = Record<string, JsonValue>;

export interface FlowInstance {
  id: string;
  flowKey: string;
  flowVersion?: number;
  status: InstanceStatus;
  submitterId: string;
  /** A snapshot of the record the flow runs on; kept up to date by field changes and `record_changed`. */
  record: JsonRecord;
  vars: JsonRecord;
  /** Active positions: every token waits at a node (a task, a timer, an effect result, a join …). */
  tokens: Token[];
  tasks: Task[];
  timers: Timer[];
  /** Join / merge / discriminator bookkeeping, by node id. */
  joins: Record<string, JoinState>;
  /** Multiple-instance groups, by group id. */
  groups: Record<string, MultiInstanceGroup>;
  /** Node ids reached so far, in first-visit order: the targets a return may go back to. */
  visited: string[];
  history: HistoryEntry[];
  /** Node executions so far (bounded by settings.maxSteps). */
  steps: number;
  /** Counter every derived id is made from. */
  seq: number;
  startedAt: string;
  finishedAt?: string;
  /** Why the instance failed / was cancelled / was rejected. */
  reason?: string;
}

/** Structured-block context a token carries: the loops and multi-instance copies it is inside. */
export type Frame =
  { type: 'loop'; nodeId: string; iteration: number } | { type: 'mi'; nodeId: string; groupId: string; index: number };

export interface Token {
  id: string;
  nodeId: string;
  /** The edge the token arrived by. */
  viaEdgeId?: string;
  /** Variables local to this token (a multi-instance or for-each element); they shadow `vars`. */
  locals?: JsonRecord;
  frames: Frame[];
  /** Deferred-choice group: the first token of the group to complete its node cancels the others. */
  race?: string;
  /** Set by a return with resume 'returner': on completion go straight back to this node. */
  returnTo?: string;
  /** An effect whose answer the token waits for. */
  awaiting?: Awaiting;
  /** Human node state (approval / fill). */
  human?: HumanState;
}

export interface Awaiting {
  effectId: string;
  purpose: 'result' | 'assignees' | 'escalation' | 'subflow';
  childInstanceId?: string;
}

export type SlotState = 'queued' | 'open' | 'waiting_signers' | 'approved' | 'rejected' | 'closed';

/** One approver position of a human node; its current task is `taskId`. */
export interface Slot {
  id: string;
  userId: string;
  /** primary = resolved assignee; added = an added signer (加签), who must always approve. */
  role: 'primary' | 'added';
  state: SlotState;
  taskId?: string;
  /** before-signers this slot waits for (waiting_signers). */
  waitsFor?: string[];
  /** For added signers: the slot that added them and where. */
  addedBy?: { slotId: string; position: 'before' | 'after' };
}

export interface HumanState {
  mode: ApprovalMode;
  percentage?: number;
  slots: Slot[];
  activatedAt: string;
}

export type TaskType = 'approval' | 'fill' | 'cc';
export type TaskStatus =
  'open' | 'approved' | 'rejected' | 'submitted' | 'returned' | 'transferred' | 'signer_added' | 'cancelled' | 'cc';

export interface Task {
  id: string;
  tokenId: string;
  nodeId: string;
  type: TaskType;
  assigneeId: string;
  slotId?: string;
  status: TaskStatus;
  /** Incremented on every change: actions must name the version they saw. */
  version: number;
  createdAt: string;
  closedAt?: string;
  /** Who closed it ('system' for time limits). */
  actorId?: string;
  comment?: string;
}

export type TimerPurpose = 'delay' | 'remind' | 'escalate' | 'auto_approve' | 'auto_reject' | 'auto_return';

export interface Timer {
  id: string;
  tokenId: string;
  nodeId: string;
  purpose: TimerPurpose;
  fireAt: string;
  /** Index into the human node's timeLimits. */
  limitIndex?: number;
}

export interface JoinState {
  /** AND join: tokens arrived per incoming edge. */
  arrived: Record<string, number>;
  /** Inclusive merge: branches the split enabled; discriminator: incoming branches. */
  expected?: number;
  /** Inclusive merge / discriminator: arrivals counted so far in this round. */
  count?: number;
  /** Discriminator: the first branch went through in this round. */
  fired?: boolean;
}

export interface MultiInstanceGroup {
  nodeId: string;
  total: number;
  completed: number;
  join: boolean;
  /** The token that entered the node: its locals and frames are restored when the group completes. */
  parentLocals?: JsonRecord;
  parentFrames: Frame[];
  parentRace?: string;
}

export interface FieldChange {
  field: string;
  from: JsonValue | undefined;
  to: JsonValue;
}

export interface HistoryEntry {
  at: string;
  /** 'system' for engine actions (time limits, automatic nodes). */
  actorId: string;
  nodeId?: string;
  taskId?: string;
  action: string;
  comment?: string;
  fieldChanges?: FieldChange[];
  detail?: string;
}
