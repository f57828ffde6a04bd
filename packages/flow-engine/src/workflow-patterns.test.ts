import type { EngineDeps } from './deps';
import {
  T0,
  act,
  approval,
  approve,
  begin,
  chain,
  deps,
  edge,
  effectsOf,
  endNode,
  flowOf,
  openNodes,
  openTasks,
  startNode,
  taskOf,
} from './test-support/harness';

describe('Workflow Control-Flow Patterns', () => {
  it('WCP1 Sequence: B starts after A completes', () => {
    const flow = flowOf(
      [startNode(), approval('A', ['u1']), approval('B', ['u2']), endNode()],
      chain('start', 'A', 'B', 'end'),
    );
    let s = begin(flow);
    expect(openNodes(s.instance)).toEqual(['A']);
    s = approve(flow, s.instance, 'u1');
    expect(openNodes(s.instance)).toEqual(['B']);
    expect(effectsOf(s.effects, 'create_task').map((e) => e.task.nodeId)).toEqual(['B']);
    s = approve(flow, s.instance, 'u2');
    expect(s.instance.status).toBe('completed');
    expect(effectsOf(s.effects, 'instance_completed')).toEqual([expect.objectContaining({ status: 'completed' })]);
  });

  const parallelFlow = () =>
    flowOf(
      [
        startNode(),
        { id: 'split', kind: 'parallel' },
        approval('A', ['u1']),
        approval('B', ['u2']),
        { id: 'join', kind: 'join', split: 'split' },
        approval('C', ['u3']),
        endNode(),
      ],
      [
        ...chain('start', 'split'),
        ...chain('split', 'A', 'join'),
        ...chain('split', 'B', 'join'),
        ...chain('join', 'C', 'end'),
      ],
    );

  it('WCP2 Parallel Split: one branch forks into concurrent branches', () => {
    const s = begin(parallelFlow());
    expect(openNodes(s.instance)).toEqual(['A', 'B']);
    expect(s.instance.tokens).toHaveLength(2);
  });

  it('WCP3 Synchronization: an AND-join waits for all incoming branches', () => {
    const flow = parallelFlow();
    let s = begin(flow);
    s = approve(flow, s.instance, 'u2');
    expect(openNodes(s.instance)).toEqual(['A']);
    s = approve(flow, s.instance, 'u1');
    expect(openNodes(s.instance)).toEqual(['C']);
    expect(s.instance.joins).toEqual({});
    s = approve(flow, s.instance, 'u3');
    expect(s.instance.status).toBe('completed');
  });

  const exclusiveFlow = () =>
    flowOf(
      [
        startNode(),
        { id: 'amount?', kind: 'condition' },
        approval('director', ['dir']),
        approval('manager', ['mgr']),
        approval('finance', ['fin']),
        endNode(),
      ],
      [
        ...chain('start', 'amount?'),
        edge('amount?', 'director', { condition: { field: 'amount', op: 'gt', value: 10000 } }),
        edge('amount?', 'manager', { isDefault: true }),
        ...chain('director', 'finance'),
        ...chain('manager', 'finance'),
        ...chain('finance', 'end'),
      ],
    );

  it('WCP4 Exclusive Choice: data picks exactly one outgoing branch', () => {
    const flow = exclusiveFlow();
    expect(openNodes(begin(flow, { record: { id: 'r1', amount: 50000 } }).instance)).toEqual(['director']);
    expect(openNodes(begin(flow, { record: { id: 'r1', amount: 500 } }).instance)).toEqual(['manager']);
  });

  it('WCP5 Simple Merge: alternative branches rejoin without waiting', () => {
    const flow = exclusiveFlow();
    let s = begin(flow, { record: { id: 'r1', amount: 500 } });
    s = approve(flow, s.instance, 'mgr');
    expect(openNodes(s.instance)).toEqual(['finance']);
    s = approve(flow, s.instance, 'fin');
    expect(s.instance.status).toBe('completed');
  });

  const inclusiveFlow = () =>
    flowOf(
      [
        startNode(),
        { id: 'which', kind: 'inclusive' },
        approval('legal', ['lawyer']),
        approval('finance', ['cfo']),
        approval('it', ['cio']),
        { id: 'merge', kind: 'inclusive_merge', split: 'which' },
        approval('archive', ['clerk']),
        endNode(),
      ],
      [
        ...chain('start', 'which'),
        edge('which', 'legal', { condition: { field: 'hasContract', op: 'eq', value: true } }),
        edge('which', 'finance', { condition: { field: 'amount', op: 'gt', value: 1000 } }),
        edge('which', 'it', { condition: { field: 'needsLaptop', op: 'eq', value: true } }),
        ...chain('legal', 'merge'),
        ...chain('finance', 'merge'),
        ...chain('it', 'merge'),
        ...chain('merge', 'archive', 'end'),
      ],
    );

  it('WCP6 Multi-Choice: conditions enable one or more branches', () => {
    const flow = inclusiveFlow();
    const both = begin(flow, { record: { id: 'r1', hasContract: true, amount: 5000, needsLaptop: false } });
    expect(openNodes(both.instance)).toEqual(['finance', 'legal']);
    const one = begin(flow, { record: { id: 'r1', hasContract: false, amount: 0, needsLaptop: true } });
    expect(openNodes(one.instance)).toEqual(['it']);
  });

  it('WCP7 Structured Synchronizing Merge: an OR-join waits only for the branches that were enabled', () => {
    const flow = inclusiveFlow();
    let s = begin(flow, { record: { id: 'r1', hasContract: true, amount: 5000, needsLaptop: false } });
    expect(s.instance.joins.merge).toEqual(expect.objectContaining({ expected: 2 }));
    s = approve(flow, s.instance, 'lawyer');
    expect(openNodes(s.instance)).toEqual(['finance']);
    s = approve(flow, s.instance, 'cfo');
    expect(openNodes(s.instance)).toEqual(['archive']);
    expect(s.instance.joins).toEqual({});
  });

  it('WCP8 Multi-Merge: each arriving branch triggers the downstream part separately', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'split', kind: 'parallel' },
        approval('A', ['u1']),
        approval('B', ['u2']),
        { id: 'mm', kind: 'multi_merge' },
        approval('C', ['u3']),
        endNode(),
      ],
      [
        ...chain('start', 'split'),
        ...chain('split', 'A', 'mm'),
        ...chain('split', 'B', 'mm'),
        ...chain('mm', 'C', 'end'),
      ],
    );
    let s = begin(flow);
    s = approve(flow, s.instance, 'u1');
    expect(openTasks(s.instance, 'C')).toHaveLength(1);
    s = approve(flow, s.instance, 'u2');
    expect(openTasks(s.instance, 'C')).toHaveLength(2);
    s = approve(flow, s.instance, 'u3');
    s = approve(flow, s.instance, 'u3');
    expect(s.instance.status).toBe('completed');
  });

  it('WCP9 Structured Discriminator: continue on the first arriving branch, ignore the rest, then reset', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'split', kind: 'parallel' },
        approval('A', ['u1']),
        approval('B', ['u2']),
        approval('C', ['u3']),
        { id: 'first', kind: 'discriminator', split: 'split' },
        approval('D', ['u4']),
        endNode(),
      ],
      [
        ...chain('start', 'split'),
        ...chain('split', 'A', 'first'),
        ...chain('split', 'B', 'first'),
        ...chain('split', 'C', 'first'),
        ...chain('first', 'D', 'end'),
      ],
    );
    let s = begin(flow);
    s = approve(flow, s.instance, 'u2');
    expect(openNodes(s.instance)).toEqual(['A', 'C', 'D']);
    s = approve(flow, s.instance, 'u1');
    expect(openTasks(s.instance, 'D')).toHaveLength(1);
    expect(s.instance.joins.first).toEqual(expect.objectContaining({ fired: true, count: 2 }));
    s = approve(flow, s.instance, 'u3');
    expect(openTasks(s.instance, 'D')).toHaveLength(1);
    expect(s.instance.joins).toEqual({}); // reset after every branch arrived
    s = approve(flow, s.instance, 'u4');
    expect(s.instance.status).toBe('completed');
  });

  it('WCP10 Arbitrary Cycles: an unstructured loop back to an earlier node', () => {
    const flow = flowOf(
      [
        startNode(),
        approval('draft', ['author']),
        approval('review', ['editor']),
        { id: 'ok?', kind: 'condition' },
        endNode(),
      ],
      [
        ...chain('start', 'draft', 'review', 'ok?'),
        edge('ok?', 'end', { condition: { field: 'accepted', op: 'eq', value: true } }),
        edge('ok?', 'draft', { isDefault: true }),
      ],
    );
    let s = begin(flow, { record: { id: 'r1', accepted: false } });
    s = approve(flow, s.instance, 'author');
    s = approve(flow, s.instance, 'editor');
    expect(openNodes(s.instance)).toEqual(['draft']); // back round the cycle
    s = act(flow, s.instance, { type: 'record_changed', record: { accepted: true } });
    s = approve(flow, s.instance, 'author');
    s = approve(flow, s.instance, 'editor');
    expect(s.instance.status).toBe('completed');
  });

  it('WCP11 Implicit Termination: the instance ends when no work is left', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'split', kind: 'parallel' },
        approval('A', ['u1']),
        { id: 'tell', kind: 'notify', recipients: [{ type: 'submitter' }], title: 'FYI' },
      ],
      [...chain('start', 'split'), ...chain('split', 'A'), ...chain('split', 'tell')],
    );
    let s = begin(flow);
    expect(s.instance.status).toBe('running');
    expect(effectsOf(s.effects, 'notify')).toHaveLength(1);
    s = approve(flow, s.instance, 'u1'); // A has no outgoing edge and no end node exists
    expect(s.instance.status).toBe('completed');
    expect(s.instance.tokens).toEqual([]);
  });

  it('WCP12 Multiple Instances without Synchronization: spawn N copies, do not wait for them', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'mi', kind: 'multi_instance', items: 'vars.reviewers', itemVar: 'reviewer', join: false },
        { id: 'review', kind: 'approval', mode: 'single', assignees: [{ type: 'variable', path: 'vars.reviewer' }] },
        approval('next', ['boss']),
        endNode(),
      ],
      [...chain('start', 'mi'), edge('mi', 'review', { on: 'body' }), ...chain('mi', 'next', 'end')],
    );
    let s = begin(flow, { vars: { reviewers: ['r1', 'r2', 'r3'] } });
    expect(openNodes(s.instance)).toEqual(['next', 'review', 'review', 'review']);
    s = approve(flow, s.instance, 'boss');
    expect(s.instance.status).toBe('running'); // copies still open: no work lost, no waiting either
    for (const r of ['r1', 'r2', 'r3']) s = approve(flow, s.instance, r);
    expect(s.instance.status).toBe('completed');
  });

  it('WCP13 Multiple Instances with a priori Design-Time Knowledge: N fixed in the design, then join', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'mi', kind: 'multi_instance', count: 3, join: true },
        approval('sign', ['notary']),
        approval('after', ['boss']),
        endNode(),
      ],
      [
        ...chain('start', 'mi'),
        edge('mi', 'sign', { on: 'body' }),
        ...chain('sign', 'mi'),
        ...chain('mi', 'after', 'end'),
      ],
    );
    let s = begin(flow);
    expect(openTasks(s.instance, 'sign')).toHaveLength(3);
    s = approve(flow, s.instance, 'notary');
    s = approve(flow, s.instance, 'notary');
    expect(openNodes(s.instance)).toEqual(['sign']);
    s = approve(flow, s.instance, 'notary');
    expect(openNodes(s.instance)).toEqual(['after']);
    expect(s.instance.groups).toEqual({});
  });

  it('WCP14 Multiple Instances with a priori Run-Time Knowledge: one per line item, then join', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'perLine', kind: 'multi_instance', items: 'lines', itemVar: 'line', join: true },
        {
          id: 'lineApproval',
          kind: 'approval',
          mode: 'single',
          assignees: [{ type: 'variable', path: 'vars.line.approver' }],
        },
        approval('summary', ['cfo']),
        endNode(),
      ],
      [
        ...chain('start', 'perLine'),
        edge('perLine', 'lineApproval', { on: 'body' }),
        ...chain('lineApproval', 'perLine'),
        ...chain('perLine', 'summary', 'end'),
      ],
    );
    const lines = [
      { sku: 'A', approver: 'pm1' },
      { sku: 'B', approver: 'pm2' },
    ];
    let s = begin(flow, { record: { id: 'r1', lines } });
    expect(openTasks(s.instance).map((t) => t.assigneeId)).toEqual(['pm1', 'pm2']);
    expect(s.instance.tokens.map((t) => t.locals?.line)).toEqual(lines);
    s = approve(flow, s.instance, 'pm2');
    expect(openNodes(s.instance)).toEqual(['lineApproval']);
    s = approve(flow, s.instance, 'pm1');
    expect(openNodes(s.instance)).toEqual(['summary']);
  });

  const raceFlow = () =>
    flowOf(
      [
        startNode(),
        { id: 'race', kind: 'deferred_choice' },
        approval('confirm', ['customer']),
        { id: 'timeout', kind: 'delay', duration: { amount: 2, unit: 'days' } },
        { id: 'chase', kind: 'notify', recipients: [{ type: 'record_owner' }], title: 'No answer' },
        endNode(),
        endNode('end2'),
      ],
      [...chain('start', 'race'), ...chain('race', 'confirm', 'end'), ...chain('race', 'timeout', 'chase', 'end2')],
    );

  it('WCP16 Deferred Choice: the first external event decides the branch (a person acts)', () => {
    const flow = raceFlow();
    let s = begin(flow);
    const timer = effectsOf(s.effects, 'schedule_timer')[0];
    expect(timer.fireAt).toBe('2025-03-05T09:00:00.000Z');
    s = approve(flow, s.instance, 'customer');
    expect(effectsOf(s.effects, 'cancel_timer')).toEqual([expect.objectContaining({ timerId: timer.timerId })]);
    expect(effectsOf(s.effects, 'notify')).toEqual([]);
    expect(s.instance.status).toBe('completed');
  });

  it('WCP16 Deferred Choice: the first external event decides the branch (the timer fires)', () => {
    const flow = raceFlow();
    let s = begin(flow);
    const timer = effectsOf(s.effects, 'schedule_timer')[0];
    const task = taskOf(s.instance, 'customer');
    s = act(flow, s.instance, { type: 'timer_fired', timerId: timer.timerId, now: timer.fireAt });
    expect(effectsOf(s.effects, 'cancel_task')).toEqual([expect.objectContaining({ taskId: task.id })]);
    expect(effectsOf(s.effects, 'notify')).toHaveLength(1);
    expect(s.instance.status).toBe('completed');
  });

  it('WCP19 Cancel Task: an enabled task is withdrawn', () => {
    const flow = parallelFlow();
    let s = begin(flow);
    const a = taskOf(s.instance, 'u1');
    s = act(flow, s.instance, { type: 'cancel_task', taskId: a.id, actorId: 'admin', reason: 'not needed' });
    expect(s.instance.tasks.find((t) => t.id === a.id)?.status).toBe('cancelled');
    expect(effectsOf(s.effects, 'cancel_task')).toEqual([expect.objectContaining({ taskId: a.id })]);
    expect(openNodes(s.instance)).toEqual(['B']);
    expect(s.instance.status).toBe('running');
    // the withdrawn branch never reaches the join: once B is done no work is left (WCP11)
    s = approve(flow, s.instance, 'u2');
    expect(openTasks(s.instance)).toEqual([]);
    expect(s.instance.status).toBe('completed');
  });

  it('WCP20 Cancel Case: the whole instance is aborted', () => {
    const flow = raceFlow();
    let s = begin(flow);
    s = act(flow, s.instance, { type: 'cancel_instance', actorId: 'admin', reason: 'duplicate request' });
    expect(s.instance.status).toBe('cancelled');
    expect(s.instance.tokens).toEqual([]);
    expect(s.instance.timers).toEqual([]);
    expect(effectsOf(s.effects, 'cancel_task')).toHaveLength(1);
    expect(effectsOf(s.effects, 'cancel_timer')).toHaveLength(1);
    expect(effectsOf(s.effects, 'instance_completed')).toEqual([
      expect.objectContaining({ status: 'cancelled', reason: 'duplicate request' }),
    ]);
  });

  it('WCP21 Structured Loop: a while loop around a block', () => {
    const counting: EngineDeps = {
      ...deps,
      evaluateExpression: (_expr, input) => {
        const vars = input.vars as Record<string, unknown>;
        return (typeof vars.count === 'number' ? vars.count : 0) + 1;
      },
    };
    const flow = flowOf(
      [
        startNode(),
        { id: 'loop', kind: 'loop', mode: 'while', condition: { field: 'vars.count', op: 'lt', value: 3 } },
        { id: 'inc', kind: 'calculate', expression: 'count + 1', resultVar: 'count' },
        endNode(),
      ],
      [
        ...chain('start', 'loop'),
        edge('loop', 'inc', { on: 'body' }),
        ...chain('inc', 'loop'),
        ...chain('loop', 'end'),
      ],
    );
    const s = begin(flow, { vars: { count: 0 } }, counting);
    expect(s.instance.vars.count).toBe(3);
    expect(s.instance.status).toBe('completed');
  });

  it('WCP21 Structured Loop: repeat … until around a human block, and for-each over rows', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'loop', kind: 'loop', mode: 'repeat', condition: { field: 'quality', op: 'eq', value: 'ok' } },
        approval('inspect', ['qa']),
        { id: 'each', kind: 'loop', mode: 'for_each', items: 'lines', itemVar: 'line' },
        { id: 'mail', kind: 'email', addresses: [{ $field: 'vars.line.email' }], subject: 'Shipped', body: 'Shipped' },
        endNode(),
      ],
      [
        ...chain('start', 'loop'),
        edge('loop', 'inspect', { on: 'body' }),
        ...chain('inspect', 'loop'),
        ...chain('loop', 'each'),
        edge('each', 'mail', { on: 'body' }),
        ...chain('mail', 'each'),
        ...chain('each', 'end'),
      ],
    );
    let s = begin(flow, { record: { id: 'r1', quality: 'bad', lines: [{ email: 'a@x' }, { email: 'b@x' }] } });
    expect(openNodes(s.instance)).toEqual(['inspect']); // repeat runs the body once before testing
    s = approve(flow, s.instance, 'qa');
    expect(openNodes(s.instance)).toEqual(['inspect']);
    expect(s.instance.tokens[0].frames).toEqual([{ type: 'loop', nodeId: 'loop', iteration: 1 }]);
    s = act(flow, s.instance, { type: 'record_changed', record: { quality: 'ok' } });
    s = approve(flow, s.instance, 'qa', undefined);
    expect(effectsOf(s.effects, 'email').map((e) => e.addresses)).toEqual([['a@x'], ['b@x']]);
    expect(s.instance.status).toBe('completed');
  });
});

describe('time arrives in events', () => {
  it('uses the event time, never a clock', () => {
    const flow = flowOf([startNode(), approval('A', ['u1']), endNode()], chain('start', 'A', 'end'));
    const s = begin(flow, { now: '2030-01-01T00:00:00.000Z' });
    expect(s.instance.tasks[0].createdAt).toBe('2030-01-01T00:00:00.000Z');
    expect(T0).not.toBe(s.instance.startedAt);
  });
});
