/**
 * JSON meta-schema (draft-07, for ajv) of a FlowDefinition (see flow-definition.ts). The server validates every
 * flow against it before storing it; graph rules (reachability, joins, assignees …) are checked afterwards by
 * `validateFlow` in @tessera/flow-engine.
 */
import { APPROVAL_MODES, DURATION_UNITS, FLOW_NODE_KINDS, TIME_LIMIT_ACTIONS, TRIGGER_TYPES } from './flow-definition';

type JsonSchema = { [key: string]: unknown };

const str: JsonSchema = { type: 'string', minLength: 1 };
const key: JsonSchema = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' };
const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
const obj = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
});

const duration = obj({ amount: { type: 'number' }, unit: { enum: [...DURATION_UNITS] } }, ['amount', 'unit']);
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' };
const dateRef = obj({ field: str, offset: ref('duration'), atTime: time }, ['field']);

const assignee: JsonSchema = {
  type: 'object',
  required: ['type'],
  properties: {
    type: {
      enum: ['users', 'roles', 'departments', 'record_owner', 'member_field', 'manager', 'submitter', 'variable'],
    },
    userIds: { type: 'array', items: str },
    roleIds: { type: 'array', items: str },
    departmentIds: { type: 'array', items: str },
    includeChildren: { type: 'boolean' },
    field: str,
    levels: { type: 'integer', minimum: 1 },
    path: str,
  },
  allOf: [
    { if: { properties: { type: { const: 'users' } } }, then: { required: ['userIds'] } },
    { if: { properties: { type: { const: 'roles' } } }, then: { required: ['roleIds'] } },
    { if: { properties: { type: { const: 'departments' } } }, then: { required: ['departmentIds'] } },
    { if: { properties: { type: { const: 'member_field' } } }, then: { required: ['field'] } },
    { if: { properties: { type: { const: 'manager' } } }, then: { required: ['levels'] } },
    { if: { properties: { type: { const: 'variable' } } }, then: { required: ['path'] } },
  ],
};

const condition: JsonSchema = {
  type: 'object',
  oneOf: [
    { required: ['and'], properties: { and: { type: 'array', items: ref('condition') } } },
    { required: ['or'], properties: { or: { type: 'array', items: ref('condition') } } },
    { required: ['not'], properties: { not: ref('condition') } },
    { required: ['field', 'op'], properties: { field: str, op: str } },
  ],
};

const timeLimit = obj(
  {
    action: { enum: [...TIME_LIMIT_ACTIONS] },
    after: ref('duration'),
    at: ref('dateRef'),
    repeatEvery: ref('duration'),
    escalateTo: { type: 'array', items: ref('assignee') },
    returnTo: str,
  },
  ['action'],
);

const assignees = { type: 'array', items: ref('assignee') };
const values = { type: 'object' };
const human = {
  assignees,
  fieldPermissions: { type: 'object', additionalProperties: { enum: ['hidden', 'read', 'edit'] } },
  timeLimits: { type: 'array', items: ref('timeLimit') },
  whenNoAssignee: { enum: ['fail', 'auto_approve', 'auto_reject'] },
};

