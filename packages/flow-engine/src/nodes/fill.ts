import { runHuman, resumeHuman } from '../human/human-node';
import type { NodeKind } from '../node-kind';

/** A person completes fields (their 'edit' permissions); the first submission completes the node. */
export const fillNode: NodeKind<'fill'> = {
  kind: 'fill',
  run: runHuman,
  resume: resumeHuman,
};
