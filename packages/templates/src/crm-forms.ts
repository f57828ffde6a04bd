import type { FieldDefinition, FormDefinition, Locale } from '@tessera/schema';
import { bi, pick, type Bilingual } from './app-template';
import {
  APPROVAL_STATUSES,
  COMPANY_SIZES,
  CONTRACT_STATUSES,
  CUSTOMER_TAGS,
  DECISION_ROLES,
  FOLLOW_UP_TYPES,
  INDUSTRIES,
  LEAD_STATUSES,
  LOSS_REASONS,
  OPEN_STAGES,
  optionsOf,
  PAYMENT_STATUSES,
  PRODUCT_CATEGORIES,
  provinceOptions,
  QUOTE_STATUSES,
  SOURCES,
  STAGE_PROBABILITY,
  stageOptions,
  TIERS,
} from './crm-options';

/** The required "customer" relation that contacts, opportunities, follow-ups and contracts all carry. */
function customerField(width: number, zhLabel = '客户'): FieldDefinition {
  return {
    type: 'relation',
    key: 'customer',
    label: bi(zhLabel, 'Customer'),
    required: true,
    relation: { form: 'customers', displayField: 'name' },
    width,
  };
}

/** Form keys of the CRM, in dependency order (each form only points at earlier ones, see CRM_LATE_FIELDS). */
export const CRM_FORM_KEYS = [
  'products',
  'customers',
  'contacts',
  'leads',
  'opportunities',
  'follow_ups',
  'quotes',
  'contracts',
  'payments',
  'sales_targets',
] as const;
export type CrmFormKey = (typeof CRM_FORM_KEYS)[number];

const FORM_NAMES: Record<CrmFormKey, Bilingual> = {
  products: bi('产品', 'Products'),
  customers: bi('客户', 'Customers'),
  contacts: bi('联系人', 'Contacts'),
  leads: bi('线索', 'Leads'),
  opportunities: bi('商机', 'Opportunities'),
  follow_ups: bi('跟进记录', 'Follow-ups'),
  quotes: bi('报价单', 'Quotes'),
  contracts: bi('合同', 'Contracts'),
  payments: bi('回款', 'Payments'),
  sales_targets: bi('销售目标', 'Sales targets'),
};

const TIER_COLORS = { high_value: 'gold', high_potential: 'green', normal: 'blue', to_activate: 'gray' };
const score = (key: string, label: Bilingual): FieldDefinition => ({
  type: 'number',
  key,
  label,
  min: 1,
  max: 5,
  precision: 0,
  width: 6,
});
const owner: FieldDefinition = { type: 'owner', key: 'owner', label: bi('负责人', 'Owner'), width: 12 };
const created: FieldDefinition = { type: 'created_at', key: 'created_on', label: bi('创建时间', 'Created') };

// jsonata, evaluated on every save (stored in a typed column, so reports and filters can use it).
const STAGE_PROBABILITY_FORMULA = `$lookup(${JSON.stringify(STAGE_PROBABILITY)}, stage)`;
/** A lost deal counts in the stage where it was lost, so the funnel shows real stage-to-stage conversion. */
const FUNNEL_STAGE_FORMULA = `stage = "lost" ? lost_stage : stage`;
const DAYS_BETWEEN = (from: string, to: string) =>
  `(${from} and ${to}) ? $round(($toMillis(${to}) - $toMillis(${from})) / 86400000) : null`;
/**
 * The next occurrence of the birthday ($today is bound by the form engine in the tenant's time zone), counted
 * from 30 days after the last birthday care so a greeting is never sent twice for one birthday. Stored, so a
 * date-field trigger can fire 7 days before it; the birthday flow stamps birthday_care_on, which moves this to
 * next year's date and re-plans the trigger. 29 February falls back to the 28th.
 */
