import type { FieldOption } from '@tessera/schema';
import { bi, type Bilingual } from './app-template';

/** The standard pipeline (seed 000: 线索 → 初步接洽 → 需求分析 → 方案报价 → 商务谈判 → 签约), then lost. */
export const OPEN_STAGES = ['lead', 'contact', 'needs', 'proposal', 'negotiation'] as const;
export const STAGES = [...OPEN_STAGES, 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];
export type OpenStage = (typeof OPEN_STAGES)[number];
/** The funnel's stages: every open stage and the win (a lost deal counts in the stage where it was lost). */
export const FUNNEL_STAGES: readonly Stage[] = [...OPEN_STAGES, 'won'];

export const STAGE_LABELS: Record<Stage, Bilingual> = {
  lead: bi('线索', 'Lead'),
  contact: bi('初步接触', 'Initial contact'),
  needs: bi('需求分析', 'Needs analysis'),
  proposal: bi('方案报价', 'Proposal & quote'),
  negotiation: bi('谈判', 'Negotiation'),
  won: bi('赢单', 'Won'),
  lost: bi('输单', 'Lost'),
};

/** Win probability (%) of a deal in each stage: the weighted pipeline and forecast use it. */
export const STAGE_PROBABILITY: Record<Stage, number> = {
  lead: 10,
  contact: 20,
  needs: 40,
  proposal: 60,
  negotiation: 80,
  won: 100,
  lost: 0,
};

const STAGE_COLORS: Record<Stage, string> = {
  lead: 'gray',
  contact: 'blue',
  needs: 'cyan',
  proposal: 'geekblue',
  negotiation: 'purple',
  won: 'green',
  lost: 'red',
};

export const TIERS = {
  high_value: bi('高价值客户', 'High value'),
  high_potential: bi('高潜力客户', 'High potential'),
  normal: bi('普通客户', 'Normal'),
  to_activate: bi('待激活客户', 'To activate'),
} as const;
export type Tier = keyof typeof TIERS;

export const INDUSTRIES = {
  manufacturing: bi('制造业', 'Manufacturing'),
  internet: bi('互联网/信息技术', 'Internet & IT'),
  finance: bi('金融', 'Finance'),
  retail: bi('零售/电商', 'Retail & e-commerce'),
  healthcare: bi('医疗健康', 'Healthcare'),
  education: bi('教育培训', 'Education'),
  logistics: bi('物流运输', 'Logistics'),
  construction: bi('建筑地产', 'Construction & real estate'),
  energy: bi('能源化工', 'Energy & chemicals'),
  services: bi('专业服务', 'Professional services'),
} as const;
export type Industry = keyof typeof INDUSTRIES;

export const SOURCES = {
  website: bi('官网', 'Website'),
  exhibition: bi('展会', 'Trade show'),
  referral: bi('客户转介绍', 'Referral'),
  cold_call: bi('电话拓展', 'Cold call'),
  online_ads: bi('线上广告', 'Online ads'),
  partner: bi('渠道伙伴', 'Partner'),
  wechat: bi('微信/小程序', 'WeChat / mini-program'),
} as const;
export type Source = keyof typeof SOURCES;

export const CUSTOMER_TAGS = {
  key_account: bi('重点客户', 'Key account'),
  price_sensitive: bi('价格敏感', 'Price sensitive'),
  fast_decision: bi('决策快', 'Decides fast'),
  competitor_user: bi('竞品用户', 'Uses a competitor'),
  state_owned: bi('国企/政府', 'State-owned'),
  repeat_buyer: bi('复购', 'Repeat buyer'),
} as const;

export const COMPANY_SIZES = {
  micro: bi('50人以下', 'Under 50'),
  small: bi('50-199人', '50–199'),
  medium: bi('200-999人', '200–999'),
  large: bi('1000人以上', '1,000+'),
} as const;
export type CompanySize = keyof typeof COMPANY_SIZES;

export const DECISION_ROLES = {
  decision_maker: bi('决策者', 'Decision maker'),
  influencer: bi('影响者', 'Influencer'),
  user: bi('使用者', 'User'),
  gatekeeper: bi('把关者', 'Gatekeeper'),
  champion: bi('内部支持者', 'Champion'),
} as const;
export type DecisionRole = keyof typeof DECISION_ROLES;

export const LEAD_STATUSES = {
  new: bi('新线索', 'New'),
  contacted: bi('已联系', 'Contacted'),
  qualified: bi('已确认', 'Qualified'),
  converted: bi('已转化', 'Converted'),
  invalid: bi('无效', 'Invalid'),
} as const;
export type LeadStatus = keyof typeof LEAD_STATUSES;

export const LOSS_REASONS = {
  price: bi('价格过高', 'Price'),
  competitor: bi('输给竞争对手', 'Lost to a competitor'),
  no_budget: bi('无预算', 'No budget'),
  no_decision: bi('需求搁置', 'No decision'),
  product_fit: bi('产品不匹配', 'Product fit'),
  relationship: bi('关系/服务', 'Relationship'),
} as const;
export type LossReason = keyof typeof LOSS_REASONS;

export const FOLLOW_UP_TYPES = {
  call: bi('电话', 'Call'),
  visit: bi('上门拜访', 'Visit'),
  wechat: bi('微信', 'WeChat'),
  email: bi('邮件', 'E-mail'),
  meeting: bi('会议', 'Meeting'),
  demo: bi('产品演示', 'Demo'),
} as const;
export type FollowUpType = keyof typeof FOLLOW_UP_TYPES;

export const PRODUCT_CATEGORIES = {
  software: bi('软件', 'Software'),
  hardware: bi('硬件', 'Hardware'),
  service: bi('实施服务', 'Services'),
  training: bi('培训', 'Training'),
} as const;
export type ProductCategory = keyof typeof PRODUCT_CATEGORIES;

