import type { NodeKind } from '../node-kind';
import { leave } from '../runtime/edges';

/** Multi-merge (WCP8) / simple merge (WCP5): every arriving token continues on its own. */
export const multiMergeNode: NodeKind<'multi_merge'> = {
  kind: 'multi_merge',
  run: (_node, _instance, ctx) => leave(ctx),
};
