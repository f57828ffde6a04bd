import type { FlowDefinition } from './flow-definition';
import { validateFlowDefinitionShape } from './flow-validation';

const valid: FlowDefinition = {
  key: 'leave_request',
  name: 'Leave request',
  trigger: { type: 'form_submitted', form: 'leave' },
  nodes: [
    { id: 'start', kind: 'start' },
    {
      id: 'manager',
      kind: 'approval',
      mode: 'single',
      assignees: [{ type: 'manager', levels: 1 }],
      fieldPermissions: { days: 'read', note: 'edit' },
      timeLimits: [{ action: 'auto_approve', after: { amount: 2, unit: 'working_days' } }],
    },
    { id: 'end', kind: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'manager' },
    { id: 'e2', from: 'manager', to: 'end', condition: { field: 'days', op: 'lt', value: 3 } },
  ],
  settings: { maxSteps: 1000, allowSelfApproval: false },
};

describe('flow meta-schema', () => {
  it('accepts a valid flow', () => {
    expect(validateFlowDefinitionShape(valid)).toEqual([]);
  });

  it('names the path of what is wrong', () => {
    const broken = {
      ...valid,
      trigger: { type: 'date_field', form: 'contacts' },
      nodes: [
        ...valid.nodes,
        { id: 'x', kind: 'approval', mode: 'most', assignees: [] },
        { id: 'y', kind: 'teleport' },
      ],
    };
    const paths = validateFlowDefinitionShape(broken).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/trigger/field', '/trigger/offset', '/nodes/3/mode', '/nodes/4/kind']),
    );
  });
});
