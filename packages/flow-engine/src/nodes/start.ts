import type { NodeKind } from '../node-kind';
import { leave } from '../runtime/edges';

export const startNode: NodeKind<'start'> = {
  kind: 'start',
  run: (_node, _instance, ctx) => leave(ctx),
};
