import type { NodeKind } from '../node-kind';
import { selectEdges, toBranches } from '../runtime/edges';

/**
 * Multi-choice (WCP6): every outgoing edge whose condition holds (the default when none). Tells its synchronizing
 * merge how many branches it enabled (WCP7).
 */
export const inclusiveNode: NodeKind<'inclusive'> = {
  kind: 'inclusive',
  run(node, instance, ctx) {
    const edges = selectEdges(ctx);
    if (edges.length === 0) {
      return {
        type: 'finish',
        status: 'failed',
        reason: `No branch of "${node.name ?? node.id}" matched and it has no default`,
      };
    }
    for (const merge of ctx.run.flow.nodes) {
      if (merge.kind === 'inclusive_merge' && merge.split === node.id) {
        instance.joins[merge.id] = { arrived: {}, expected: edges.length, count: 0 };
      }
    }
    return { type: 'leave', branches: toBranches(edges) };
  },
};
