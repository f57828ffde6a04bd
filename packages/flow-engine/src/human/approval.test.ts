import type { FlowNode } from '@tessera/schema';
import {
  act,
  approval,
  approve,
  begin,
  chain,
  edge,
  effectsOf,
  endNode,
  flowOf,
  openNodes,
  openTasks,
  reject,
  send,
  startNode,
  taskOf,
} from '../test-support/harness';

const single = (node: FlowNode) =>
  flowOf([startNode(), node, approval('next', ['boss']), endNode()], chain('start', node.id, 'next', 'end'));

describe('approval modes', () => {
  it('countersign (会签, all): every approver must approve; one rejection rejects', () => {
    const flow = single(approval('sign', ['u1', 'u2', 'u3'], 'all'));
    let s = begin(flow);
    expect(openTasks(s.instance, 'sign')).toHaveLength(3);
    s = approve(flow, s.instance, 'u1');
    s = approve(flow, s.instance, 'u3');
    expect(openNodes(s.instance)).toEqual(['sign']);
    s = approve(flow, s.instance, 'u2');
    expect(openNodes(s.instance)).toEqual(['next']);

    let r = begin(flow);
    r = approve(flow, r.instance, 'u1');
    r = reject(flow, r.instance, 'u2');
    expect(r.instance.status).toBe('rejected');
    expect(effectsOf(r.effects, 'cancel_task')).toHaveLength(1); // u3's task
  });

  it('or-sign (或签, any): the first approval decides; the second approver gets task_closed', () => {
    const flow = single(approval('sign', ['u1', 'u2'], 'any'));
    let s = begin(flow);
    const t2 = taskOf(s.instance, 'u2');
    s = approve(flow, s.instance, 'u1');
    expect(openNodes(s.instance)).toEqual(['next']);
    const late = send(flow, s.instance, {
      type: 'task_action',
      taskId: t2.id,
      actorId: 'u2',
      action: { type: 'approve' },
    });
    expect(late).toEqual({ ok: false, error: expect.objectContaining({ code: 'task_closed' }) });
  });

  it('sequential: one approver after another, in order', () => {
    const flow = single(approval('sign', ['u1', 'u2', 'u3'], 'sequential'));
    let s = begin(flow);
    expect(openTasks(s.instance).map((t) => t.assigneeId)).toEqual(['u1']);
    s = approve(flow, s.instance, 'u1');
    expect(openTasks(s.instance).map((t) => t.assigneeId)).toEqual(['u2']);
    s = approve(flow, s.instance, 'u2');
    s = approve(flow, s.instance, 'u3');
    expect(openNodes(s.instance)).toEqual(['next']);
  });

  it('percentage: approved at ⌈60% of 5⌉ = 3 approvals, rejected once 3 is out of reach', () => {
    const flow = single(approval('vote', ['a', 'b', 'c', 'd', 'e'], 'percentage', { percentage: 60 }));
    let s = begin(flow);
    s = approve(flow, s.instance, 'a');
    s = reject(flow, s.instance, 'b');
    s = approve(flow, s.instance, 'c');
    expect(openNodes(s.instance)).toEqual(['vote', 'vote']);
    s = approve(flow, s.instance, 'e');
    expect(openNodes(s.instance)).toEqual(['next']);

    let r = begin(flow);
    for (const u of ['a', 'b']) r = reject(flow, r.instance, u);
    expect(r.instance.status).toBe('running');
    r = reject(flow, r.instance, 'c');
    expect(r.instance.status).toBe('rejected');
  });

  it('reject follows an on:rejected edge when the flow has one', () => {
    const flow = flowOf(
      [startNode(), approval('sign', ['u1']), approval('appeal', ['judge']), endNode()],
      [...chain('start', 'sign', 'end'), edge('sign', 'appeal', { on: 'rejected' }), ...chain('appeal', 'end')],
    );
    let s = begin(flow);
    s = reject(flow, s.instance, 'u1');
    expect(openNodes(s.instance)).toEqual(['appeal']);
  });

  it('roles are resolved by the shell: resolve_assignees effect, then assignees_resolved', () => {
    const flow = single({
      id: 'sign',
      kind: 'approval',
      mode: 'all',
      assignees: [{ type: 'roles', roleIds: ['finance'] }],
    });
    let s = begin(flow);
    const [request] = effectsOf(s.effects, 'resolve_assignees');
    expect(request).toEqual(
      expect.objectContaining({ nodeId: 'sign', specs: [{ type: 'roles', roleIds: ['finance'] }] }),
    );
    expect(openTasks(s.instance)).toEqual([]);
    s = act(flow, s.instance, { type: 'assignees_resolved', effectId: request.id, userIds: ['f1', 'f2'] });
    expect(openTasks(s.instance).map((t) => t.assigneeId)).toEqual(['f1', 'f2']);
    // or pre-resolved in the event: no round trip
    const pre = begin(flow, { resolvedAssignees: { sign: ['f3'] } });
    expect(effectsOf(pre.effects, 'resolve_assignees')).toEqual([]);
    expect(openTasks(pre.instance).map((t) => t.assigneeId)).toEqual(['f3']);
  });

  it('record owner and member field assignees come from the record', () => {
    const flow = single({
      id: 'sign',
      kind: 'approval',
      mode: 'all',
      assignees: [{ type: 'record_owner' }, { type: 'member_field', field: 'reviewers' }],
    });
    const s = begin(flow, { record: { id: 'r1', owner_id: 'own', reviewers: ['rv1', 'own'] } });
    expect(openTasks(s.instance).map((t) => t.assigneeId)).toEqual(['own', 'rv1']);
  });
});