const NEXT_BIRTHDAY_FORMULA = `birthday ? (
  $md := $substring(birthday, 5, 5) = "02-29" ? "02-28" : $substring(birthday, 5, 5);
  $after := birthday_care_on ? $substring($fromMillis($toMillis(birthday_care_on) + 2592000000), 0, 10) : "";
  $from := $after > $today ? $after : $today;
  $y := $number($substring($from, 0, 4));
  $this := $string($y) & "-" & $md;
  $this >= $from ? $this : $string($y + 1) & "-" & $md
) : null`;

function customers(): FormDefinition {
  return {
    key: 'customers',
    name: '',
    titleField: 'name',
    fields: [
      {
        type: 'text',
        key: 'name',
        label: bi('客户名称', 'Company name'),
        required: true,
        unique: true,
        maxLength: 100,
        width: 12,
      },
      {
        type: 'select',
        key: 'tier',
        label: bi('客户分级', 'Tier'),
        options: optionsOf(TIERS, TIER_COLORS),
        defaultValue: 'to_activate',
        width: 6,
        indexed: true,
      },
      { type: 'select', key: 'industry', label: bi('所属行业', 'Industry'), options: optionsOf(INDUSTRIES), width: 6 },
      { type: 'select', key: 'region', label: bi('省份', 'Province'), options: provinceOptions(), width: 6 },
      { type: 'text', key: 'city', label: bi('城市', 'City'), maxLength: 50, width: 6 },
      {
        type: 'select',
        key: 'size',
        label: bi('企业规模', 'Company size'),
        options: optionsOf(COMPANY_SIZES),
        width: 6,
      },
      { type: 'select', key: 'source', label: bi('客户来源', 'Source'), options: optionsOf(SOURCES), width: 6 },
      {
        type: 'multi_select',
        key: 'tags',
        label: bi('客户标签', 'Tags'),
        options: optionsOf(CUSTOMER_TAGS),
        width: 12,
      },
      { type: 'phone', key: 'phone', label: bi('电话', 'Phone'), width: 6 },
      { type: 'email', key: 'email', label: bi('邮箱', 'E-mail'), width: 6 },
      {
        type: 'date',
        key: 'birthday',
        label: bi('关键人生日', 'Key contact birthday'),
        help: bi(
          '用于生日关怀：生日前 7 天自动发送祝福邮件并创建回访待办',
          'Birthday care: a greeting e-mail and a call-back task 7 days before',
        ),
        width: 6,
      },
      {
        type: 'formula',
        key: 'next_birthday',
        label: bi('下次生日', 'Next birthday'),
        formula: { expression: NEXT_BIRTHDAY_FORMULA, resultType: 'date' },
        width: 6,
      },
      { type: 'date', key: 'birthday_care_on', label: bi('上次生日关怀', 'Last birthday care'), width: 6 },
      owner,
      { type: 'date', key: 'last_follow_up', label: bi('最后跟进日期', 'Last follow-up'), indexed: true, width: 6 },
      { type: 'date', key: 'last_deal_on', label: bi('最近成交日期', 'Last deal'), width: 6 },
      {
        type: 'section',
        key: 'rfm_section',
        label: bi('RFM 价值评分', 'RFM scores'),
        children: ['r_score', 'f_score', 'm_score', 'rfm_total', 'rfm_scored_on'],
      },
      score('r_score', bi('R 最近消费', 'R recency')),
      score('f_score', bi('F 消费频率', 'F frequency')),
      score('m_score', bi('M 消费金额', 'M monetary')),
      {
        type: 'formula',
        key: 'rfm_total',
        label: bi('RFM 总分', 'RFM total'),
        formula: {
          expression: '(r_score and f_score and m_score) ? r_score + f_score + m_score : null',
          resultType: 'number',
          precision: 0,
        },
        width: 6,
      },
      { type: 'date', key: 'rfm_scored_on', label: bi('评分日期', 'Scored on'), width: 6 },
      // Published in the second pass, once contracts exist (see CRM_LATE_FIELDS).
      {
        type: 'relation',
        key: 'contracts',
        label: bi('合同', 'Contracts'),
        relation: { form: 'contracts', displayField: 'contract_no', multiple: true },
        readOnly: true,
      },
      {
        type: 'rollup',
        key: 'lifetime_value',
        label: bi('客户生命周期价值', 'Lifetime value'),
        rollup: { relationField: 'contracts', field: 'amount', aggregate: 'sum' },
        width: 6,
      },
      {
        type: 'rollup',
        key: 'deal_count',
        label: bi('成交次数', 'Deals'),
        rollup: { relationField: 'contracts', aggregate: 'count' },
        width: 6,
      },
      created,
    ],
  };
}

