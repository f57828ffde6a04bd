import type { EngineDeps } from '../deps';
import {
  approval,
  act,
  begin,
  chain,
  deps,
  effectsOf,
  endNode,
  flowOf,
  openNodes,
  send,
  startNode,
  taskOf,
} from '../test-support/harness';

/** Friday 7 March 2025, 16:00 in Shanghai (08:00 UTC). */
const FRIDAY = '2025-03-07T08:00:00.000Z';
const shanghai: EngineDeps = {
  ...deps,
  calendar: { workdays: [1, 2, 3, 4, 5], holidays: ['2025-03-10'], extraWorkdays: [], timeZone: 'Asia/Shanghai' },
};

describe('time limits', () => {
  const flow = flowOf(
    [
      startNode(),
      approval('sign', ['u1'], 'single', {
        timeLimits: [
          { action: 'remind', after: { amount: 4, unit: 'hours' }, repeatEvery: { amount: 1, unit: 'days' } },
          { action: 'auto_approve', after: { amount: 2, unit: 'working_days' } },
        ],
      }),
      approval('next', ['boss']),
      endNode(),
    ],
    chain('start', 'sign', 'next', 'end'),
  );

  it('produce timer effects; working days skip the weekend and holidays', () => {
    const s = begin(flow, { now: FRIDAY }, shanghai);
    expect(effectsOf(s.effects, 'schedule_timer').map((t) => [t.purpose, t.fireAt])).toEqual([
      ['remind', '2025-03-07T12:00:00.000Z'],
      // Fri 16:00 + 2 working days: Sat, Sun, Mon (holiday) skipped → Tue, Wed 16:00 Shanghai
      ['auto_approve', '2025-03-12T08:00:00.000Z'],
    ]);
  });

  it('remind notifies the assignee and repeats', () => {
    let s = begin(flow, { now: FRIDAY }, shanghai);
    const remind = effectsOf(s.effects, 'schedule_timer')[0];
    s = act(flow, s.instance, { type: 'timer_fired', timerId: remind.timerId, now: remind.fireAt }, shanghai);
    expect(effectsOf(s.effects, 'notify')).toEqual([
      expect.objectContaining({ reason: 'remind', recipients: [{ type: 'users', userIds: ['u1'] }] }),
    ]);
    expect(effectsOf(s.effects, 'schedule_timer')).toEqual([
      expect.objectContaining({ purpose: 'remind', fireAt: '2025-03-08T12:00:00.000Z' }),
    ]);
  });

  it('auto-approves on timer_fired and cancels the other timers', () => {
    let s = begin(flow, { now: FRIDAY }, shanghai);
    const [remind, auto] = effectsOf(s.effects, 'schedule_timer');
    s = act(flow, s.instance, { type: 'timer_fired', timerId: auto.timerId, now: auto.fireAt }, shanghai);
    expect(openNodes(s.instance)).toEqual(['next']);
    expect(s.instance.tasks[0]).toEqual(expect.objectContaining({ status: 'approved', actorId: 'system' }));
    expect(effectsOf(s.effects, 'cancel_timer')).toEqual([expect.objectContaining({ timerId: remind.timerId })]);
    // a timer that was cancelled is refused as a result, not thrown
    expect(send(flow, s.instance, { type: 'timer_fired', timerId: remind.timerId }, shanghai)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unknown_timer' }),
    });
  });

  it('escalate reassigns the open task; auto-return goes back to an earlier node', () => {
    const f = flowOf(
      [
        startNode(),
        { id: 'fill', kind: 'fill', assignees: [{ type: 'submitter' }] },
        approval('sign', ['u1'], 'single', {
          timeLimits: [
            {
              action: 'escalate',
              after: { amount: 1, unit: 'days' },
              escalateTo: [{ type: 'users', userIds: ['boss'] }],
            },
            { action: 'auto_return', after: { amount: 3, unit: 'days' }, returnTo: 'fill' },
          ],
        }),
        endNode(),
      ],
      chain('start', 'fill', 'sign', 'end'),
    );
    let s = begin(f);
    s = act(f, s.instance, {
      type: 'task_action',
      taskId: taskOf(s.instance, 'alice').id,
      actorId: 'alice',
      action: { type: 'submit' },
    });
    const [escalate, autoReturn] = effectsOf(s.effects, 'schedule_timer');
    s = act(f, s.instance, { type: 'timer_fired', timerId: escalate.timerId });
    expect(taskOf(s.instance, 'boss').nodeId).toBe('sign');
    s = act(f, s.instance, { type: 'timer_fired', timerId: autoReturn.timerId });
    expect(openNodes(s.instance)).toEqual(['fill']);
  });

  it('a time limit at a date field', () => {
    const f = flowOf(
      [
        startNode(),
        approval('sign', ['u1'], 'single', {
          timeLimits: [
            { action: 'auto_reject', at: { field: 'deadline', offset: { amount: -1, unit: 'days' }, atTime: '18:00' } },
          ],
        }),
        endNode(),
      ],
      chain('start', 'sign', 'end'),
    );
    let s = begin(f, { record: { id: 'r1', deadline: '2025-03-20' } }, shanghai);
    const [timer] = effectsOf(s.effects, 'schedule_timer');
    expect(timer.fireAt).toBe('2025-03-19T10:00:00.000Z');
    s = act(f, s.instance, { type: 'timer_fired', timerId: timer.timerId }, shanghai);
    expect(s.instance.status).toBe('rejected');
  });
});
