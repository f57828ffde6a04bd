import type { FlowDefinition } from '@tessera/schema';
import { handle } from './handle';
import type { Effect } from './effects';
import type { FlowEvent } from './events';
import type { FlowInstance } from './instance';
import { start } from './start';
import {
  T0,
  act,
  approval,
  begin,
  chain,
  deps,
  edge,
  effectsOf,
  endNode,
  flowOf,
  openNodes,
  send,
  startNode,
  taskOf,
  unwrap,
} from './test-support/harness';

describe('engine', () => {
  it('fails an instance that exceeds maxSteps instead of looping forever', () => {
    const flow = flowOf(
      [startNode(), { id: 'a', kind: 'multi_merge' }, { id: 'b', kind: 'multi_merge' }, endNode()],
      [...chain('start', 'a', 'b', 'a')],
      { maxSteps: 50 },
    );
    const s = begin(flow);
    expect(s.instance.status).toBe('failed');
    expect(s.instance.reason).toMatch(/Step limit exceeded: more than 50 node executions/);
    expect(effectsOf(s.effects, 'instance_failed')).toHaveLength(1);
  });

  it('is deterministic: the same inputs give identical outputs, and the state is plain JSON', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'split', kind: 'parallel' },
        approval('A', ['u1', 'u2'], 'all', { timeLimits: [{ action: 'remind', after: { amount: 1, unit: 'days' } }] }),
        approval('B', ['u3']),
        { id: 'join', kind: 'join', split: 'split' },
        endNode(),
      ],
      [
        ...chain('start', 'split'),
        ...chain('split', 'A', 'join'),
        ...chain('split', 'B', 'join'),
        ...chain('join', 'end'),
      ],
    );
    const script = (): { instance: FlowInstance; effects: Effect[] }[] => {
      const out = [unwrap(start(flow, { instanceId: 'i9', now: T0, submitterId: 'alice', record: { id: 'r' } }, deps))];
      const events = (i: FlowInstance): FlowEvent[] => [
        { type: 'task_action', now: T0, taskId: taskOf(i, 'u1').id, actorId: 'u1', action: { type: 'approve' } },
      ];
      for (const e of events(out[0].instance)) out.push(unwrap(handle(flow, out[out.length - 1].instance, e, deps)));
      return out;
    };
    const first = script();
    expect(script()).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it('never modifies the caller’s instance, and a refused event changes nothing', () => {
    const flow = flowOf([startNode(), approval('A', ['u1']), endNode()], chain('start', 'A', 'end'));
    const s = begin(flow);
    const snapshot = JSON.stringify(s.instance);
    act(flow, s.instance, {
      type: 'task_action',
      taskId: taskOf(s.instance, 'u1').id,
      actorId: 'u1',
      action: { type: 'approve' },
    });
    send(flow, s.instance, {
      type: 'task_action',
      taskId: taskOf(s.instance, 'u1').id,
      actorId: 'x',
      action: { type: 'approve' },
    });
    expect(JSON.stringify(s.instance)).toBe(snapshot);
  });

  it('refuses an event for another flow, and fails clearly on an edge to an unknown node', () => {
    const flow = flowOf([startNode(), approval('A', ['u1']), endNode()], chain('start', 'A', 'end'));
    const s = begin(flow);
    const other: FlowDefinition = { ...flow, key: 'other' };
    expect(send(other, s.instance, { type: 'urge', actorId: 'alice' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'flow_mismatch' }),
    });
    const broken = flowOf([startNode(), endNode()], chain('start', 'ghost'));
    const b = begin(broken);
    expect(b.instance.status).toBe('failed');
    expect(b.instance.reason).toMatch(/ghost/);
  });
});

