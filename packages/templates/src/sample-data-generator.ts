import type { JsonValue } from '@tessera/schema';
import type { CrmFormKey } from './crm-forms';
import {
  OPEN_STAGES,
  PROVINCES,
  STAGE_LABELS,
  type CompanySize,
  type ContractStatus,
  type CrmDepartmentKey,
  type DecisionRole,
  type FollowUpType,
  type Industry,
  type LeadStatus,
  type LossReason,
  type OpenStage,
  type ProductCategory,
  type Source,
  type Stage,
} from './crm-options';
import { rfmScore } from './crm-rfm';
import { CITY_OF, companyName, mobile, personName } from './sample-names';
import { SeededRandom } from './seeded-random';

/**
 * Sample data as plain records per form. Relation values (single, multi, in sub-table rows) and member values are
 * REFERENCES: `"<formKey>:<n>"` for records and `"user:<n>"` for the sample users; the installer maps them to the
 * ids the database assigns. Formulas, rollups and auto-numbers are left to the form engine.
 */
export interface SampleUser {
  ref: string;
  name: string;
  email: string;
  title: string;
  department: CrmDepartmentKey;
  isDirector: boolean;
  managerRef: string | null;
}

export interface SampleRecord {
  ref: string;
  /** A user ref, or null (a lead in the public pool). */
  ownerRef: string | null;
  /** When the record came into being (ISO date-time): the installer back-dates created_at to it. */
  createdAt: string;
  values: Record<string, JsonValue>;
}

export interface CrmSampleData {
  today: string;
  users: SampleUser[];
  records: Record<CrmFormKey, SampleRecord[]>;
}

export interface SampleDataOptions {
  /** Same seed and today → byte-identical data. */
  seed?: string;
  /** The reference date (YYYY-MM-DD): the history spans the 18 months before it. */
  today: string;
  /** 1 ≈ 1,500 customers, 3,000 contacts, 1,000 leads, 2,500 opportunities; tests use a fraction. */
  scale?: number;
}

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 547; // 18 months

const toDay = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** A working-hours moment of that day in China (UTC+8), as an ISO instant. */
const atWorkTime = (rng: SeededRandom, day: number): string =>
  new Date(day * DAY_MS + (rng.int(9, 18) - 8) * 3_600_000 + rng.int(0, 59) * 60_000).toISOString();
const money = (n: number): number => Math.round(n * 100) / 100;
const firstOfMonth = (day: number): number => toDay(`${toIso(day).slice(0, 7)}-01`);

const SALES_TEAM: { name: string; email: string; department: CrmDepartmentKey; weight: number }[] = [
  { name: '陈志远', email: 'chen.zhiyuan', department: 'sales_east', weight: 1.6 },
  { name: '刘晓雯', email: 'liu.xiaowen', department: 'sales_east', weight: 1.25 },
  { name: '张浩', email: 'zhang.hao', department: 'sales_east', weight: 1 },
  { name: '孙丽娜', email: 'sun.lina', department: 'sales_east', weight: 0.7 },
  { name: '黄家豪', email: 'huang.jiahao', department: 'sales_south', weight: 1.5 },
  { name: '林思琪', email: 'lin.siqi', department: 'sales_south', weight: 1.2 },
  { name: '郑伟', email: 'zheng.wei', department: 'sales_south', weight: 0.95 },
  { name: '梁嘉欣', email: 'liang.jiaxin', department: 'sales_south', weight: 0.75 },
];

