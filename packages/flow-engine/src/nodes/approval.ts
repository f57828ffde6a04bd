import { runHuman, resumeHuman } from '../human/human-node';
import type { NodeKind } from '../node-kind';

/** Approval (single, countersign 会签, or-sign 或签, sequential, percentage); see human/. */
export const approvalNode: NodeKind<'approval'> = {
  kind: 'approval',
  run: runHuman,
  resume: resumeHuman,
};
