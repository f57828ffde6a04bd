import type { HumanState } from '../instance';

export type Decision = 'approved' | 'rejected' | 'pending';

/**
 * The verdict of the resolved (primary) approvers under the node's mode:
 * single / any (或签): the first approval or rejection decides; all (会签) / sequential: every approval is needed
 * and one rejection rejects; percentage: approved once ⌈total × p / 100⌉ approved, rejected once that is out of reach.
 */
export function primaryDecision(state: HumanState): Decision {
  const primary = state.slots.filter((s) => s.role === 'primary');
  const total = primary.length;
  const approved = primary.filter((s) => s.state === 'approved').length;
  const rejected = primary.filter((s) => s.state === 'rejected').length;
  switch (state.mode) {
    case 'single':
    case 'any':
      if (approved >= 1) return 'approved';
      return rejected >= 1 ? 'rejected' : 'pending';
    case 'all':
    case 'sequential':
      if (rejected >= 1) return 'rejected';
      return approved === total ? 'approved' : 'pending';
    case 'percentage': {
      const need = Math.max(1, Math.ceil((total * (state.percentage ?? 100)) / 100));
      if (approved >= need) return 'approved';
      return total - rejected < need ? 'rejected' : 'pending';
    }
  }
}