const PRODUCTS: { name: string; category: ProductCategory; price: number; unit: string }[] = [
  { name: '云CRM 标准版（年）', category: 'software', price: 12_000, unit: '套' },
  { name: '云CRM 专业版（年）', category: 'software', price: 36_000, unit: '套' },
  { name: '云CRM 企业版（年）', category: 'software', price: 98_000, unit: '套' },
  { name: '营销自动化模块', category: 'software', price: 28_000, unit: '套' },
  { name: 'BI 数据分析模块', category: 'software', price: 45_000, unit: '套' },
  { name: '移动销售 App 授权', category: 'software', price: 1_200, unit: '用户' },
  { name: '呼叫中心坐席授权', category: 'software', price: 2_400, unit: '坐席' },
  { name: 'API 集成网关', category: 'software', price: 60_000, unit: '套' },
  { name: '私有化部署许可', category: 'software', price: 150_000, unit: '套' },
  { name: '数据安全加密模块', category: 'software', price: 38_000, unit: '套' },
  { name: '智能名片扫描仪', category: 'hardware', price: 3_500, unit: '台' },
  { name: '会议平板 65 寸', category: 'hardware', price: 18_000, unit: '台' },
  { name: '服务器一体机', category: 'hardware', price: 85_000, unit: '台' },
  { name: '门店收银终端', category: 'hardware', price: 4_800, unit: '台' },
  { name: '实施服务（人天）', category: 'service', price: 2_500, unit: '人天' },
  { name: '数据迁移服务', category: 'service', price: 30_000, unit: '项' },
  { name: '定制开发（人天）', category: 'service', price: 3_000, unit: '人天' },
  { name: '年度运维服务', category: 'service', price: 20_000, unit: '年' },
  { name: '系统集成服务', category: 'service', price: 50_000, unit: '项' },
  { name: '驻场支持（月）', category: 'service', price: 40_000, unit: '月' },
  { name: '管理员培训', category: 'training', price: 8_000, unit: '场' },
  { name: '销售团队赋能培训', category: 'training', price: 15_000, unit: '场' },
  { name: '高管数字化工作坊', category: 'training', price: 30_000, unit: '场' },
  { name: '认证考试套餐', category: 'training', price: 2_000, unit: '人' },
];