function contacts(): FormDefinition {
  return {
    key: 'contacts',
    name: '',
    titleField: 'name',
    fields: [
      { type: 'text', key: 'name', label: bi('姓名', 'Name'), required: true, maxLength: 50, width: 8 },
      customerField(16, '所属客户'),
      { type: 'text', key: 'title', label: bi('职务', 'Job title'), maxLength: 50, width: 8 },
      {
        type: 'select',
        key: 'role',
        label: bi('决策链角色', 'Decision-chain role'),
        options: optionsOf(DECISION_ROLES),
        width: 8,
      },
      { type: 'switch', key: 'primary', label: bi('主要联系人', 'Primary contact'), width: 8 },
      { type: 'phone', key: 'phone', label: bi('手机', 'Mobile'), width: 8 },
      { type: 'email', key: 'email', label: bi('邮箱', 'E-mail'), width: 8 },
      { type: 'date', key: 'birthday', label: bi('生日', 'Birthday'), width: 8 },
      owner,
      created,
    ],
  };
}

function leads(): FormDefinition {
  return {
    key: 'leads',
    name: '',
    titleField: 'name',
    fields: [
      { type: 'text', key: 'name', label: bi('联系人姓名', 'Name'), required: true, maxLength: 50, width: 8 },
      { type: 'text', key: 'company', label: bi('公司名称', 'Company'), maxLength: 100, width: 16 },
      { type: 'phone', key: 'phone', label: bi('手机', 'Mobile'), width: 8 },
      { type: 'email', key: 'email', label: bi('邮箱', 'E-mail'), width: 8 },
      { type: 'select', key: 'region', label: bi('省份', 'Province'), options: provinceOptions(), width: 8 },
      { type: 'select', key: 'source', label: bi('线索来源', 'Source'), options: optionsOf(SOURCES), width: 8 },
      {
        type: 'select',
        key: 'status',
        label: bi('线索状态', 'Status'),
        options: optionsOf(LEAD_STATUSES),
        defaultValue: 'new',
        required: true,
        indexed: true,
        width: 8,
      },
      owner,
      {
        type: 'switch',
        key: 'in_public_pool',
        label: bi('公海线索', 'In the public pool'),
        help: bi(
          '3 天未跟进的线索自动退回公海，任何销售都可以领取',
          'Leads not followed up within 3 days return here; any rep may claim them',
        ),
        width: 8,
      },
      { type: 'date', key: 'assigned_on', label: bi('分配日期', 'Assigned on'), width: 8 },
      { type: 'date', key: 'last_follow_up', label: bi('最后跟进日期', 'Last follow-up'), width: 8 },
      { type: 'textarea', key: 'notes', label: bi('备注', 'Notes'), maxLength: 2000 },
      created,
    ],
  };
}