/** Required properties and property schemas per node kind. */
const NODE_SHAPES: Record<string, { required: string[]; properties: Record<string, JsonSchema> }> = {
  end: { required: [], properties: { terminate: { type: 'boolean' }, status: { enum: ['completed', 'rejected'] } } },
  approval: {
    required: ['mode', 'assignees'],
    properties: {
      ...human,
      mode: { enum: [...APPROVAL_MODES] },
      percentage: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
      allowSelfApproval: { type: 'boolean' },
    },
  },
  fill: { required: ['assignees'], properties: human },
  cc: { required: ['recipients'], properties: { recipients: assignees } },
  inclusive_merge: { required: ['split'], properties: { split: str } },
  join: { required: ['split'], properties: { split: str } },
  discriminator: { required: ['split'], properties: { split: str } },
  delay: { required: [], properties: { duration: ref('duration'), until: ref('dateRef') } },
  loop: {
    required: ['mode'],
    properties: {
      mode: { enum: ['while', 'repeat', 'for_each'] },
      condition: ref('condition'),
      items: str,
      itemVar: key,
      indexVar: key,
      maxIterations: { type: 'integer', minimum: 1 },
    },
  },
  multi_instance: {
    required: ['join'],
    properties: {
      count: { type: 'integer', minimum: 0 },
      items: str,
      itemVar: key,
      indexVar: key,
      join: { type: 'boolean' },
    },
  },
  create_record: { required: ['form', 'values'], properties: { form: str, values, resultVar: key } },
  update_record: { required: ['values'], properties: { form: str, values } },
  delete_record: { required: [], properties: { form: str } },
  query_records: {
    required: ['form', 'resultVar'],
    properties: {
      form: str,
      condition: ref('condition'),
      sort: {
        type: 'array',
        items: obj({ field: str, direction: { enum: ['asc', 'desc'] } }, ['field', 'direction']),
      },
      limit: { type: 'integer', minimum: 1 },
      resultVar: key,
    },
  },
  calculate: { required: ['expression', 'resultVar'], properties: { expression: str, resultVar: key } },
  notify: { required: ['recipients', 'title'], properties: { recipients: assignees } },
  email: { required: ['subject', 'body'], properties: { recipients: assignees, addresses: { type: 'array' } } },
  sms: { required: ['template'], properties: { recipients: assignees, phones: { type: 'array' }, template: str } },
  http: {
    required: ['method', 'url'],
    properties: {
      method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
      headers: { type: 'object' },
      timeoutMs: { type: 'integer', minimum: 1 },
      resultVar: key,
      responseMapping: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  assign_owner: {
    required: ['strategy', 'candidates'],
    properties: { strategy: { enum: ['round_robin', 'least_loaded'] }, candidates: assignees, resultVar: key },
  },
  subflow: {
    required: ['flowKey'],
    properties: { flowKey: str, input: values, wait: { type: 'boolean' }, resultVar: key },
  },
};

const node: JsonSchema = {
  type: 'object',
  required: ['id', 'kind'],
  properties: { id: key, kind: { enum: [...FLOW_NODE_KINDS] }, name: { type: 'string' } },
  allOf: Object.entries(NODE_SHAPES).map(([kind, shape]) => ({
    if: { properties: { kind: { const: kind } } },
    then: { required: shape.required, properties: shape.properties },
  })),
};

const edge = obj(
  {
    id: key,
    from: key,
    to: key,
    condition: ref('condition'),
    isDefault: { type: 'boolean' },
    label: { type: 'string' },
    on: { enum: ['rejected', 'body', 'error'] },
  },
  ['id', 'from', 'to'],
);

const trigger: JsonSchema = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { enum: [...TRIGGER_TYPES] },
    form: str,
    fields: { type: 'array', items: str },
    condition: ref('condition'),
    cron: str,
    timeZone: str,
    field: str,
    offset: ref('duration'),
    atTime: time,
    label: { type: 'string' },
  },
  allOf: [
    {
      if: { properties: { type: { enum: ['record_created', 'record_updated', 'record_deleted', 'form_submitted'] } } },
      then: { required: ['form'] },
    },
    { if: { properties: { type: { const: 'schedule' } } }, then: { required: ['cron', 'timeZone'] } },
    { if: { properties: { type: { const: 'date_field' } } }, then: { required: ['form', 'field', 'offset'] } },
  ],
};

export const flowDefinitionSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://tessera.dev/schema/flow-definition.json',
  type: 'object',
  required: ['key', 'name', 'trigger', 'nodes', 'edges'],
  properties: {
    key,
    name: str,
    version: { type: 'integer', minimum: 1 },
    form: str,
    trigger: ref('trigger'),
    nodes: { type: 'array', minItems: 1, items: ref('node') },
    edges: { type: 'array', items: ref('edge') },
    settings: obj({ maxSteps: { type: 'integer', minimum: 1 }, allowSelfApproval: { type: 'boolean' } }),
  },
  definitions: { duration, dateRef, assignee, condition, timeLimit, node, edge, trigger },
};