describe('operations', () => {
  const returnFlow = () =>
    flowOf(
      [
        startNode(),
        { id: 'fill', kind: 'fill', assignees: [{ type: 'submitter' }], fieldPermissions: { amount: 'edit' } },
        approval('manager', ['mgr']),
        { id: 'sync', kind: 'http', method: 'POST', url: 'https://erp.example/api', body: { $field: 'amount' } },
        approval('finance', ['fin']),
        endNode(),
      ],
      chain('start', 'fill', 'manager', 'sync', 'finance', 'end'),
    );

  it('return to an earlier node without re-running the nodes in between', () => {
    const flow = returnFlow();
    let s = begin(flow);
    s = approve(flow, s.instance, 'alice', 'fill', { amount: 100 });
    s = approve(flow, s.instance, 'mgr');
    expect(effectsOf(s.effects, 'http')).toHaveLength(1);
    const fin = taskOf(s.instance, 'fin');
    s = act(flow, s.instance, {
      type: 'task_action',
      taskId: fin.id,
      actorId: 'fin',
      action: { type: 'return', toNodeId: 'fill' },
      comment: 'amount is wrong',
    });
    // the jump runs nothing in between: no manager task, no HTTP call
    expect(s.effects.map((e) => e.type)).toEqual(['create_task']);
    expect(openNodes(s.instance)).toEqual(['fill']);
    expect(s.instance.tasks.find((t) => t.id === fin.id)?.status).toBe('returned');
    expect(s.instance.history.at(-1)).toEqual(
      expect.objectContaining({ action: 'return', detail: 'to fill', comment: 'amount is wrong' }),
    );
    // when the returned-to node completes, the flow proceeds as the graph says
    s = approve(flow, s.instance, 'alice', 'fill', { amount: 80 });
    expect(openNodes(s.instance)).toEqual(['manager']);
  });

  it('return with resume "returner": after resubmission the flow comes straight back, skipping the nodes in between', () => {
    const flow = returnFlow();
    let s = begin(flow);
    s = approve(flow, s.instance, 'alice', 'fill', { amount: 100 });
    s = approve(flow, s.instance, 'mgr');
    const fin = taskOf(s.instance, 'fin');
    s = act(flow, s.instance, {
      type: 'task_action',
      taskId: fin.id,
      actorId: 'fin',
      action: { type: 'return', toNodeId: 'fill', resume: 'returner' },
    });
    s = approve(flow, s.instance, 'alice', 'fill', { amount: 80 });
    expect(openNodes(s.instance)).toEqual(['finance']);
    expect(effectsOf(s.effects, 'http')).toEqual([]);
  });

  it('return refuses nodes not visited yet and unknown nodes', () => {
    const flow = returnFlow();
    let s = begin(flow);
    s = approve(flow, s.instance, 'alice', 'fill');
    const task = taskOf(s.instance, 'mgr');
    const ret = (toNodeId: string) =>
      send(flow, s.instance, {
        type: 'task_action',
        taskId: task.id,
        actorId: 'mgr',
        action: { type: 'return', toNodeId },
      });
    expect(ret('finance')).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_visited' }) });
    expect(ret('nope')).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_node' }) });
  });

  it('transfer (转交): the task moves to another user; the old assignee can no longer act', () => {
    const flow = single(approval('sign', ['u1']));
    let s = begin(flow);
    const old = taskOf(s.instance, 'u1');
    s = act(flow, s.instance, {
      type: 'task_action',
      taskId: old.id,
      actorId: 'u1',
      action: { type: 'transfer', toUserId: 'u9' },
    });
    expect(openTasks(s.instance).map((t) => t.assigneeId)).toEqual(['u9']);
    expect(s.instance.tasks.find((t) => t.id === old.id)?.status).toBe('transferred');
    const again = send(flow, s.instance, {
      type: 'task_action',
      taskId: old.id,
      actorId: 'u1',
      action: { type: 'approve' },
    });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'task_closed' }) });
    const toSelf = send(flow, s.instance, {
      type: 'task_action',
      taskId: taskOf(s.instance, 'u9').id,
      actorId: 'u9',
      action: { type: 'transfer', toUserId: 'alice' },
    });
    expect(toSelf).toEqual({ ok: false, error: expect.objectContaining({ code: 'self_approval_forbidden' }) });
    s = approve(flow, s.instance, 'u9');
    expect(openNodes(s.instance)).toEqual(['next']);
  });

  it('add signer before (前加签): the added signers approve first, then the original approver again', () => {
    const flow = single(approval('sign', ['u1']));
    let s = begin(flow);
    const t = taskOf(s.instance, 'u1');
    s = act(flow, s.instance, {
      type: 'task_action',
      taskId: t.id,
      actorId: 'u1',
      action: { type: 'add_signer', userIds: ['expert'], position: 'before' },
    });
    expect(openTasks(s.instance).map((x) => x.assigneeId)).toEqual(['expert']);
    s = approve(flow, s.instance, 'expert');
    expect(openTasks(s.instance).map((x) => x.assigneeId)).toEqual(['u1']);
    s = approve(flow, s.instance, 'u1');
    expect(openNodes(s.instance)).toEqual(['next']);
  });

  it('add signer after (后加签): the approver approves, the node waits for the added signers', () => {
    const flow = single(approval('sign', ['u1', 'u2'], 'any'));
    let s = begin(flow);
    const t = taskOf(s.instance, 'u1');
    s = act(flow, s.instance, {
      type: 'task_action',
      taskId: t.id,
      actorId: 'u1',
      action: { type: 'add_signer', userIds: ['legal'], position: 'after' },
    });
    expect(openTasks(s.instance).map((x) => x.assigneeId)).toEqual(['legal']); // u2's or-sign task is moot
    s = approve(flow, s.instance, 'legal');
    expect(openNodes(s.instance)).toEqual(['next']);
  });

  it('withdraw (撤回): only the submitter, only while running', () => {
    const flow = single(approval('sign', ['u1']));
    const s = begin(flow);
    expect(send(flow, s.instance, { type: 'withdraw', actorId: 'u1' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not_submitter' }),
    });
    const w = act(flow, s.instance, { type: 'withdraw', actorId: 'alice' });
    expect(w.instance.status).toBe('withdrawn');
    expect(effectsOf(w.effects, 'cancel_task')).toHaveLength(1);
    expect(send(flow, w.instance, { type: 'withdraw', actorId: 'alice' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'instance_finished' }),
    });
  });

  it('urge (催办) notifies the open assignees; comments go to the history only', () => {
    const flow = single(approval('sign', ['u1', 'u2'], 'all'));
    let s = begin(flow);
    s = act(flow, s.instance, { type: 'urge', actorId: 'alice' });
    expect(effectsOf(s.effects, 'notify')).toEqual([
      expect.objectContaining({ reason: 'urge', recipients: [{ type: 'users', userIds: ['u1', 'u2'] }] }),
    ]);
    const t = taskOf(s.instance, 'u1');
    s = act(flow, s.instance, {
      type: 'task_action',
      taskId: t.id,
      actorId: 'u1',
      action: { type: 'comment' },
      comment: 'looking',
    });
    expect(s.effects).toEqual([]);
    expect(s.instance.history.at(-1)).toEqual(
      expect.objectContaining({ action: 'comment', comment: 'looking', actorId: 'u1' }),
    );
    expect(taskOf(s.instance, 'u1').version).toBe(t.version);
  });

  it('errors are results: not the assignee, stale version, unknown task', () => {
    const flow = single(approval('sign', ['u1']));
    const s = begin(flow);
    const t = taskOf(s.instance, 'u1');
    const approveAs = (actorId: string, taskVersion?: number, taskId = t.id) =>
      send(flow, s.instance, { type: 'task_action', taskId, taskVersion, actorId, action: { type: 'approve' } });
    expect(approveAs('mallory')).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_assignee' }) });
    expect(approveAs('u1', t.version + 1)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'stale_version' }),
    });
    expect(approveAs('u1', undefined, 'x')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'task_not_found' }),
    });
    expect(approveAs('u1', t.version).ok).toBe(true);
  });
});