function opportunities(): FormDefinition {
  const lost = { field: 'stage', op: 'eq' as const, value: 'lost' };
  const closed = { field: 'stage', op: 'in' as const, value: ['won', 'lost'] };
  return {
    key: 'opportunities',
    name: '',
    titleField: 'name',
    fields: [
      { type: 'text', key: 'name', label: bi('商机名称', 'Opportunity'), required: true, maxLength: 100, width: 12 },
      customerField(12),
      {
        type: 'relation',
        key: 'contact',
        label: bi('联系人', 'Contact'),
        relation: { form: 'contacts', displayField: 'name' },
        width: 8,
      },
      {
        type: 'select',
        key: 'stage',
        label: bi('销售阶段', 'Stage'),
        required: true,
        options: stageOptions(),
        defaultValue: 'lead',
        indexed: true,
        width: 8,
      },
      {
        type: 'formula',
        key: 'win_probability',
        label: bi('赢率 %', 'Win probability %'),
        formula: { expression: STAGE_PROBABILITY_FORMULA, resultType: 'number', precision: 0 },
        width: 8,
      },
      {
        type: 'amount',
        key: 'amount',
        label: bi('预计金额', 'Amount'),
        min: 0,
        currency: 'CNY',
        required: true,
        width: 8,
      },
      {
        type: 'formula',
        key: 'weighted_amount',
        label: bi('加权金额', 'Weighted amount'),
        formula: { expression: 'amount * win_probability / 100', resultType: 'number', precision: 2 },
        width: 8,
      },
      {
        type: 'date',
        key: 'opened_on',
        label: bi('创建日期', 'Opened on'),
        required: true,
        defaultFormula: '$today',
        width: 8,
      },
      { type: 'date', key: 'expected_close', label: bi('预计成交日期', 'Expected close'), width: 8 },
      {
        type: 'date',
        key: 'closed_on',
        label: bi('结单日期', 'Closed on'),
        requiredWhen: closed,
        visibleWhen: closed,
        width: 8,
      },
      {
        type: 'formula',
        key: 'cycle_days',
        label: bi('销售周期（天）', 'Sales cycle (days)'),
        formula: { expression: DAYS_BETWEEN('opened_on', 'closed_on'), resultType: 'number', precision: 0 },
        width: 8,
      },
      {
        type: 'select',
        key: 'lost_stage',
        label: bi('输单阶段', 'Lost at stage'),
        options: stageOptions(OPEN_STAGES),
        requiredWhen: lost,
        visibleWhen: lost,
        width: 8,
      },
      {
        type: 'select',
        key: 'loss_reason',
        label: bi('输单原因', 'Loss reason'),
        options: optionsOf(LOSS_REASONS),
        requiredWhen: lost,
        visibleWhen: lost,
        width: 8,
      },
      {
        type: 'formula',
        key: 'funnel_stage',
        label: bi('漏斗阶段', 'Funnel stage'),
        formula: { expression: FUNNEL_STAGE_FORMULA, resultType: 'text' },
        hidden: true,
      },
      owner,
      { type: 'textarea', key: 'notes', label: bi('需求说明', 'Needs'), maxLength: 4000 },
      created,
    ],
  };
}

function followUps(): FormDefinition {
  return {
    key: 'follow_ups',
    name: '',
    titleField: 'subject',
    fields: [
      { type: 'text', key: 'subject', label: bi('主题', 'Subject'), required: true, maxLength: 100, width: 12 },
      {
        type: 'select',
        key: 'type',
        label: bi('跟进方式', 'Type'),
        required: true,
        options: optionsOf(FOLLOW_UP_TYPES),
        width: 6,
      },
      {
        type: 'date',
        key: 'followed_on',
        label: bi('跟进日期', 'Date'),
        required: true,
        defaultFormula: '$today',
        width: 6,
      },
      customerField(12),
      {
        type: 'relation',
        key: 'opportunity',
        label: bi('商机', 'Opportunity'),
        relation: { form: 'opportunities', displayField: 'name' },
        width: 12,
      },
      { type: 'textarea', key: 'notes', label: bi('跟进内容', 'Notes'), required: true, maxLength: 4000 },
      { type: 'date', key: 'next_date', label: bi('下次跟进日期', 'Next follow-up'), width: 6 },
      owner,
      created,
    ],
  };
}

