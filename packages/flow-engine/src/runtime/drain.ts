import type { FlowNode } from '@tessera/schema';
import type { NodeContext, NodeOutcome } from '../node-kind';
import type { Token } from '../instance';
import { runNode } from '../node-registry';
import { finishInstance } from './finish';
import { maxSteps, type Run } from './run';
import { findToken, releaseToken, spawnToken } from './tokens';

/** Count one node execution; past settings.maxSteps the instance fails instead of looping forever. */
export function countStep(run: Run, nodeId: string): boolean {
  run.instance.steps += 1;
  const limit = maxSteps(run);
  if (run.instance.steps > limit) {
    finishInstance(
      run,
      'failed',
      `Step limit exceeded: more than ${limit} node executions (at node "${nodeId}"); the flow probably loops forever`,
    );
    return false;
  }
  return true;
}

function visit(run: Run, nodeId: string): void {
  if (!run.instance.visited.includes(nodeId)) run.instance.visited.push(nodeId);
}

/** Run a node, turning an exception from injected code (an evaluator) into a failed instance. */
export function guarded(run: Run, nodeId: string, fn: () => NodeOutcome): NodeOutcome {
  try {
    return fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { type: 'finish', status: 'failed', reason: `Node "${nodeId}" failed: ${message}` };
  }
}

/** The first token of a deferred-choice group to complete its node wins: the others are withdrawn. */
function settleRace(run: Run, winner: Token): void {
  if (!winner.race) return;
  for (const other of run.instance.tokens.filter((t) => t.race === winner.race && t.id !== winner.id)) {
    releaseToken(run, other);
  }
}

export function applyOutcome(run: Run, token: Token, outcome: NodeOutcome): void {
  switch (outcome.type) {
    case 'wait':
    case 'detached':
      return;
    case 'absorb':
      releaseToken(run, token);
      return;
    case 'finish':
      releaseToken(run, token);
      finishInstance(run, outcome.status, outcome.reason);
      return;
    case 'leave': {
      settleRace(run, token);
      releaseToken(run, token);
      const branches = token.returnTo && outcome.outcome === undefined ? [{ to: token.returnTo }] : outcome.branches;
      for (const b of branches) {
        spawnToken(run, b.to, {
          viaEdgeId: b.edgeId,
          locals: b.locals ?? token.locals,
          frames: b.frames ?? token.frames,
          race: b.race,
        });
      }
    }
  }
}

/** Run every queued token until all wait, then complete the instance if no work is left (WCP11). */
export function drain(run: Run): void {
  while (run.queue.length > 0 && run.instance.status === 'running') {
    const id = run.queue.shift();
    const token = id === undefined ? undefined : findToken(run, id);
    if (!token) continue;
    const node: FlowNode | undefined = run.nodes.get(token.nodeId);
    if (!node) {
      finishInstance(run, 'failed', `Node "${token.nodeId}" does not exist in flow "${run.flow.key}"`);
      break;
    }
    if (!countStep(run, node.id)) break;
    visit(run, node.id);
    const ctx: NodeContext = { run, token };
    applyOutcome(
      run,
      token,
      guarded(run, node.id, () => runNode(node, ctx)),
    );
  }
  if (run.instance.status === 'running' && run.instance.tokens.length === 0) finishInstance(run, 'completed');
}
