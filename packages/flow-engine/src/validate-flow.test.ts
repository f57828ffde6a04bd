import type { FlowDefinition } from '@tessera/schema';
import { approval, chain, edge, endNode, flowOf, startNode } from './test-support/harness';
import { validateFlow } from './validate-flow';

const codes = (flow: FlowDefinition, fieldKeys?: string[]) =>
  validateFlow(flow, { fieldKeys }).map((i) => [i.path, i.code]);

describe('validateFlow', () => {
  it('accepts a well-formed flow', () => {
    const flow = flowOf(
      [startNode(), { id: 'c', kind: 'condition' }, approval('A', ['u1']), approval('B', ['u2']), endNode()],
      [
        ...chain('start', 'c'),
        edge('c', 'A', { condition: { field: 'amount', op: 'gt', value: 1 } }),
        edge('c', 'B', { isDefault: true, condition: { field: 'vars.x', op: 'eq', value: 1 } }),
        ...chain('A', 'end'),
        ...chain('B', 'end'),
      ],
    );
    expect(validateFlow(flow, { fieldKeys: ['amount'] })).toEqual([]);
  });

  it('reports unreachable nodes, unknown edge ends, a missing end and human nodes without assignees', () => {
    const flow = flowOf(
      [startNode(), approval('A', []), approval('island', ['u1'])],
      [...chain('start', 'A'), edge('A', 'ghost'), edge('phantom', 'A')],
    );
    expect(codes(flow)).toEqual([
      ['/edges/1/to', 'unknown_node'],
      ['/edges/2/from', 'unknown_node'],
      ['/nodes', 'missing_end'],
      ['/nodes/1/assignees', 'missing_assignees'],
      ['/nodes/2', 'unreachable_node'],
    ]);
  });

  it('reports joins without a matching split and conditions on unknown fields', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'c', kind: 'condition' },
        approval('A', ['u1']),
        approval('B', ['u2']),
        { id: 'j', kind: 'join', split: 'c' },
        endNode(),
      ],
      [
        ...chain('start', 'c'),
        edge('c', 'A', { condition: { field: 'amout', op: 'gt', value: 1 } }),
        edge('c', 'B', { isDefault: true }),
        ...chain('A', 'j'),
        ...chain('B', 'j'),
        ...chain('j', 'end'),
      ],
    );
    expect(codes(flow, ['amount'])).toEqual([
      ['/edges/1/condition', 'unknown_field'],
      ['/nodes/4/split', 'join_without_split'],
    ]);
  });

  it('reports loops and multi-instance nodes without a body', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'l', kind: 'loop', mode: 'while' },
        { id: 'm', kind: 'multi_instance', join: true },
        endNode(),
      ],
      chain('start', 'l', 'm', 'end'),
    );
    expect(codes(flow).map(([, code]) => code)).toEqual([
      'missing_body',
      'invalid_loop',
      'missing_body',
      'invalid_multi_instance',
      'missing_body',
    ]);
  });
});