function products(): FormDefinition {
  return {
    key: 'products',
    name: '',
    titleField: 'name',
    fields: [
      {
        type: 'text',
        key: 'code',
        label: bi('产品编码', 'Code'),
        required: true,
        unique: true,
        maxLength: 30,
        pattern: '^[A-Z0-9-]+$',
        patternMessage: bi('只能包含大写字母、数字和 -', 'Upper-case letters, digits and - only'),
        width: 6,
      },
      { type: 'text', key: 'name', label: bi('产品名称', 'Name'), required: true, maxLength: 100, width: 12 },
      {
        type: 'select',
        key: 'category',
        label: bi('类别', 'Category'),
        options: optionsOf(PRODUCT_CATEGORIES),
        width: 6,
      },
      {
        type: 'amount',
        key: 'price',
        label: bi('标准价格', 'List price'),
        required: true,
        min: 0,
        currency: 'CNY',
        width: 6,
      },
      { type: 'text', key: 'unit', label: bi('单位', 'Unit'), maxLength: 20, width: 6 },
      { type: 'switch', key: 'active', label: bi('在售', 'Active'), defaultValue: true, width: 6 },
    ],
  };
}

function quotes(): FormDefinition {
  return {
    key: 'quotes',
    name: '',
    titleField: 'quote_no',
    fields: [
      {
        type: 'auto_number',
        key: 'quote_no',
        label: bi('报价单号', 'Quote no.'),
        autoNumber: { pattern: 'BJ-{YYYY}{MM}-{0000}' },
        width: 8,
      },
      {
        type: 'relation',
        key: 'opportunity',
        label: bi('商机', 'Opportunity'),
        required: true,
        relation: { form: 'opportunities', displayField: 'name' },
        width: 16,
      },
      {
        type: 'date',
        key: 'quote_date',
        label: bi('报价日期', 'Quote date'),
        required: true,
        defaultFormula: '$today',
        width: 8,
      },
      { type: 'date', key: 'valid_until', label: bi('有效期至', 'Valid until'), width: 8 },
      {
        type: 'select',
        key: 'status',
        label: bi('报价状态', 'Status'),
        options: optionsOf(QUOTE_STATUSES),
        defaultValue: 'draft',
        width: 8,
      },
      {
        type: 'sub_table',
        key: 'items',
        label: bi('报价明细', 'Line items'),
        minRows: 1,
        fields: [
          {
            type: 'relation',
            key: 'product',
            label: bi('产品', 'Product'),
            required: true,
            relation: { form: 'products', displayField: 'name', fill: { price: 'price' } },
          },
          { type: 'number', key: 'qty', label: bi('数量', 'Qty'), required: true, min: 1, precision: 0 },
          { type: 'amount', key: 'price', label: bi('单价', 'Unit price'), required: true, min: 0 },
          {
            type: 'formula',
            key: 'line_total',
            label: bi('小计', 'Line total'),
            formula: { expression: 'qty * price', resultType: 'number', precision: 2 },
          },
        ],
      },
      {
        type: 'formula',
        key: 'subtotal',
        label: bi('合计', 'Subtotal'),
        formula: { expression: '$sum(items.line_total)', resultType: 'number', precision: 2 },
        width: 8,
      },
      {
        type: 'percent',
        key: 'discount',
        label: bi('折扣 %', 'Discount %'),
        min: 0,
        max: 100,
        precision: 1,
        defaultValue: 0,
        help: bi('超过 10% 需经理审批', 'Above 10 % needs the manager’s approval'),
        width: 8,
      },
      {
        type: 'formula',
        key: 'total',
        label: bi('报价总额', 'Total'),
        formula: {
          expression: '$round($sum(items.line_total) * (1 - (discount ? discount : 0) / 100), 2)',
          resultType: 'number',
          precision: 2,
        },
        width: 8,
      },
      {
        type: 'select',
        key: 'approval_status',
        label: bi('折扣审批', 'Discount approval'),
        options: optionsOf(APPROVAL_STATUSES),
        defaultValue: 'not_required',
        readOnly: true,
        width: 8,
      },
      owner,
      created,
    ],
  };
}