export const QUOTE_STATUSES = {
  draft: bi('草稿', 'Draft'),
  sent: bi('已发送', 'Sent'),
  accepted: bi('已接受', 'Accepted'),
  rejected: bi('已拒绝', 'Rejected'),
} as const;

export const APPROVAL_STATUSES = {
  not_required: bi('无需审批', 'Not required'),
  pending: bi('审批中', 'Pending'),
  approved: bi('已批准', 'Approved'),
  rejected: bi('已驳回', 'Rejected'),
} as const;

export const CONTRACT_STATUSES = {
  draft: bi('草稿', 'Draft'),
  signed: bi('已签订', 'Signed'),
  executing: bi('执行中', 'In progress'),
  completed: bi('已完成', 'Completed'),
  terminated: bi('已终止', 'Terminated'),
} as const;
export type ContractStatus = keyof typeof CONTRACT_STATUSES;

export const PAYMENT_STATUSES = {
  planned: bi('待回款', 'Planned'),
  received: bi('已回款', 'Received'),
  overdue: bi('逾期', 'Overdue'),
} as const;
export type PaymentStatus = keyof typeof PAYMENT_STATUSES;

/**
 * Provincial-level divisions under the names the ECharts china map uses (the report engine's map names), so
 * the customers-by-region map needs no translation step. Weight = share of sample customers.
 */
export const PROVINCES: readonly { value: string; en: string; group: 'east' | 'south'; weight: number }[] = [
  { value: '北京市', en: 'Beijing', group: 'east', weight: 8 },
  { value: '天津市', en: 'Tianjin', group: 'east', weight: 2 },
  { value: '上海市', en: 'Shanghai', group: 'east', weight: 10 },
  { value: '重庆市', en: 'Chongqing', group: 'south', weight: 2 },
  { value: '河北省', en: 'Hebei', group: 'east', weight: 2 },
  { value: '山西省', en: 'Shanxi', group: 'east', weight: 1 },
  { value: '辽宁省', en: 'Liaoning', group: 'east', weight: 2 },
  { value: '吉林省', en: 'Jilin', group: 'east', weight: 1 },
  { value: '黑龙江省', en: 'Heilongjiang', group: 'east', weight: 1 },
  { value: '江苏省', en: 'Jiangsu', group: 'east', weight: 10 },
  { value: '浙江省', en: 'Zhejiang', group: 'east', weight: 10 },
  { value: '安徽省', en: 'Anhui', group: 'east', weight: 3 },
  { value: '福建省', en: 'Fujian', group: 'south', weight: 4 },
  { value: '江西省', en: 'Jiangxi', group: 'south', weight: 2 },
  { value: '山东省', en: 'Shandong', group: 'east', weight: 6 },
  { value: '河南省', en: 'Henan', group: 'east', weight: 3 },
  { value: '湖北省', en: 'Hubei', group: 'south', weight: 4 },
  { value: '湖南省', en: 'Hunan', group: 'south', weight: 3 },
  { value: '广东省', en: 'Guangdong', group: 'south', weight: 14 },
  { value: '海南省', en: 'Hainan', group: 'south', weight: 1 },
  { value: '四川省', en: 'Sichuan', group: 'south', weight: 4 },
  { value: '贵州省', en: 'Guizhou', group: 'south', weight: 1 },
  { value: '云南省', en: 'Yunnan', group: 'south', weight: 1 },
  { value: '陕西省', en: 'Shaanxi', group: 'east', weight: 2 },
  { value: '甘肃省', en: 'Gansu', group: 'east', weight: 1 },
  { value: '青海省', en: 'Qinghai', group: 'east', weight: 0.3 },
  { value: '台湾省', en: 'Taiwan', group: 'south', weight: 0.3 },
  { value: '内蒙古自治区', en: 'Inner Mongolia', group: 'east', weight: 0.5 },
  { value: '广西壮族自治区', en: 'Guangxi', group: 'south', weight: 1.5 },
  { value: '西藏自治区', en: 'Tibet', group: 'south', weight: 0.2 },
  { value: '宁夏回族自治区', en: 'Ningxia', group: 'east', weight: 0.3 },
  { value: '新疆维吾尔自治区', en: 'Xinjiang', group: 'east', weight: 0.5 },
  { value: '香港特别行政区', en: 'Hong Kong', group: 'south', weight: 1 },
  { value: '澳门特别行政区', en: 'Macao', group: 'south', weight: 0.3 },
];

/** Options of a select field from a value → bilingual label map. */
export function optionsOf(labels: Record<string, Bilingual>, colors: Record<string, string> = {}): FieldOption[] {
  return Object.entries(labels).map(([value, label]) => ({
    value,
    label,
    ...(colors[value] ? { color: colors[value] } : {}),
  }));
}

export function stageOptions(stages: readonly Stage[] = STAGES): FieldOption[] {
  return stages.map((s) => ({ value: s, label: STAGE_LABELS[s], color: STAGE_COLORS[s] }));
}

export const provinceOptions = (): FieldOption[] =>
  PROVINCES.map((p) => ({ value: p.value, label: bi(p.value, p.en) }));

/** The departments the sample sales team sits in (names as the demo tenant seeds them). */
export const CRM_DEPARTMENTS = {
  sales: { name: '销售部 Sales', parent: null },
  sales_east: { name: '华东销售组 Sales East', parent: 'sales' },
  sales_south: { name: '华南销售组 Sales South', parent: 'sales' },
} as const;
export type CrmDepartmentKey = keyof typeof CRM_DEPARTMENTS;