describe('separation of duties', () => {
  it('removes the submitter from the approvers unless allowed', () => {
    const flow = single(approval('sign', ['alice', 'bob'], 'all'));
    expect(openTasks(begin(flow).instance).map((t) => t.assigneeId)).toEqual(['bob']);
    const allowed = { ...flow, settings: { allowSelfApproval: true } };
    expect(openTasks(begin(allowed).instance).map((t) => t.assigneeId)).toEqual(['alice', 'bob']);
  });

  it('an approval left without assignees fails clearly, or auto-approves when configured', () => {
    const failing = single(approval('sign', ['alice']));
    const f = begin(failing);
    expect(f.instance.status).toBe('failed');
    expect(f.instance.reason).toMatch(/separation of duties/);
    expect(effectsOf(f.effects, 'instance_failed')).toHaveLength(1);
    const skipping = single(approval('sign', ['alice'], 'single', { whenNoAssignee: 'auto_approve' }));
    expect(openNodes(begin(skipping).instance)).toEqual(['next']);
  });
});

describe('field permissions', () => {
  const flow = single(
    approval('sign', ['u1'], 'single', { fieldPermissions: { comment_box: 'edit', amount: 'read', salary: 'hidden' } }),
  );

  it('refuses writes to fields that are not editable on the node', () => {
    const s = begin(flow, { record: { id: 'r1', amount: 10 } });
    const t = taskOf(s.instance, 'u1');
    for (const field of ['amount', 'salary', 'unlisted']) {
      const r = send(flow, s.instance, {
        type: 'task_action',
        taskId: t.id,
        actorId: 'u1',
        action: { type: 'approve' },
        fields: { [field]: 1 },
      });
      expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'field_not_editable' }) });
    }
  });

  it('applies editable fields to the record, the history and an update_record effect', () => {
    let s = begin(flow, { record: { id: 'r1', amount: 10 } });
    expect(effectsOf(s.effects, 'create_task')[0].task.fieldPermissions).toEqual(
      expect.objectContaining({ salary: 'hidden' }),
    );
    s = approve(flow, s.instance, 'u1', 'sign', { comment_box: 'fine' });
    expect(s.instance.record.comment_box).toBe('fine');
    expect(effectsOf(s.effects, 'update_record')).toEqual([
      expect.objectContaining({ recordId: 'r1', values: { comment_box: 'fine' } }),
    ]);
    expect(s.instance.history.find((h) => h.action === 'approve')?.fieldChanges).toEqual([
      { field: 'comment_box', from: undefined, to: 'fine' },
    ]);
  });
});