function contracts(): FormDefinition {
  return {
    key: 'contracts',
    name: '',
    titleField: 'contract_no',
    fields: [
      {
        type: 'auto_number',
        key: 'contract_no',
        label: bi('合同编号', 'Contract no.'),
        autoNumber: { pattern: 'HT-{YYYY}{MM}-{0000}' },
        width: 8,
      },
      { type: 'text', key: 'title', label: bi('合同名称', 'Title'), required: true, maxLength: 100, width: 16 },
      customerField(12),
      {
        type: 'relation',
        key: 'opportunity',
        label: bi('商机', 'Opportunity'),
        relation: { form: 'opportunities', displayField: 'name' },
        width: 12,
      },
      {
        type: 'amount',
        key: 'amount',
        label: bi('合同金额', 'Amount'),
        required: true,
        min: 0,
        currency: 'CNY',
        width: 8,
      },
      {
        type: 'date',
        key: 'signed_on',
        label: bi('签订日期', 'Signed on'),
        required: true,
        defaultFormula: '$today',
        indexed: true,
        width: 8,
      },
      {
        type: 'select',
        key: 'status',
        label: bi('合同状态', 'Status'),
        options: optionsOf(CONTRACT_STATUSES),
        defaultValue: 'signed',
        width: 8,
      },
      owner,
      created,
    ],
  };
}

function payments(): FormDefinition {
  return {
    key: 'payments',
    name: '',
    titleField: 'title',
    fields: [
      { type: 'text', key: 'title', label: bi('回款期次', 'Installment'), required: true, maxLength: 100, width: 12 },
      {
        type: 'relation',
        key: 'contract',
        label: bi('合同', 'Contract'),
        required: true,
        relation: { form: 'contracts', displayField: 'contract_no' },
        width: 12,
      },
      {
        type: 'date',
        key: 'plan_date',
        label: bi('计划回款日期', 'Planned on'),
        required: true,
        indexed: true,
        width: 6,
      },
      {
        type: 'amount',
        key: 'amount',
        label: bi('计划金额', 'Amount'),
        required: true,
        min: 0,
        currency: 'CNY',
        width: 6,
      },
      { type: 'date', key: 'received_on', label: bi('实际回款日期', 'Received on'), width: 6 },
      {
        type: 'select',
        key: 'status',
        label: bi('回款状态', 'Status'),
        options: optionsOf(PAYMENT_STATUSES),
        defaultValue: 'planned',
        width: 6,
      },
      owner,
      created,
    ],
  };
}

function salesTargets(): FormDefinition {
  return {
    key: 'sales_targets',
    name: '',
    titleField: 'title',
    fields: [
      { type: 'text', key: 'title', label: bi('目标名称', 'Title'), required: true, maxLength: 100, width: 12 },
      { type: 'member', key: 'sales_rep', label: bi('销售人员', 'Sales rep'), required: true, width: 6 },
      {
        type: 'date',
        key: 'period',
        label: bi('月份（当月第一天）', 'Month (its first day)'),
        required: true,
        width: 6,
      },
      {
        type: 'amount',
        key: 'target_amount',
        label: bi('目标金额', 'Target'),
        required: true,
        min: 0,
        currency: 'CNY',
        width: 6,
      },
    ],
  };
}

const BUILDERS: Record<CrmFormKey, () => FormDefinition> = {
  products,
  customers,
  contacts,
  leads,
  opportunities,
  follow_ups: followUps,
  quotes,
  contracts,
  payments,
  sales_targets: salesTargets,
};

/** The CRM forms, in publishing order, with names in the given language (field labels carry both). */
export function crmForms(locale: Locale): FormDefinition[] {
  return CRM_FORM_KEYS.map((key) => ({ ...BUILDERS[key](), name: pick(FORM_NAMES[key], locale) }));
}

export function crmFormName(key: CrmFormKey, locale: Locale): string {
  return pick(FORM_NAMES[key], locale);
}
