import { Type } from '@sinclair/typebox';

const KEY = Type.String({
  pattern: '^[a-z_][a-z0-9_]{0,62}$',
  description: 'Identifier: lower-case letters, digits, _',
});

/** The flow document itself is checked against `flowDefinitionSchema` (errors name the path inside it). */
const Definition = Type.Object({}, { additionalProperties: true, description: 'A FlowDefinition (see docs/flows.md)' });

export const CreateFlowRequest = Type.Object(
  { definition: Definition },
  { additionalProperties: false, title: 'CreateFlowRequest' },
);

export const UpdateFlowDraftRequest = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'The draft revision read (optimistic concurrency)' }),
    definition: Definition,
  },
  { additionalProperties: false, title: 'UpdateFlowDraftRequest' },
);

export const PublishFlowRequest = Type.Object(
  { revision: Type.Integer({ minimum: 1, description: 'The draft revision being published' }) },
  { additionalProperties: false, title: 'PublishFlowRequest' },
);

export const SetFlowEnabledRequest = Type.Object(
  { enabled: Type.Boolean() },
  { additionalProperties: false, title: 'SetFlowEnabledRequest' },
);

export const FlowResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    appId: Type.String({ format: 'uuid' }),
    key: Type.String(),
    name: Type.String(),
    triggerType: Type.String(),
    draft: Definition,
    draftRevision: Type.Integer(),
    publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
    enabled: Type.Boolean(),
    hasWebhookToken: Type.Boolean(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Flow' },
);

export const FlowVersionResponse = Type.Object(
  {
    version: Type.Integer(),
    definition: Definition,
    publishedAt: Type.String({ format: 'date-time' }),
    publishedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'FlowVersion' },
);

export const WebhookTokenResponse = Type.Object(
  {
    token: Type.String({ description: 'Shown once; only its hash is stored' }),
    path: Type.String({ description: 'POST here (under /api) to trigger the flow' }),
  },
  { title: 'WebhookToken' },
);

export const StartFlowRequest = Type.Object(
  {
    recordId: Type.Optional(Type.String({ format: 'uuid' })),
    vars: Type.Optional(Type.Object({}, { additionalProperties: true, maxProperties: 200 })),
  },
  { additionalProperties: false, title: 'StartFlowRequest' },
);

const HistoryEntry = Type.Object(
  {
    at: Type.String(),
    actorId: Type.String(),
    actorName: Type.Union([Type.String(), Type.Null()]),
    nodeId: Type.Optional(Type.String()),
    nodeName: Type.Optional(Type.String()),
    taskId: Type.Optional(Type.String()),
    action: Type.String(),
    comment: Type.Optional(Type.String()),
    detail: Type.Optional(Type.String()),
    fieldChanges: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() })),
    ),
  },
  { title: 'FlowHistoryEntry' },
);

export const TaskResponse = Type.Object(
  {
    id: Type.String(),
    instanceId: Type.String(),
    flowKey: Type.String(),
    flowName: Type.String(),
    nodeId: Type.String(),
    nodeName: Type.Union([Type.String(), Type.Null()]),
    type: Type.String(),
    assigneeId: Type.String(),
    status: Type.String(),
    version: Type.Integer(),
    createdAt: Type.String(),
    closedAt: Type.Union([Type.String(), Type.Null()]),
    recordForm: Type.Union([Type.String(), Type.Null()]),
    recordId: Type.Union([Type.String(), Type.Null()]),
    submitterId: Type.Union([Type.String(), Type.Null()]),
    instanceStatus: Type.String(),
  },
  { title: 'Task' },
);

export const InstanceResponse = Type.Object(
  {
    id: Type.String(),
    flowKey: Type.String(),
    flowVersion: Type.Integer(),
    status: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    trigger: Type.String(),
    submitterId: Type.Union([Type.String(), Type.Null()]),
    recordForm: Type.Union([Type.String(), Type.Null()]),
    recordId: Type.Union([Type.String(), Type.Null()]),
    parentInstanceId: Type.Union([Type.String(), Type.Null()]),
    startedAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    steps: Type.Integer(),
    vars: Type.Object({}, { additionalProperties: true }),
    record: Type.Object({}, { additionalProperties: true }),
    tasks: Type.Array(TaskResponse),
    waitingAt: Type.Array(Type.String()),
  },
  { title: 'FlowInstance' },
);

export const InstanceHistoryResponse = Type.Array(HistoryEntry);

export const TaskBox = Type.Union([
  Type.Literal('todo'),
  Type.Literal('done'),
  Type.Literal('cc'),
  Type.Literal('started'),
]);

export const TaskListQuery = Type.Object(
  {
    box: Type.Optional(TaskBox),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  },
  { additionalProperties: false },
);

export const TaskListResponse = Type.Object(
  {
    items: Type.Array(Type.Union([TaskResponse, InstanceResponse])),
    total: Type.Integer(),
  },
  { title: 'TaskList' },
);

export const TaskCountsResponse = Type.Object(
  { todo: Type.Integer(), done: Type.Integer(), cc: Type.Integer(), started: Type.Integer() },
  { title: 'TaskCounts' },
);

const USER_ID = Type.String({ format: 'uuid' });

export const TaskActionRequest = Type.Object(
  {
    action: Type.Union(
      ['approve', 'reject', 'submit', 'comment', 'return', 'transfer', 'add_signer'].map((a) => Type.Literal(a)),
    ),
    taskVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'The task version read; 409 when stale' })),
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
    fields: Type.Optional(Type.Object({}, { additionalProperties: true, maxProperties: 200 })),
    toNodeId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'return: an earlier node' })),
    resume: Type.Optional(Type.Union([Type.Literal('graph'), Type.Literal('returner')])),
    toUserId: Type.Optional(USER_ID),
    userIds: Type.Optional(Type.Array(USER_ID, { minItems: 1, maxItems: 50, uniqueItems: true })),
    position: Type.Optional(Type.Union([Type.Literal('before'), Type.Literal('after')])),
  },
  { additionalProperties: false, title: 'TaskActionRequest' },
);

export const CancelInstanceRequest = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false, title: 'CancelInstanceRequest' },
);

export const CommentRequest = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false, title: 'CommentRequest' },
);

export const InstanceListQuery = Type.Object(
  {
    flow: Type.Optional(KEY),
    status: Type.Optional(
      Type.Union(['running', 'completed', 'rejected', 'withdrawn', 'cancelled', 'failed'].map((s) => Type.Literal(s))),
    ),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  },
  { additionalProperties: false },
);

export const FlowSettingsRequest = Type.Object(
  {
    httpAllowPrivate: Type.Boolean({ description: 'Let HTTP nodes reach private / loopback addresses' }),
    httpAllowedHosts: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), {
      maxItems: 100,
      description: 'Private hosts allowed even when httpAllowPrivate is false',
    }),
    maxSteps: Type.Union([Type.Integer({ minimum: 10, maximum: 100000 }), Type.Null()]),
  },
  { additionalProperties: false, title: 'FlowSettings' },
);

export const WebhookAcceptedResponse = Type.Object(
  { instanceId: Type.String(), status: Type.String() },
  { title: 'WebhookAccepted' },
);
