import type { ResumeEvent } from '../events';
import type { Token } from '../instance';
import { resumeNode } from '../node-registry';
import { flowError, isFlowError, type FlowError } from '../results';
import { applyOutcome, countStep, guarded } from './drain';
import type { Run } from './run';

/** Hand an event to the node a token waits at, and apply what the node decides. */
export function resumeToken(run: Run, token: Token, event: ResumeEvent): FlowError | undefined {
  const node = run.nodes.get(token.nodeId);
  if (!node) return flowError('unknown_node', `Node "${token.nodeId}" does not exist in flow "${run.flow.key}"`);
  let refused: FlowError | undefined;
  const outcome = guarded(run, node.id, () => {
    const result = resumeNode(node, event, { run, token });
    if (isFlowError(result)) {
      refused = result;
      return { type: 'wait' };
    }
    return result;
  });
  if (refused) return refused;
  if (!countStep(run, node.id)) return undefined;
  applyOutcome(run, token, outcome);
  return undefined;
}
