import type { ApprovalMode, FlowDefinition, FlowEdge, FlowNode, FlowSettings, JsonValue } from '@tessera/schema';
import type { EngineDeps, StartContext } from '../deps';
import type { Effect, EffectType } from '../effects';
import type { FlowEvent } from '../events';
import type { FlowInstance, Task } from '../instance';
import type { StepResult } from '../results';
import { handle } from '../handle';
import { start } from '../start';
import { testEvaluate } from './test-evaluator';

/** Monday 3 March 2025, 09:00 UTC. */
export const T0 = '2025-03-03T09:00:00.000Z';

export const deps: EngineDeps = { evaluateCondition: testEvaluate };

export interface Step {
  instance: FlowInstance;
  effects: Effect[];
}

export function flowOf(nodes: FlowNode[], edges: FlowEdge[], settings?: FlowSettings): FlowDefinition {
  return { key: 'test', name: 'Test', trigger: { type: 'manual' }, nodes, edges, settings };
}

/** Edges a→b→c… named `a>b`. */
export function chain(...ids: string[]): FlowEdge[] {
  return ids.slice(1).map((to, i) => edge(ids[i], to));
}

export function edge(from: string, to: string, extra: Partial<FlowEdge> = {}): FlowEdge {
  return { id: `${from}>${to}${extra.on ? `:${extra.on}` : ''}`, from, to, ...extra };
}

export const startNode = (): FlowNode => ({ id: 'start', kind: 'start' });
export const endNode = (id = 'end'): FlowNode => ({ id, kind: 'end' });

export function approval(id: string, userIds: string[], mode: ApprovalMode = 'single', extra: object = {}): FlowNode {
  return { id, kind: 'approval', mode, assignees: [{ type: 'users', userIds }], ...extra } as FlowNode;
}

export function unwrap(result: StepResult): Step {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return { instance: result.instance, effects: result.effects };
}

export function begin(flow: FlowDefinition, ctx: Partial<StartContext> = {}, engineDeps: EngineDeps = deps): Step {
  return unwrap(
    start(
      flow,
      { instanceId: 'i1', now: T0, submitterId: 'alice', record: { id: 'r1' }, vars: {}, ...ctx },
      engineDeps,
    ),
  );
}

type EventInput = FlowEvent extends infer E ? (E extends FlowEvent ? Omit<E, 'now'> & { now?: string } : never) : never;

export function send(flow: FlowDefinition, instance: FlowInstance, event: EventInput, engineDeps = deps): StepResult {
  return handle(flow, instance, { now: T0, ...event } as FlowEvent, engineDeps);
}

export function act(flow: FlowDefinition, instance: FlowInstance, event: EventInput, engineDeps = deps): Step {
  return unwrap(send(flow, instance, event, engineDeps));
}

export function openTasks(instance: FlowInstance, nodeId?: string): Task[] {
  return instance.tasks.filter((t) => t.status === 'open' && (nodeId === undefined || t.nodeId === nodeId));
}

export function taskOf(instance: FlowInstance, userId: string, nodeId?: string): Task {
  const task = openTasks(instance, nodeId).find((t) => t.assigneeId === userId);
  if (!task) throw new Error(`no open task for ${userId}${nodeId ? ` at ${nodeId}` : ''}`);
  return task;
}

/** The user approves (or submits) their open task. */
export function approve(
  flow: FlowDefinition,
  instance: FlowInstance,
  userId: string,
  nodeId?: string,
  fields?: Record<string, JsonValue>,
): Step {
  const task = taskOf(instance, userId, nodeId);
  const type = task.type === 'fill' ? 'submit' : 'approve';
  return act(flow, instance, { type: 'task_action', taskId: task.id, actorId: userId, action: { type }, fields });
}

export function reject(flow: FlowDefinition, instance: FlowInstance, userId: string, nodeId?: string): Step {
  const task = taskOf(instance, userId, nodeId);
  return act(flow, instance, { type: 'task_action', taskId: task.id, actorId: userId, action: { type: 'reject' } });
}

export function effectsOf<T extends EffectType>(effects: Effect[], type: T): Extract<Effect, { type: T }>[] {
  return effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
}

/** Node ids of open tasks, sorted. */
export function openNodes(instance: FlowInstance): string[] {
  return openTasks(instance)
    .map((t) => t.nodeId)
    .sort();
}