describe('action nodes', () => {
  it('query_records / http / calculate wait for effect_result and store into vars; errors follow on:error', () => {
    const flow = flowOf(
      [
        startNode(),
        {
          id: 'q',
          kind: 'query_records',
          form: 'orders',
          condition: { field: 'customer', op: 'eq', value: { $var: 'cid' } },
          resultVar: 'orders',
        },
        {
          id: 'h',
          kind: 'http',
          method: 'GET',
          url: 'https://api.example/score',
          responseMapping: { score: 'body.score' },
        },
        { id: 'c', kind: 'calculate', expression: '$count(vars.orders)', resultVar: 'n' },
        { id: 'u', kind: 'update_record', values: { score: { $field: 'vars.score' }, orders: { $field: 'vars.n' } } },
        { id: 'oops', kind: 'notify', recipients: [{ type: 'submitter' }], title: 'failed' },
        endNode(),
      ],
      [...chain('start', 'q', 'h', 'c', 'u', 'end'), edge('h', 'oops', { on: 'error' }), ...chain('oops', 'end')],
    );
    let s = begin(flow, { vars: { cid: 'c1' } });
    const [query] = effectsOf(s.effects, 'query_records');
    expect(query.vars).toEqual({ cid: 'c1' });
    s = act(flow, s.instance, { type: 'effect_result', effectId: query.id, result: [{ id: 'o1' }, { id: 'o2' }] });
    const [http] = effectsOf(s.effects, 'http');
    expect(http.awaitResult).toBe(true);

    const failed = act(flow, s.instance, { type: 'effect_result', effectId: http.id, error: 'timeout' });
    expect(effectsOf(failed.effects, 'notify')).toHaveLength(1);

    s = act(flow, s.instance, {
      type: 'effect_result',
      effectId: http.id,
      result: { status: 200, body: { score: 7 } },
    });
    const [calc] = effectsOf(s.effects, 'calculate');
    s = act(flow, s.instance, { type: 'effect_result', effectId: calc.id, result: 2 });
    expect(effectsOf(s.effects, 'update_record')).toEqual([
      expect.objectContaining({ recordId: 'r1', values: { score: 7, orders: 2 } }),
    ]);
    expect(s.instance.vars).toEqual(expect.objectContaining({ orders: [{ id: 'o1' }, { id: 'o2' }], score: 7, n: 2 }));
    expect(s.instance.status).toBe('completed');
    expect(send(flow, s.instance, { type: 'effect_result', effectId: calc.id, result: 1 })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'instance_finished' }),
    });
  });

  it('subflow starts a child and resumes on its completion; cc and assign_owner', () => {
    const flow = flowOf(
      [
        startNode(),
        { id: 'cc', kind: 'cc', recipients: [{ type: 'users', userIds: ['hr'] }] },
        {
          id: 'owner',
          kind: 'assign_owner',
          strategy: 'round_robin',
          candidates: [{ type: 'roles', roleIds: ['sales'] }],
        },
        { id: 'child', kind: 'subflow', flowKey: 'onboarding', input: { who: { $field: 'name' } }, resultVar: 'child' },
        approval('done', ['boss']),
        endNode(),
      ],
      chain('start', 'cc', 'owner', 'child', 'done', 'end'),
    );
    let s = begin(flow, { record: { id: 'r1', name: 'Ann' } });
    expect(effectsOf(s.effects, 'create_task')).toEqual([
      expect.objectContaining({ task: expect.objectContaining({ type: 'cc', assigneeId: 'hr' }) }),
    ]);
    const [assign] = effectsOf(s.effects, 'assign_owner');
    s = act(flow, s.instance, { type: 'effect_result', effectId: assign.id, result: 'sam' });
    expect(s.instance.record.owner_id).toBe('sam');
    const [sub] = effectsOf(s.effects, 'start_subflow');
    expect(sub.vars).toEqual({ who: 'Ann' });
    s = act(flow, s.instance, {
      type: 'subflow_completed',
      childInstanceId: sub.childInstanceId,
      status: 'completed',
      vars: { ok: true },
    });
    expect(s.instance.vars.child).toEqual({ ok: true });
    expect(openNodes(s.instance)).toEqual(['done']);
  });

  it('delay until a date from the data, re-planned when the record changes', () => {
    const flow = flowOf(
      [startNode(), { id: 'wait', kind: 'delay', until: { field: 'due' } }, approval('A', ['u1']), endNode()],
      chain('start', 'wait', 'A', 'end'),
    );
    let s = begin(flow, { record: { id: 'r1', due: '2025-03-10' } });
    expect(effectsOf(s.effects, 'schedule_timer')[0].fireAt).toBe('2025-03-10T00:00:00.000Z');
    s = act(flow, s.instance, { type: 'record_changed', record: { due: '2025-03-12' } });
    expect(s.effects.map((e) => e.type)).toEqual(['cancel_timer', 'schedule_timer']);
    s = act(flow, s.instance, { type: 'record_changed', record: { due: '2025-01-01' } });
    expect(openNodes(s.instance)).toEqual(['A']); // already past: continues at once
  });
});
