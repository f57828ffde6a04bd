import type { FieldPermissions } from '@tessera/schema';
import type { TaskActionEvent } from '../events';
import type { FieldChange } from '../instance';
import { flowError, type FlowError } from '../results';
import { addHistory, emit, type Run } from '../runtime/run';
import { resumeToken } from '../runtime/resume-token';
import { returnToNode } from '../runtime/return-to-node';
import { closeTask, findToken } from '../runtime/tokens';

const ACTIONS = {
  approval: ['approve', 'reject', 'return', 'transfer', 'add_signer', 'comment'],
  fill: ['submit', 'return', 'transfer', 'comment'],
} as const;

/** Fields written with an action must all be 'edit' on the node (a field not listed is 'read'). */
function checkFields(
  permissions: FieldPermissions | undefined,
  fields: Record<string, unknown>,
): FlowError | undefined {
  for (const field of Object.keys(fields)) {
    const permission = permissions?.[field] ?? 'read';
    if (permission !== 'edit') {
      return flowError('field_not_editable', `Field "${field}" is ${permission} on this node, not editable`);
    }
  }
  return undefined;
}

/** A person acts on a task: guards (assignee, open, version, action, fields), then the node decides. */
export function onTaskAction(run: Run, event: TaskActionEvent): FlowError | undefined {
  const { instance } = run;
  const task = instance.tasks.find((t) => t.id === event.taskId);
  if (!task) return flowError('task_not_found', `Task "${event.taskId}" does not exist`);
  if (task.status !== 'open') return flowError('task_closed', `Task "${task.id}" is already ${task.status}`);
  if (event.taskVersion !== undefined && event.taskVersion !== task.version) {
    return flowError('stale_version', `Task "${task.id}" is at version ${task.version}, not ${event.taskVersion}`);
  }
  if (task.assigneeId !== event.actorId) {
    return flowError('not_assignee', `Task "${task.id}" is assigned to someone else`);
  }
  const token = findToken(run, task.tokenId);
  const node = run.nodes.get(task.nodeId);
  if (!node) return flowError('unknown_node', `Node "${task.nodeId}" does not exist in flow "${run.flow.key}"`);
  if (!token) return flowError('task_closed', `Task "${task.id}" is no longer active`);
  if (node.kind !== 'approval' && node.kind !== 'fill') {
    return flowError('invalid_action', `Node "${node.id}" is not a human node`);
  }
  const action = event.action;
  if (!(ACTIONS[node.kind] as readonly string[]).includes(action.type)) {
    return flowError('invalid_action', `"${action.type}" is not possible on a ${node.kind} task`);
  }
  const fields = event.fields ?? {};
  if (Object.keys(fields).length > 0) {
    if (action.type !== 'approve' && action.type !== 'submit') {
      return flowError('invalid_action', 'Fields can only be written when approving or submitting');
    }
    const refused = checkFields(node.fieldPermissions, fields);
    if (refused) return refused;
  }
  if (action.type === 'return') {
    closeTask(run, task, 'returned', event.actorId, false);
    return returnToNode(run, token, action.toNodeId, event.actorId, action.resume ?? 'graph', event.comment);
  }

  const fieldChanges: FieldChange[] = Object.entries(fields).map(([field, to]) => ({
    field,
    from: instance.record[field],
    to,
  }));
  addHistory(run, {
    actorId: event.actorId,
    nodeId: node.id,
    taskId: task.id,
    action: action.type,
    comment: event.comment,
    fieldChanges: fieldChanges.length > 0 ? fieldChanges : undefined,
    detail:
      action.type === 'transfer'
        ? `to ${action.toUserId}`
        : action.type === 'add_signer'
          ? `${action.position}: ${action.userIds.join(', ')}`
          : undefined,
  });
  if (action.type === 'comment') return undefined;
  if (fieldChanges.length > 0) {
    Object.assign(instance.record, fields);
    emit(run, { type: 'update_record', nodeId: node.id, recordId: instance.record.id ?? null, values: fields });
  }
  return resumeToken(run, token, event);
}
