import type { NodeKind } from '../node-kind';
import { edgesFor, toBranches } from '../runtime/edges';

/** Parallel split (WCP2): a token on every outgoing edge. */
export const parallelNode: NodeKind<'parallel'> = {
  kind: 'parallel',
  run: (_node, _instance, ctx) => ({ type: 'leave', branches: toBranches(edgesFor(ctx)) }),
};
