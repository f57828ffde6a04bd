import {
  isAndCondition,
  isNotCondition,
  isOrCondition,
  isRuleCondition,
  type AssigneeSpec,
  type Condition,
  type FlowDefinition,
  type FlowNode,
} from '@tessera/schema';
import { blockBody, incomingEdges, outgoingEdges, reachable } from './runtime/graph';

export interface FlowIssue {
  /** JSON pointer into the flow document. */
  path: string;
  code:
    | 'duplicate_id'
    | 'missing_start'
    | 'multiple_starts'
    | 'missing_end'
    | 'unknown_node'
    | 'unreachable_node'
    | 'join_without_split'
    | 'unknown_field'
    | 'missing_assignees'
    | 'missing_body'
    | 'invalid_multi_instance'
    | 'invalid_loop'
    | 'invalid_percentage'
    | 'no_outgoing';
  message: string;
}

export interface ValidateFlowOptions {
  /** The main form's field keys: conditions may only use these, system columns and `vars.*`. */
  fieldKeys?: string[];
}

const SYSTEM_COLUMNS = ['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'owner_id', 'version'];
const SPLIT_OF: Partial<Record<FlowNode['kind'], FlowNode['kind'][]>> = {
  join: ['parallel'],
  inclusive_merge: ['inclusive'],
  discriminator: ['parallel', 'inclusive'],
};

/** A spec that can never yield anyone: an empty user / role / department list. */
function emptySpec(spec: AssigneeSpec): boolean {
  if (spec.type === 'users') return spec.userIds.length === 0;
  if (spec.type === 'roles') return spec.roleIds.length === 0;
  if (spec.type === 'departments') return spec.departmentIds.length === 0;
  return false;
}

function conditionFieldList(c: Condition): string[] {
  if (isAndCondition(c)) return c.and.flatMap(conditionFieldList);
  if (isOrCondition(c)) return c.or.flatMap(conditionFieldList);
  if (isNotCondition(c)) return conditionFieldList(c.not);
  if (isRuleCondition(c)) return [c.field];
  return [];
}

/** Graph rules a meta-schema cannot express. An empty list = the flow can run. */
export function validateFlow(flow: FlowDefinition, options: ValidateFlowOptions = {}): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const add = (path: string, code: FlowIssue['code'], message: string): void => {
    issues.push({ path, code, message });
  };
  const byId = new Map<string, FlowNode>();
  flow.nodes.forEach((n, i) => {
    if (byId.has(n.id)) add(`/nodes/${i}/id`, 'duplicate_id', `Node id "${n.id}" is used twice`);
    byId.set(n.id, n);
  });
  const edgeIds = new Set<string>();
  flow.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) add(`/edges/${i}/id`, 'duplicate_id', `Edge id "${e.id}" is used twice`);
    edgeIds.add(e.id);
    if (!byId.has(e.from)) add(`/edges/${i}/from`, 'unknown_node', `Edge "${e.id}" starts at unknown node "${e.from}"`);
    if (!byId.has(e.to)) add(`/edges/${i}/to`, 'unknown_node', `Edge "${e.id}" leads to unknown node "${e.to}"`);
  });

  const starts = flow.nodes.filter((n) => n.kind === 'start');
  if (starts.length === 0) add('/nodes', 'missing_start', 'The flow has no start node');
  if (starts.length > 1) add('/nodes', 'multiple_starts', 'The flow has more than one start node');
  if (!flow.nodes.some((n) => n.kind === 'end')) add('/nodes', 'missing_end', 'The flow has no end node');

  const known = new Set([...(options.fieldKeys ?? []), ...SYSTEM_COLUMNS]);
  const checkCondition = (path: string, c: Condition | undefined): void => {
    if (!c || !options.fieldKeys) return;
    for (const field of conditionFieldList(c)) {
      if (!known.has(field) && !field.startsWith('vars.')) {
        add(path, 'unknown_field', `Condition uses unknown field "${field}"`);
      }
    }
  };
  flow.edges.forEach((e, i) => checkCondition(`/edges/${i}/condition`, e.condition));
  if ('condition' in flow.trigger) checkCondition('/trigger/condition', flow.trigger.condition);

  const fromStart = starts[0] ? reachable(flow, starts[0].id) : new Set<string>();
  flow.nodes.forEach((node, i) => {
    const path = `/nodes/${i}`;
    const label = node.name ?? node.id;
    if (starts[0] && !fromStart.has(node.id))
      add(path, 'unreachable_node', `Node "${label}" cannot be reached from the start`);
    const outgoing = outgoingEdges(flow, node.id);
    switch (node.kind) {
      case 'approval':
      case 'fill':
        if (node.assignees.every(emptySpec))
          add(`${path}/assignees`, 'missing_assignees', `"${label}" has no assignees`);
        if (node.kind === 'approval' && node.mode === 'percentage' && !(node.percentage && node.percentage > 0)) {
          add(`${path}/percentage`, 'invalid_percentage', `"${label}" needs a percentage between 1 and 100`);
        }
        (node.timeLimits ?? []).forEach((limit, j) => {
          if (limit.action === 'auto_return' && (!limit.returnTo || !byId.has(limit.returnTo))) {
            add(`${path}/timeLimits/${j}/returnTo`, 'unknown_node', `"${label}" auto-returns to an unknown node`);
          }
        });
        break;
      case 'cc':
        if (node.recipients.every(emptySpec))
          add(`${path}/recipients`, 'missing_assignees', `"${label}" has no recipients`);
        break;
      case 'join':
      case 'inclusive_merge':
      case 'discriminator': {
        const split = byId.get(node.split);
        const kinds = SPLIT_OF[node.kind] ?? [];
        if (!split || !kinds.includes(split.kind) || !reachable(flow, split.id).has(node.id)) {
          add(`${path}/split`, 'join_without_split', `"${label}" has no matching ${kinds.join(' / ')} split`);
        }
        if (incomingEdges(flow, node.id).length < 2 && node.kind === 'join') {
          add(path, 'join_without_split', `"${label}" joins fewer than two branches`);
        }
        break;
      }
      case 'loop':
      case 'multi_instance':
        if (!outgoing.some((e) => e.on === 'body')) add(path, 'missing_body', `"${label}" has no body edge`);
        if (node.kind === 'multi_instance' && node.count === undefined && node.items === undefined) {
          add(path, 'invalid_multi_instance', `"${label}" needs a count or an items list`);
        }
        if (node.kind === 'multi_instance' && node.join && !blockBody(flow, node.id).size) {
          add(path, 'missing_body', `"${label}" has no body to join`);
        }
        if (node.kind === 'loop' && node.mode !== 'for_each' && !node.condition) {
          add(`${path}/condition`, 'invalid_loop', `"${label}" needs a condition`);
        }
        if (node.kind === 'loop' && node.mode === 'for_each' && !node.items) {
          add(`${path}/items`, 'invalid_loop', `"${label}" needs an items list`);
        }
        break;
      case 'condition':
      case 'inclusive':
      case 'parallel':
      case 'deferred_choice':
        if (outgoing.length === 0) add(path, 'no_outgoing', `"${label}" has no outgoing edge`);
        break;
      case 'query_records':
        break;
      default:
        break;
    }
    if (node.kind === 'loop') checkCondition(`${path}/condition`, node.condition);
  });
  return issues;
}
