import type { ApprovalNode, FillNode } from '@tessera/schema';
import type { HumanState, Slot, Task } from '../instance';
import type { NodeContext } from '../node-kind';
import { emit, nextId } from '../runtime/run';
import { closeTask } from '../runtime/tokens';

export type HumanNode = ApprovalNode | FillNode;

export function humanState(ctx: NodeContext): HumanState {
  const state = ctx.token.human;
  if (!state) throw new Error(`token ${ctx.token.id} has no human state`);
  return state;
}

export function newSlot(ctx: NodeContext, userId: string, role: Slot['role'], addedBy?: Slot['addedBy']): Slot {
  return { id: nextId(ctx.run, 's'), userId, role, state: 'queued', addedBy };
}

/** Give the slot's user a task (create_task effect). */
export function openSlot(ctx: NodeContext, node: HumanNode, slot: Slot): Task {
  const { run, token } = ctx;
  const task: Task = {
    id: nextId(run, 'task'),
    tokenId: token.id,
    nodeId: node.id,
    type: node.kind === 'fill' ? 'fill' : 'approval',
    assigneeId: slot.userId,
    slotId: slot.id,
    status: 'open',
    version: 1,
    createdAt: run.now,
  };
  run.instance.tasks.push(task);
  slot.state = 'open';
  slot.taskId = task.id;
  emit(run, {
    type: 'create_task',
    task: {
      id: task.id,
      nodeId: node.id,
      nodeName: node.name,
      type: task.type,
      assigneeId: task.assigneeId,
      version: task.version,
      fieldPermissions: node.fieldPermissions,
    },
  });
  return task;
}

export function slotTask(ctx: NodeContext, slot: Slot): Task | undefined {
  return ctx.run.instance.tasks.find((t) => t.id === slot.taskId);
}

/** The slot no longer matters (the node is decided): its open task is cancelled. */
export function closeSlot(ctx: NodeContext, slot: Slot): void {
  const task = slotTask(ctx, slot);
  if (task && task.status === 'open') closeTask(ctx.run, task, 'cancelled', 'system', true);
  slot.state = 'closed';
}

export function openTasks(ctx: NodeContext): Task[] {
  return ctx.run.instance.tasks.filter((t) => t.tokenId === ctx.token.id && t.status === 'open');
}
