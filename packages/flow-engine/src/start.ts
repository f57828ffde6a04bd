import type { FlowDefinition } from '@tessera/schema';
import type { EngineDeps, StartContext } from './deps';
import type { FlowInstance } from './instance';
import { flowError, type StepResult } from './results';
import { drain } from './runtime/drain';
import { addHistory, createRun } from './runtime/run';
import { spawnToken } from './runtime/tokens';

/** Start an instance of a flow: a token at the start node, run until everything waits (or the instance ends). */
export function start(flow: FlowDefinition, ctx: StartContext, deps: EngineDeps): StepResult {
  const startNodes = flow.nodes.filter((n) => n.kind === 'start');
  if (startNodes.length !== 1) {
    return { ok: false, error: flowError('invalid_flow', `Flow "${flow.key}" needs exactly one start node`) };
  }
  const instance: FlowInstance = {
    id: ctx.instanceId,
    flowKey: flow.key,
    flowVersion: flow.version,
    status: 'running',
    submitterId: ctx.submitterId,
    record: structuredClone(ctx.record),
    vars: structuredClone(ctx.vars ?? {}),
    tokens: [],
    tasks: [],
    timers: [],
    joins: {},
    groups: {},
    visited: [],
    history: [],
    steps: 0,
    seq: 0,
    startedAt: ctx.now,
  };
  const run = createRun(flow, instance, deps, ctx.now, ctx.resolvedAssignees);
  addHistory(run, { actorId: ctx.submitterId, action: 'start' });
  spawnToken(run, startNodes[0].id, { frames: [] });
  drain(run);
  return { ok: true, instance: run.instance, effects: run.effects };
}