const INDUSTRY_WEIGHTS: [Industry, number][] = [
  ['manufacturing', 22],
  ['internet', 16],
  ['retail', 12],
  ['finance', 8],
  ['healthcare', 9],
  ['education', 6],
  ['logistics', 8],
  ['construction', 7],
  ['energy', 6],
  ['services', 6],
];
const SOURCE_WEIGHTS: [Source, number][] = [
  ['website', 24],
  ['exhibition', 14],
  ['referral', 18],
  ['cold_call', 10],
  ['online_ads', 14],
  ['partner', 10],
  ['wechat', 10],
];
const SIZE_WEIGHTS: [CompanySize, number][] = [
  ['micro', 30],
  ['small', 35],
  ['medium', 24],
  ['large', 11],
];
const SIZE_FACTOR: Record<CompanySize, number> = { micro: 0.35, small: 0.8, medium: 1.8, large: 4 };
const ROLE_WEIGHTS: [DecisionRole, number][] = [
  ['decision_maker', 22],
  ['influencer', 28],
  ['user', 28],
  ['gatekeeper', 10],
  ['champion', 12],
];
const TITLES: Record<DecisionRole, readonly string[]> = {
  decision_maker: ['总经理', '董事长', 'CEO', '副总裁', '总监'],
  influencer: ['销售总监', 'IT 经理', '运营总监', '财务经理'],
  user: ['销售经理', '客服主管', '市场专员', '销售代表'],
  gatekeeper: ['采购经理', '总经理助理', '行政主管'],
  champion: ['信息化负责人', '项目经理', '数字化专员'],
};
/** Chance that a deal in a stage moves on to the next one (B2B, ≈ 27 % overall win rate). */
const ADVANCE: Record<OpenStage, number> = {
  lead: 0.88,
  contact: 0.82,
  needs: 0.78,
  proposal: 0.72,
  negotiation: 0.68,
};
const LOSS_WEIGHTS: Record<OpenStage, [LossReason, number][]> = {
  lead: [
    ['no_budget', 4],
    ['no_decision', 4],
    ['product_fit', 2],
  ],
  contact: [
    ['no_budget', 3],
    ['no_decision', 4],
    ['product_fit', 3],
    ['relationship', 1],
  ],
  needs: [
    ['product_fit', 4],
    ['no_budget', 2],
    ['competitor', 3],
    ['no_decision', 2],
  ],
  proposal: [
    ['price', 5],
    ['competitor', 4],
    ['no_decision', 2],
    ['product_fit', 1],
  ],
  negotiation: [
    ['price', 6],
    ['competitor', 4],
    ['relationship', 2],
  ],
};
const FOLLOW_UP_BY_STAGE: Record<Stage, { type: FollowUpType; subject: string; notes: string }[]> = {
  lead: [{ type: 'call', subject: '首次电话沟通', notes: '初步了解客户业务情况与现有系统，客户有兴趣进一步交流。' }],
  contact: [
    { type: 'visit', subject: '上门拜访', notes: '拜访客户负责人，介绍公司与产品，约定需求调研时间。' },
    { type: 'wechat', subject: '微信跟进', notes: '发送产品资料和成功案例，客户反馈会内部讨论。' },
  ],
  needs: [
    { type: 'meeting', subject: '需求调研会', notes: '与业务部门梳理销售流程和报表需求，记录关键痛点。' },
    { type: 'demo', subject: '产品演示', notes: '演示客户管理、销售漏斗和数据看板，客户对自动化规则很感兴趣。' },
  ],
  proposal: [{ type: 'email', subject: '发送方案与报价', notes: '已发送解决方案和报价单，等待客户内部评审。' }],
  negotiation: [
    { type: 'meeting', subject: '商务谈判', notes: '就价格、付款方式和实施周期进行谈判，客户希望提高折扣。' },
  ],
  won: [{ type: 'visit', subject: '合同签订', notes: '双方签署合同，安排项目启动会。' }],
  lost: [{ type: 'call', subject: '结单回访', notes: '了解未成交原因，保持联系，后续有机会再合作。' }],
};
const GENERAL_FOLLOW_UPS: { type: FollowUpType; subject: string; notes: string }[] = [
  { type: 'call', subject: '客户回访', notes: '例行回访，了解系统使用情况，客户整体满意。' },
  { type: 'wechat', subject: '节日问候', notes: '节日问候并推送新功能介绍。' },
  { type: 'visit', subject: '季度拜访', notes: '季度拜访，沟通下一阶段的数字化规划，存在增购机会。' },
  { type: 'email', subject: '使用情况报告', notes: '发送季度使用报告，建议开通 BI 数据分析模块。' },
];

interface Customer {
  index: number;
  day: number;
  province: string;
  size: CompanySize;
  ownerRef: string;
  name: string;
  contacts: string[];
  followUpDays: number[];
  contracts: { ref: string; day: number; amount: number }[];
  /** Active accounts get most of the deals (repeat business), the rest are mostly one-off prospects. */
  active: boolean;
  record: SampleRecord;
}

