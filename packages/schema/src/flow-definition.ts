/**
 * The flow metadata language (DESIGN.md "Engines: flow-engine"): a flow = a trigger + a graph of nodes and edges.
 * One definition format runs both approval processes (审批流) and automations (规则引擎). These are the types;
 * `flow-schema.ts` holds the JSON meta-schema the server validates stored flows against.
 */
import type { Condition, ContextValue } from './condition';
import type { JsonValue } from './json-value';

export const DEFAULT_FLOW_MAX_STEPS = 1000;

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'working_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A span of time; `amount` may be negative (e.g. "3 days before"). Working days follow the tenant calendar. */
export interface FlowDuration {
  amount: number;
  unit: DurationUnit;
}

/** A moment taken from the instance data (a date / date-time field or a variable), optionally shifted. */
export interface FlowDateRef {
  /** A record field key, or `vars.<name>`. */
  field: string;
  offset?: FlowDuration;
  /** Local time of day ('HH:MM') used when the value is a date without a time. Default '00:00'. */
  atTime?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Triggers
// ---------------------------------------------------------------------------------------------------------------

export const TRIGGER_TYPES = [
  'record_created',
  'record_updated',
  'record_deleted',
  'form_submitted',
  'schedule',
  'date_field',
  'webhook',
  'manual',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export interface RecordCreatedTrigger {
  type: 'record_created';
  form: string;
  condition?: Condition;
}
export interface RecordUpdatedTrigger {
  type: 'record_updated';
  form: string;
  /** Fire only when one of these fields changed ("a field changed"); all fields when absent. */
  fields?: string[];
  condition?: Condition;
}
export interface RecordDeletedTrigger {
  type: 'record_deleted';
  form: string;
  condition?: Condition;
}
export interface FormSubmittedTrigger {
  type: 'form_submitted';
  form: string;
  condition?: Condition;
}
export interface ScheduleTrigger {
  type: 'schedule';
  cron: string;
  timeZone: string;
}
/** "7 days before the birthday", "3 days after the last follow-up" (negative amounts = before). */
export interface DateFieldTrigger {
  type: 'date_field';
  form: string;
  field: string;
  offset: FlowDuration;
  /** Local time of day 'HH:MM' in the tenant time zone; default '00:00'. */
  atTime?: string;
  condition?: Condition;
}
export interface WebhookTrigger {
  type: 'webhook';
  /** Optional form whose record the webhook payload creates or identifies. */
  form?: string;
}
export interface ManualTrigger {
  type: 'manual';
  form?: string;
  label?: string;
}
export type FlowTrigger =
  | RecordCreatedTrigger
  | RecordUpdatedTrigger
  | RecordDeletedTrigger
  | FormSubmittedTrigger
  | ScheduleTrigger
  | DateFieldTrigger
  | WebhookTrigger
  | ManualTrigger;

// ---------------------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------------------

/**
 * Who a human node is assigned to. `users`, `submitter`, `record_owner`, `member_field` and `variable` are
 * resolved by the engine from the instance data; `roles`, `departments` and `manager` need the organisation and
 * are resolved by the shell (a `resolve_assignees` effect answered by an `assignees_resolved` event).
 */
export type AssigneeSpec =
  | { type: 'users'; userIds: string[] }
  | { type: 'roles'; roleIds: string[] }
  | { type: 'departments'; departmentIds: string[]; includeChildren?: boolean }
  | { type: 'record_owner' }
  | { type: 'member_field'; field: string }
  /** The submitter's manager, `levels` up (1 = direct manager). */
  | { type: 'manager'; levels: number }
  | { type: 'submitter' }
  /** User id(s) taken from the instance data, e.g. `vars.item.approverId` inside a multi-instance copy. */
  | { type: 'variable'; path: string };

export type FieldPermission = 'hidden' | 'read' | 'edit';
/** Per human node; a field not listed is 'read'. */
export type FieldPermissions = Record<string, FieldPermission>;

export const TIME_LIMIT_ACTIONS = ['remind', 'escalate', 'auto_approve', 'auto_reject', 'auto_return'] as const;
export type TimeLimitAction = (typeof TIME_LIMIT_ACTIONS)[number];

/** A time limit on a human node: `after` a duration from activation, or `at` a date from the data. */
export interface TimeLimit {
  action: TimeLimitAction;
  after?: FlowDuration;
  at?: FlowDateRef;
  /** remind only: repeat every … until the node completes. */
  repeatEvery?: FlowDuration;
  /** escalate only: the open tasks are reassigned to the first resolved user. */
  escalateTo?: AssigneeSpec[];
  /** auto_return only: an earlier node of the flow. */
  returnTo?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

/** A reference to instance data inside a value template. */
export interface FieldRef {
  $field: string;
}
/** A jsonata expression (evaluated with time and depth limits). */
export interface ExpressionRef {
  $expr: string;
}
/**
 * A value written by an action node: a JSON literal, `{ $field: 'amount' }`, `{ $var: 'vars.total' }` (any path
 * into the instance data) or `{ $expr: 'amount * 2' }`; objects and arrays are resolved recursively.
 */
export type FlowValueSource = JsonValue | FieldRef | ContextValue | ExpressionRef;

// ---------------------------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------------------------

export const FLOW_NODE_KINDS = [
  'start',
  'end',
  'approval',
  'fill',
  'cc',
  'condition',
  'inclusive',
  'inclusive_merge',
  'parallel',
  'join',
  'discriminator',
  'multi_merge',
  'delay',
  'loop',
  'multi_instance',
  'deferred_choice',
  'create_record',
  'update_record',
  'delete_record',
  'query_records',
  'calculate',
  'notify',
  'email',
  'sms',
  'http',
  'assign_owner',
  'subflow',
] as const;
export type FlowNodeKind = (typeof FLOW_NODE_KINDS)[number];

export interface FlowNodeBase {
  id: string;
  name?: string;
}

export interface StartNode extends FlowNodeBase {
  kind: 'start';
}
/** Consumes the token. The instance ends when no work is left (WCP11), or at once when `terminate`. */
export interface EndNode extends FlowNodeBase {
  kind: 'end';
  terminate?: boolean;
  /** The final status when this end finishes the instance. Default 'completed'. */
  status?: 'completed' | 'rejected';
}

export const APPROVAL_MODES = ['single', 'all', 'any', 'sequential', 'percentage'] as const;
/** single; all = countersign 会签; any = or-sign 或签; sequential = one after another; percentage = a quorum. */
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/** What happens when no assignee is left (none resolved, or only the submitter under separation of duties). */
export type NoAssigneePolicy = 'fail' | 'auto_approve' | 'auto_reject';

export interface HumanNodeBase extends FlowNodeBase {
  assignees: AssigneeSpec[];
  fieldPermissions?: FieldPermissions;
  timeLimits?: TimeLimit[];
  whenNoAssignee?: NoAssigneePolicy;
}
export interface ApprovalNode extends HumanNodeBase {
  kind: 'approval';
  mode: ApprovalMode;
  /** percentage mode: share of approvals (1–100) needed. */
  percentage?: number;
  /** Overrides `settings.allowSelfApproval` for this node. */
  allowSelfApproval?: boolean;
}
/** A person completes fields (e.g. the submitter re-fills after a return). */
export interface FillNode extends HumanNodeBase {
  kind: 'fill';
}
/** Carbon copy 抄送: read-only inbox entries, the flow does not wait. */
export interface CcNode extends FlowNodeBase {
  kind: 'cc';
  recipients: AssigneeSpec[];
}

/** Exclusive choice (WCP4): the first outgoing edge whose condition holds, else the default edge. */
export interface ConditionNode extends FlowNodeBase {
  kind: 'condition';
}
/** Multi-choice (WCP6): every outgoing edge whose condition holds (the default edge when none). */
export interface InclusiveNode extends FlowNodeBase {
  kind: 'inclusive';
}
/** Structured synchronizing merge (WCP7): waits for the branches its `split` enabled, only those. */
export interface InclusiveMergeNode extends FlowNodeBase {
  kind: 'inclusive_merge';
  split: string;
}
/** Parallel split (WCP2): every outgoing edge. */
export interface ParallelNode extends FlowNodeBase {
  kind: 'parallel';
}
/** Synchronization (WCP3): waits for a token on every incoming edge. */
export interface JoinNode extends FlowNodeBase {
  kind: 'join';
  split: string;
}
/** Structured discriminator (WCP9): the first arriving branch continues, the others are ignored, then reset. */
export interface DiscriminatorNode extends FlowNodeBase {
  kind: 'discriminator';
  split: string;
}
/** Multi-merge (WCP8) and simple merge (WCP5): every arriving token continues separately. */
export interface MultiMergeNode extends FlowNodeBase {
  kind: 'multi_merge';
}
/** Waits a duration, or until a date from the data. */
export interface DelayNode extends FlowNodeBase {
  kind: 'delay';
  duration?: FlowDuration;
  until?: FlowDateRef;
}

/**
 * Structured loop (WCP21). The outgoing edge with `on: 'body'` enters the body; the body's last node has an edge
 * back to the loop node; the other outgoing edges leave the loop.
 * - while: test `condition` before each iteration;
 * - repeat: run the body once, then again until `condition` holds (repeat … until);
 * - for_each: one iteration per element of the list at `items`, exposed as `vars.<itemVar>` / `vars.<indexVar>`.
 */
export interface LoopNode extends FlowNodeBase {
  kind: 'loop';
  mode: 'while' | 'repeat' | 'for_each';
  condition?: Condition;
  items?: string;
  itemVar?: string;
  indexVar?: string;
  /** Safety bound; exceeding it fails the instance. Default 100. */
  maxIterations?: number;
}

/**
 * Multiple instances (WCP12–14): N copies of the sub-path behind the `on: 'body'` edge. N is `count` (design time)
 * or the length of the list at `items` (run time: one per sub-table row, one per assignee …); each copy sees its
 * element as `vars.<itemVar>` and its position as `vars.<indexVar>`. With `join` the copies' paths lead back to
 * this node and the flow continues once all came back; without `join` the flow continues at once (WCP12).
 */
export interface MultiInstanceNode extends FlowNodeBase {
  kind: 'multi_instance';
  count?: number;
  items?: string;
  itemVar?: string;
  indexVar?: string;
  join: boolean;
}
/** Deferred choice (WCP16): every outgoing branch is offered; the first one whose node completes wins. */
export interface DeferredChoiceNode extends FlowNodeBase {
  kind: 'deferred_choice';
}

export interface CreateRecordNode extends FlowNodeBase {
  kind: 'create_record';
  form: string;
  values: Record<string, FlowValueSource>;
  /** Wait for the shell's result (the new record) and store it in `vars.<resultVar>`. */
  resultVar?: string;
}
export interface UpdateRecordNode extends FlowNodeBase {
  kind: 'update_record';
  /** Default: the instance's own record. */
  form?: string;
  recordId?: FlowValueSource;
  values: Record<string, FlowValueSource>;
}
export interface DeleteRecordNode extends FlowNodeBase {
  kind: 'delete_record';
  form?: string;
  recordId?: FlowValueSource;
}
export interface QueryRecordsNode extends FlowNodeBase {
  kind: 'query_records';
  form: string;
  condition?: Condition;
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  limit?: number;
  resultVar: string;
}
/** A jsonata expression, evaluated with bounds; the result goes to `vars.<resultVar>`. */
export interface CalculateNode extends FlowNodeBase {
  kind: 'calculate';
  expression: string;
  resultVar: string;
}
export interface NotifyNode extends FlowNodeBase {
  kind: 'notify';
  recipients: AssigneeSpec[];
  title: FlowValueSource;
  body?: FlowValueSource;
}
export interface EmailNode extends FlowNodeBase {
  kind: 'email';
  recipients?: AssigneeSpec[];
  addresses?: FlowValueSource[];
  subject: FlowValueSource;
  body: FlowValueSource;
}
export interface SmsNode extends FlowNodeBase {
  kind: 'sms';
  recipients?: AssigneeSpec[];
  phones?: FlowValueSource[];
  template: string;
  params?: Record<string, FlowValueSource>;
}
export interface HttpNode extends FlowNodeBase {
  kind: 'http';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: FlowValueSource;
  headers?: Record<string, FlowValueSource>;
  body?: FlowValueSource;
  timeoutMs?: number;
  /** Store the whole response ({status, headers, body}) in `vars.<resultVar>`. */
  resultVar?: string;
  /** `{ varName: 'body.data.id' }`: paths into the response copied into vars. */
  responseMapping?: Record<string, string>;
}
export interface AssignOwnerNode extends FlowNodeBase {
  kind: 'assign_owner';
  strategy: 'round_robin' | 'least_loaded';
  candidates: AssigneeSpec[];
  /** Default: the instance's own record. */
  form?: string;
  resultVar?: string;
}
export interface SubflowNode extends FlowNodeBase {
  kind: 'subflow';
  flowKey: string;
  input?: Record<string, FlowValueSource>;
  /** Wait for the child to finish (default true). */
  wait?: boolean;
  /** The child's final vars go to `vars.<resultVar>`. */
  resultVar?: string;
}

export type FlowNode =
  | StartNode
  | EndNode
  | ApprovalNode
  | FillNode
  | CcNode
  | ConditionNode
  | InclusiveNode
  | InclusiveMergeNode
  | ParallelNode
  | JoinNode
  | DiscriminatorNode
  | MultiMergeNode
  | DelayNode
  | LoopNode
  | MultiInstanceNode
  | DeferredChoiceNode
  | CreateRecordNode
  | UpdateRecordNode
  | DeleteRecordNode
  | QueryRecordsNode
  | CalculateNode
  | NotifyNode
  | EmailNode
  | SmsNode
  | HttpNode
  | AssignOwnerNode
  | SubflowNode;

/** The node of a given kind. */
export type FlowNodeOf<K extends FlowNodeKind> = Extract<FlowNode, { kind: K }>;

// ---------------------------------------------------------------------------------------------------------------
// Edges and the flow
// ---------------------------------------------------------------------------------------------------------------

/**
 * Which outcome of its source node an edge follows. No `on` = the normal completion (approved, submitted, done).
 * 'rejected': an approval's reject path; 'body': the body of a loop / multi-instance node; 'error': an action
 * whose effect failed, or a subflow that did not complete.
 */
export type EdgeOutcome = 'rejected' | 'body' | 'error';

export interface FlowEdge {
  id: string;
  from: string;
  to: string;
  condition?: Condition;
  isDefault?: boolean;
  label?: string;
  on?: EdgeOutcome;
}

export interface FlowSettings {
  /** Node executions allowed per instance before it is failed (no infinite loops). Default 1000. */
  maxSteps?: number;
  /** May the submitter approve their own request? Default false (separation of duties). */
  allowSelfApproval?: boolean;
}

export interface FlowDefinition {
  key: string;
  name: string;
  version?: number;
  /** The main form: its field keys are what conditions may reference. */
  form?: string;
  trigger: FlowTrigger;
  nodes: FlowNode[];
  edges: FlowEdge[];
  settings?: FlowSettings;
}
