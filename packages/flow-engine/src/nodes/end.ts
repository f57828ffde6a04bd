import type { NodeKind } from '../node-kind';

/** Consumes the token; a terminating (or rejecting) end finishes the instance at once. */
export const endNode: NodeKind<'end'> = {
  kind: 'end',
  run: (node) =>
    node.terminate || node.status === 'rejected'
      ? { type: 'finish', status: node.status ?? 'completed', reason: node.name }
      : { type: 'absorb' },
};