/** Generates the whole CRM history: deterministic for a seed and a reference date. */
export function generateCrmSampleData(options: SampleDataOptions): CrmSampleData {
  const rng = new SeededRandom(options.seed ?? 'tessera-crm');
  const scale = options.scale ?? 1;
  const today = toDay(options.today);
  const start = today - HISTORY_DAYS;
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const records: Record<CrmFormKey, SampleRecord[]> = {
    products: [],
    customers: [],
    contacts: [],
    leads: [],
    opportunities: [],
    follow_ups: [],
    quotes: [],
    contracts: [],
    payments: [],
    sales_targets: [],
  };
  const add = (form: CrmFormKey, ownerRef: string | null, day: number, values: Record<string, JsonValue>) => {
    const record: SampleRecord = {
      ref: `${form}:${records[form].length}`,
      ownerRef,
      createdAt: atWorkTime(rng, Math.min(day, today)),
      values,
    };
    records[form].push(record);
    return record;
  };

  // --- the team: a director over two regional groups -------------------------------------------------------
  const users: SampleUser[] = [
    {
      ref: 'user:0',
      name: '王建国',
      email: 'wang.jianguo@demo.tessera.local',
      title: '销售总监',
      department: 'sales',
      isDirector: true,
      managerRef: null,
    },
    ...SALES_TEAM.map((m, i) => ({
      ref: `user:${i + 1}`,
      name: m.name,
      email: `${m.email}@demo.tessera.local`,
      title: '客户经理',
      department: m.department,
      isDirector: false,
      managerRef: 'user:0',
    })),
  ];
  const repsOf = (group: 'east' | 'south') =>
    SALES_TEAM.flatMap((m, i) =>
      m.department === (group === 'east' ? 'sales_east' : 'sales_south') ? [[`user:${i + 1}`, m.weight] as const] : [],
    );
  const reps = { east: repsOf('east'), south: repsOf('south') };
  const groupOf = new Map(PROVINCES.map((p) => [p.value, p.group]));
  const provinceWeights = PROVINCES.map((p) => [p.value, p.weight] as const);
  const ownerFor = (province: string) => rng.weighted(reps[groupOf.get(province) ?? 'east']);

  // --- products ---------------------------------------------------------------------------------------------
  for (const [i, p] of PRODUCTS.entries()) {
    add('products', 'user:0', start - 200, {
      code: `P-${1001 + i}`,
      name: p.name,
      category: p.category,
      price: p.price,
      unit: p.unit,
      active: true,
    });
  }
  const products = records.products.map((r, i) => ({ ref: r.ref, ...PRODUCTS[i] }));

  // --- customers and their contacts ---------------------------------------------------------------------------
  const names = new Set<string>();
  const customers: Customer[] = [];
  const nCustomers = count(1500);
  for (let i = 0; i < nCustomers; i++) {
    // Most customers arrive during the history, a few were there before it; growth makes later months busier.
    const day = rng.chance(0.15)
      ? start - rng.int(1, 365)
      : start + Math.floor(Math.sqrt(rng.next()) * (HISTORY_DAYS - 20));
    const province = rng.weighted(provinceWeights);
    const industry = rng.weighted(INDUSTRY_WEIGHTS);
    const size = rng.weighted(SIZE_WEIGHTS);
    const company = companyName(rng, province, industry, names);
    const ownerRef = ownerFor(province);
    const contact = personName(rng);
    const record = add('customers', ownerRef, day, {
      name: company.name,
      industry,
      region: province,
      city: rng.pick(cityList(province)),
      size,
      source: rng.weighted(SOURCE_WEIGHTS),
      tags: rng.sample(
        ['price_sensitive', 'fast_decision', 'competitor_user', 'state_owned'],
        rng.weighted([
          [0, 5],
          [1, 4],
          [2, 1],
        ] as const),
      ),
      phone: mobile(rng),
      email: `${contact.pinyin}@${company.domain}`,
      ...(rng.chance(0.7) ? { birthday: birthday(rng) } : {}),
    });
    customers.push({
      index: i,
      day,
      province,
      size,
      ownerRef,
      name: company.name,
      contacts: [],
      followUpDays: [],
      contracts: [],
      active: rng.chance(0.3),
      record,
    });
  }
  customers.sort((a, b) => a.day - b.day || a.index - b.index);

  for (const customer of customers) {
    const n = rng.weighted([
      [1, 3],
      [2, 4],
      [3, 3],
    ] as const);
    const domain = String(customer.record.values.email).split('@')[1];
    for (let k = 0; k < n; k++) {
      const person = personName(rng);
      const role = k === 0 ? 'decision_maker' : rng.weighted(ROLE_WEIGHTS);
      const contact = add('contacts', customer.ownerRef, customer.day + rng.int(0, 30), {
        name: person.name,
        customer: customer.record.ref,
        title: rng.pick(TITLES[role]),
        role,
        primary: k === 0,
        phone: mobile(rng),
        email: `${person.pinyin}${k ? k : ''}@${domain}`,
        ...(rng.chance(0.5) ? { birthday: birthday(rng) } : {}),
      });
      customer.contacts.push(contact.ref);
    }
  }

  // --- leads ----------------------------------------------------------------------------------------------------
  for (let i = 0, n = count(1000); i < n; i++) {
    const day = start + Math.floor(Math.sqrt(rng.next()) * (HISTORY_DAYS + 1));
    const age = today - day;
    const province = rng.weighted(provinceWeights);
    const industry = rng.weighted(INDUSTRY_WEIGHTS);
    const person = personName(rng);
    // A lead older than 3 days is followed up, converted, dropped — or was returned to the public pool.
    const status: LeadStatus | 'pool' =
      age <= 2
        ? 'new'
        : rng.weighted([
            ['contacted', 25],
            ['qualified', 15],
            ['converted', 25],
            ['invalid', 15],
            ['pool', 20],
          ] as const);
    const inPool = status === 'pool';
    const ownerRef = inPool ? null : ownerFor(province);
    add('leads', ownerRef, day, {
      name: person.name,
      company: companyName(rng, province, industry, names).name,
      phone: mobile(rng),
      region: province,
      source: rng.weighted(SOURCE_WEIGHTS),
      status: inPool ? 'new' : status,
      in_public_pool: inPool,
      ...(ownerRef ? { assigned_on: toIso(day) } : {}),
      ...(status === 'contacted' || status === 'qualified' || status === 'converted'
        ? { last_follow_up: toIso(Math.min(today, day + rng.int(0, 3))) }
        : {}),
    });
  }

  // --- opportunities with their follow-ups, quotes, contracts and payments ----------------------------------
  const nOpps = count(2500);
  for (let i = 0; i < nOpps; i++) {
    const opened = start + Math.floor(Math.pow(rng.next(), 0.8) * (HISTORY_DAYS - 1));
    const known = upperBound(customers, opened);
    if (known === 0) continue;
    const candidates = customers.slice(0, known);
    const active = rng.chance(0.6) ? candidates.filter((c) => c.active) : [];
    const customer = active.length ? rng.pick(active) : rng.pick(candidates);
    const ownerRef = rng.chance(0.9) ? customer.ownerRef : ownerFor(customer.province);
    const product = rng.pick(products);

    // Walk the pipeline: each stage takes days; a deal advances, is lost, or is still open today.
    let stageIndex = 0;
    let day = opened;
    const entered: number[] = [opened];
    let outcome: 'open' | 'won' | 'lost' = 'open';
    for (;;) {
      const spend = rng.int(6, 32);
      if (day + spend > today) break;
      day += spend;
      if (rng.chance(ADVANCE[OPEN_STAGES[stageIndex]])) {
        stageIndex++;
        entered.push(day);
        if (stageIndex === OPEN_STAGES.length) {
          outcome = 'won';
          break;
        }
      } else {
        outcome = 'lost';
        break;
      }
    }
    const openStage: OpenStage = OPEN_STAGES[Math.min(stageIndex, OPEN_STAGES.length - 1)];
    const stage: Stage = outcome === 'open' ? openStage : outcome;

    // Deals that reached a proposal carry a quote whose total is the deal amount.
    const target = rng.logNormal(90_000 * SIZE_FACTOR[customer.size], 0.55);
    const reachedProposal = stageIndex >= 3;
    const items = lineItems(rng, products, product, target);
    const subtotal = money(items.reduce((s, it) => s + it.qty * it.price, 0));
    const discount = reachedProposal
      ? rng.weighted([
          [0, 35],
          [5, 25],
          [8, 12],
          [10, 10],
          [12, 7],
          [15, 7],
          [20, 4],
        ] as const)
      : 0;
    const amount = reachedProposal
      ? money(subtotal * (1 - discount / 100))
      : Math.max(1000, Math.round(target / 100) * 100);

    const contactRef = rng.pick(customer.contacts);
    const closed = outcome === 'open' ? undefined : day;
    const opp = add('opportunities', ownerRef, opened, {
      name: `${customer.name.replace(/(股份|集团)?有限公司.*$/, '')} · ${product.name.replace(/（.*$/, '')}`,
      customer: customer.record.ref,
      contact: contactRef,
      stage,
      amount,
      opened_on: toIso(opened),
      expected_close: toIso(closed ?? Math.max(today + rng.int(7, 60), opened + 45)),
      ...(closed !== undefined ? { closed_on: toIso(closed) } : {}),
      ...(outcome === 'lost' ? { lost_stage: openStage, loss_reason: rng.weighted(LOSS_WEIGHTS[openStage]) } : {}),
    });

    // A follow-up as the deal enters most stages (always the first), and one at the close.
    const touchpoints: [Stage, number][] = entered
      .slice(0, OPEN_STAGES.length)
      .map((d, k): [Stage, number] => [OPEN_STAGES[k], d])
      .filter((_, k) => k === 0 || rng.chance(0.45));
    if (closed !== undefined && (outcome === 'won' || rng.chance(0.4)))
      touchpoints.push([outcome === 'won' ? 'won' : 'lost', closed]);
    for (const [k, [touchStage, touchDay]] of touchpoints.entries()) {
      const template = rng.pick(FOLLOW_UP_BY_STAGE[touchStage]);
      const last = k === touchpoints.length - 1;
      add('follow_ups', ownerRef, touchDay, {
        subject: template.subject,
        type: template.type,
        followed_on: toIso(touchDay),
        customer: customer.record.ref,
        opportunity: opp.ref,
        notes: `${template.notes}（${STAGE_LABELS[touchStage]['zh-CN']}）`,
        ...(last && outcome === 'open' ? { next_date: toIso(Math.min(touchDay + rng.int(3, 14), today + 14)) } : {}),
      });
      customer.followUpDays.push(touchDay);
    }

    if (reachedProposal) {
      const quoteDay = entered[3];
      add('quotes', ownerRef, quoteDay, {
        opportunity: opp.ref,
        quote_date: toIso(quoteDay),
        valid_until: toIso(quoteDay + 30),
        status: outcome === 'won' ? 'accepted' : outcome === 'lost' ? 'rejected' : 'sent',
        items: items.map((it) => ({ product: it.ref, qty: it.qty, price: it.price })),
        discount,
        approval_status: discount > 10 ? 'approved' : 'not_required',
      });
    }

    if (outcome === 'won' && closed !== undefined) {
      const age = today - closed;
      const status: ContractStatus = rng.chance(0.03)
        ? 'terminated'
        : age < 30
          ? 'signed'
          : age < 200
            ? 'executing'
            : 'completed';
      const contract = add('contracts', ownerRef, closed, {
        title: String(opp.values.name),
        customer: customer.record.ref,
        opportunity: opp.ref,
        amount,
        signed_on: toIso(closed),
        status,
      });
      customer.contracts.push({ ref: contract.ref, day: closed, amount });
      if (status !== 'terminated') addPayments(contract.ref, ownerRef, closed, amount);
    }
  }

  function addPayments(contractRef: string, ownerRef: string, signed: number, amount: number) {
    const plan: [number, number][] =
      amount <= 100_000
        ? [[1, 15]]
        : amount <= 500_000
          ? [
              [0.5, 15],
              [0.5, 90],
            ]
          : [
              [0.3, 15],
              [0.4, 90],
              [0.3, 180],
            ];
    let left = amount;
    for (const [k, [share, offset]] of plan.entries()) {
      const part = k === plan.length - 1 ? money(left) : money(amount * share);
      left = money(left - part);
      const due = signed + offset;
      const paid = due <= today && rng.chance(0.88);
      const receivedOn = paid ? Math.min(today, due + rng.int(-5, 25)) : undefined;
      add('payments', ownerRef, signed, {
        title: `第 ${k + 1} 期 / 共 ${plan.length} 期`,
        contract: contractRef,
        plan_date: toIso(due),
        amount: part,
        status: paid ? 'received' : due < today ? 'overdue' : 'planned',
        ...(receivedOn !== undefined ? { received_on: toIso(receivedOn) } : {}),
      });
    }
  }

  // --- account care: general follow-ups, then the customer's derived fields (RFM, tier, last dates) ---------
  for (const customer of customers) {
    for (
      let k = rng.weighted([
        [0, 5],
        [1, 3],
        [2, 2],
      ] as const);
      k > 0;
      k--
    ) {
      const day = rng.int(customer.day, today);
      const template = rng.pick(GENERAL_FOLLOW_UPS);
      add('follow_ups', customer.ownerRef, day, {
        subject: template.subject,
        type: template.type,
        followed_on: toIso(day),
        customer: customer.record.ref,
        notes: template.notes,
      });
      customer.followUpDays.push(day);
    }
    const values = customer.record.values;
    const lastFollowUp = customer.followUpDays.length ? Math.max(...customer.followUpDays) : customer.day;
    values.last_follow_up = toIso(Math.min(lastFollowUp, today));
    const lastDeal = customer.contracts.length ? Math.max(...customer.contracts.map((c) => c.day)) : undefined;
    const lifetimeValue = customer.contracts.reduce((s, c) => s + c.amount, 0);
    const score = rfmScore({
      daysSinceLastDeal: lastDeal === undefined ? null : today - lastDeal,
      dealCount: customer.contracts.length,
      lifetimeValue,
    });
    Object.assign(values, {
      r_score: score.r,
      f_score: score.f,
      m_score: score.m,
      tier: score.tier,
      rfm_scored_on: toIso(today - rng.int(0, 7)),
      ...(lastDeal !== undefined ? { last_deal_on: toIso(lastDeal) } : {}),
      contracts: customer.contracts.map((c) => c.ref),
    });
    const tags = new Set(values.tags as string[]);
    if (customer.contracts.length >= 2) tags.add('repeat_buyer');
    if (score.tier === 'high_value') tags.add('key_account');
    values.tags = [...tags];
  }

  // --- monthly targets: each rep's average month, stretched a little ---------------------------------------
  const months: number[] = [];
  for (let m = firstOfMonth(start); m <= today + 31; m = firstOfMonth(m + 32)) months.push(m);
  for (const user of users.filter((u) => !u.isDirector)) {
    const booked = records.contracts
      .filter((c) => c.ownerRef === user.ref)
      .reduce((s, c) => s + Number(c.values.amount), 0);
    const monthly = booked / (HISTORY_DAYS / 30.4);
    for (const month of months) {
      const value = Math.max(50_000, Math.round((monthly * (0.9 + rng.next() * 0.4)) / 10_000) * 10_000);
      add('sales_targets', 'user:0', Math.min(month, today) - 3, {
        title: `${user.name} ${toIso(month).slice(0, 7)}`,
        sales_rep: user.ref,
        period: toIso(month),
        target_amount: value,
      });
    }
  }

  return { today: toIso(today), users, records };
}

function cityList(province: string): readonly string[] {
  return CITY_OF[province] ?? ['上海'];
}

function birthday(rng: SeededRandom): string {
  const year = rng.int(1965, 1998);
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How many customers (sorted by day) existed on `day`. */
function upperBound(customers: readonly { day: number }[], day: number): number {
  let lo = 0;
  let hi = customers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (customers[mid].day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1–3 line items, the lead product first, with quantities sized to reach about `target`. */
function lineItems(
  rng: SeededRandom,
  products: readonly { ref: string; price: number }[],
  lead: { ref: string; price: number },
  target: number,
): { ref: string; qty: number; price: number }[] {
  const chosen = [
    lead,
    ...rng.sample(
      products.filter((p) => p.ref !== lead.ref),
      rng.int(0, 2),
    ),
  ];
  return chosen.map((p) => ({
    ref: p.ref,
    price: p.price,
    qty: Math.min(200, Math.max(1, Math.round(target / chosen.length / p.price))),
  }));
}
