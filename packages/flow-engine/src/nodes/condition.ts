import type { NodeKind } from '../node-kind';
import { evaluate } from '../runtime/data';
import { edgesFor, toBranches } from '../runtime/edges';

/** Exclusive choice (WCP4): the first outgoing edge (in order) whose condition holds, else the default edge. */
export const conditionNode: NodeKind<'condition'> = {
  kind: 'condition',
  run(node, _instance, ctx) {
    const edges = edgesFor(ctx);
    const chosen =
      edges.find((e) => !e.isDefault && (!e.condition || evaluate(ctx.run, ctx.token, e.condition))) ??
      edges.find((e) => e.isDefault);
    if (!chosen) {
      return {
        type: 'finish',
        status: 'failed',
        reason: `No branch of "${node.name ?? node.id}" matched and it has no default`,
      };
    }
    return { type: 'leave', branches: toBranches([chosen]) };
  },
};
