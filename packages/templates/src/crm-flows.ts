import type { AssigneeSpec, FlowDefinition, FlowEdge, FlowNode, Locale } from '@tessera/schema';
import { bi, pick, type Bilingual } from './app-template';
import { RFM_EXPRESSION } from './crm-rfm';

/** What the flows need from the tenant they are installed into (ids exist only there). */
export interface CrmFlowContext {
  /** The sales groups leads are assigned to, round-robin over their members. */
  salesDepartmentIds: string[];
  /** Notified when a lead is returned to the public pool; escalation target of discount approvals. */
  salesDirectorId: string;
}

const TODAY = { $expr: '$substring($now(), 0, 10)' };
const OWNER: AssigneeSpec = { type: 'record_owner' };

/** A straight line of nodes start → … → end, the shape most automations have. */
function chain(nodes: FlowNode[]): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const all: FlowNode[] = [{ id: 'start', kind: 'start' }, ...nodes, { id: 'end', kind: 'end' }];
  return {
    nodes: all,
    edges: all.slice(1).map((n, i) => ({ id: `e${i + 1}`, from: all[i].id, to: n.id })),
  };
}

function flows(ctx: CrmFlowContext, t: (text: Bilingual) => string): FlowDefinition[] {
  const director: AssigneeSpec = { type: 'users', userIds: [ctx.salesDirectorId] };
  return [
    {
      key: 'crm_lead_assignment',
      name: t(bi('线索自动分配（轮询）', 'Lead auto-assignment (round-robin)')),
      form: 'leads',
      // Leads without an owner (website form, import) that are not deliberately parked in the public pool.
      trigger: {
        type: 'record_created',
        form: 'leads',
        condition: {
          and: [
            { field: 'owner_id', op: 'isEmpty' },
            { field: 'in_public_pool', op: 'ne', value: true },
          ],
        },
      },
      ...chain([
        {
          id: 'assign',
          kind: 'assign_owner',
          strategy: 'round_robin',
          candidates: [{ type: 'departments', departmentIds: ctx.salesDepartmentIds }],
          resultVar: 'assignee',
        },
        { id: 'stamp', kind: 'update_record', values: { assigned_on: TODAY, status: 'new', in_public_pool: false } },
        {
          id: 'tell_owner',
          kind: 'notify',
          recipients: [OWNER],
          title: t(bi('您有一条新线索，请在 3 天内跟进', 'A new lead for you: follow it up within 3 days')),
          body: { $expr: 'name & " · " & (company ? company : "")' },
        },
      ]),
    },
    {
      key: 'crm_lead_follow_up_sla',
      name: t(bi('线索 3 天未跟进退回公海', 'Lead not followed up in 3 days returns to the pool')),
      form: 'leads',
      // Fires 2 days after assignment (the warning), then waits the last day before returning the lead.
      trigger: {
        type: 'date_field',
        form: 'leads',
        field: 'assigned_on',
        offset: { amount: 2, unit: 'days' },
        atTime: '09:00',
        condition: { field: 'status', op: 'eq', value: 'new' },
      },
      nodes: [
        { id: 'start', kind: 'start' },
        {
          id: 'warn',
          kind: 'notify',
          recipients: [OWNER],
          title: t(bi('线索将于明天退回公海', 'This lead returns to the public pool tomorrow')),
          body: { $expr: 'name & " · " & (company ? company : "")' },
        },
        { id: 'wait', kind: 'delay', duration: { amount: 1, unit: 'days' } },
        { id: 'still_new', kind: 'condition' },
        {
          id: 'tell_director',
          kind: 'notify',
          recipients: [director],
          title: t(
            bi('线索超过 3 天未跟进，已退回公海', 'A lead was not followed up in 3 days and is back in the pool'),
          ),
          body: { $expr: 'name & " · " & (company ? company : "")' },
        },
        {
          id: 'sms_director',
          kind: 'sms',
          recipients: [director],
          template: 'lead_returned_to_pool',
          params: { lead: { $field: 'name' }, company: { $field: 'company' } },
        },
        { id: 'to_pool', kind: 'update_record', values: { in_public_pool: true } },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'warn' },
        { id: 'e2', from: 'warn', to: 'wait' },
        { id: 'e3', from: 'wait', to: 'still_new' },
        {
          id: 'e4',
          from: 'still_new',
          to: 'tell_director',
          condition: { field: 'status', op: 'eq', value: 'new' },
          label: t(bi('仍未跟进', 'Still not followed up')),
        },
        { id: 'e5', from: 'still_new', to: 'end', isDefault: true },
        { id: 'e6', from: 'tell_director', to: 'sms_director' },
        { id: 'e7', from: 'sms_director', to: 'to_pool' },
        { id: 'e8', from: 'to_pool', to: 'end' },
      ],
    },
    {
      key: 'crm_birthday_care',
      name: t(bi('客户生日关怀', 'Customer birthday care')),
      form: 'customers',
      trigger: {
        type: 'date_field',
        form: 'customers',
        field: 'next_birthday',
        offset: { amount: -7, unit: 'days' },
        atTime: '09:00',
      },
      ...chain([
        {
          id: 'greeting',
          kind: 'email',
          addresses: [{ $field: 'email' }],
          subject: t(bi('生日快乐！送您一份专属礼遇', 'Happy birthday! A gift for you')),
          body: t(
            bi(
              '感谢一路相伴。生日当月下单可享 95 折专属优惠券：BDAY-2025。',
              'Thank you for your trust. Enjoy 5 % off any order this month with coupon BDAY-2025.',
            ),
          ),
        },
        // Recorded at once: next_birthday moves to next year, which re-plans this trigger.
        { id: 'mark', kind: 'update_record', values: { birthday_care_on: TODAY } },
        {
          id: 'call_back',
          kind: 'fill',
          name: t(bi('生日回访电话', 'Birthday call-back')),
          assignees: [OWNER],
          fieldPermissions: { last_follow_up: 'edit' },
          timeLimits: [{ action: 'remind', after: { amount: 3, unit: 'days' } }],
          whenNoAssignee: 'auto_approve',
        },
      ]),
    },
    {
      key: 'crm_discount_approval',
      name: t(bi('折扣超过 10% 经理审批', 'Discount above 10 % needs the manager')),
      form: 'quotes',
      trigger: { type: 'record_created', form: 'quotes', condition: { field: 'discount', op: 'gt', value: 10 } },
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'pending', kind: 'update_record', values: { approval_status: 'pending' } },
        {
          id: 'manager',
          kind: 'approval',
          name: t(bi('销售经理审批', 'Sales manager approval')),
          mode: 'single',
          assignees: [{ type: 'manager', levels: 1 }],
          fieldPermissions: { discount: 'edit' },
          timeLimits: [
            { action: 'remind', after: { amount: 1, unit: 'working_days' } },
            { action: 'escalate', after: { amount: 2, unit: 'working_days' }, escalateTo: [director] },
          ],
          whenNoAssignee: 'fail',
        },
        { id: 'approved', kind: 'update_record', values: { approval_status: 'approved' } },
        { id: 'rejected', kind: 'update_record', values: { approval_status: 'rejected' } },
        { id: 'end', kind: 'end' },
        { id: 'end_rejected', kind: 'end', status: 'rejected' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'pending' },
        { id: 'e2', from: 'pending', to: 'manager' },
        { id: 'e3', from: 'manager', to: 'approved' },
        { id: 'e4', from: 'manager', to: 'rejected', on: 'rejected' },
        { id: 'e5', from: 'approved', to: 'end' },
        { id: 'e6', from: 'rejected', to: 'end_rejected' },
      ],
    },
    {
      key: 'crm_won_deal_contract',
      name: t(bi('赢单自动生成合同', 'Won deal creates a contract')),
      form: 'opportunities',
      trigger: {
        type: 'record_updated',
        form: 'opportunities',
        fields: ['stage'],
        condition: { field: 'stage', op: 'eq', value: 'won' },
      },
      ...chain([
        {
          id: 'contract',
          kind: 'create_record',
          form: 'contracts',
          values: {
            title: { $field: 'name' },
            customer: { $field: 'customer' },
            opportunity: { $field: 'id' },
            amount: { $field: 'amount' },
            signed_on: { $expr: 'closed_on ? closed_on : $substring($now(), 0, 10)' },
            status: 'draft',
          },
          resultVar: 'contract',
        },
        {
          id: 'customer',
          kind: 'update_record',
          form: 'customers',
          recordId: { $field: 'customer' },
          values: { last_deal_on: { $expr: 'closed_on ? closed_on : $substring($now(), 0, 10)' } },
        },
        {
          id: 'tell_owner',
          kind: 'notify',
          recipients: [OWNER],
          title: t(bi('恭喜赢单！合同草稿已生成，请完善并提交', 'Deal won! A draft contract is ready for you')),
          body: { $field: 'name' },
        },
      ]),
    },
    {
      key: 'crm_dormant_reactivation',
      name: t(bi('客户 90 天未跟进唤醒', 'Reactivate customers dormant for 90 days')),
      form: 'customers',
      trigger: {
        type: 'date_field',
        form: 'customers',
        field: 'last_follow_up',
        offset: { amount: 90, unit: 'days' },
        atTime: '09:00',
      },
      ...chain([
        {
          id: 'reactivate',
          kind: 'fill',
          name: t(bi('沉睡客户唤醒：联系客户并记录跟进', 'Dormant customer: get in touch and log it')),
          assignees: [OWNER],
          fieldPermissions: { last_follow_up: 'edit', tier: 'edit' },
          timeLimits: [
            {
              action: 'remind',
              after: { amount: 2, unit: 'working_days' },
              repeatEvery: { amount: 2, unit: 'working_days' },
            },
          ],
          whenNoAssignee: 'auto_approve',
        },
      ]),
    },
    {
      key: 'crm_nightly_rfm',
      name: t(bi('每晚 RFM 评分与客户分级', 'Nightly RFM scoring and tiering')),
      form: 'customers',
      trigger: { type: 'schedule', cron: '0 2 * * *', timeZone: 'Asia/Shanghai' },
      // A rolling batch: the 200 customers scored longest ago each night keeps one run well under the step limit.
      nodes: [
        { id: 'start', kind: 'start' },
        {
          id: 'batch',
          kind: 'query_records',
          form: 'customers',
          sort: [{ field: 'rfm_scored_on', direction: 'asc' }],
          limit: 200,
          resultVar: 'batch',
        },
        { id: 'each', kind: 'loop', mode: 'for_each', items: 'vars.batch', itemVar: 'c', maxIterations: 200 },
        { id: 'score', kind: 'calculate', expression: RFM_EXPRESSION, resultVar: 'score' },
        {
          id: 'save',
          kind: 'update_record',
          form: 'customers',
          recordId: { $var: 'vars.c.id' },
          values: {
            r_score: { $var: 'vars.score.r' },
            f_score: { $var: 'vars.score.f' },
            m_score: { $var: 'vars.score.m' },
            tier: { $var: 'vars.score.tier' },
            rfm_scored_on: TODAY,
          },
        },
        { id: 'end', kind: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'batch' },
        { id: 'e2', from: 'batch', to: 'each' },
        { id: 'e3', from: 'each', to: 'score', on: 'body' },
        { id: 'e4', from: 'score', to: 'save' },
        { id: 'e5', from: 'save', to: 'each' },
        { id: 'e6', from: 'each', to: 'end' },
      ],
      settings: { maxSteps: 1000 },
    },
  ];
}

/** The CRM automations and approvals, bound to the tenant's sales departments and director. */
export function crmFlows(ctx: CrmFlowContext, locale: Locale): FlowDefinition[] {
  return flows(ctx, (text) => pick(text, locale));
}
