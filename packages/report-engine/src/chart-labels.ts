import type { ChartLocale } from './chart-types';

const LABELS = {
  'zh-CN': {
    other: '其他',
    empty: '(空)',
    total: '合计',
    conversion: '转化率',
    overall: '总转化',
    previous: '上期',
    change: '环比',
    target: '目标',
    progress: '完成率',
    value: '数值',
    count: '记录数',
  },
  'en-US': {
    other: 'Other',
    empty: '(Empty)',
    total: 'Total',
    conversion: 'Conversion',
    overall: 'Overall',
    previous: 'Previous period',
    change: 'Change',
    target: 'Target',
    progress: 'Progress',
    value: 'Value',
    count: 'Records',
  },
} as const;

export type ChartLabelKey = keyof (typeof LABELS)['en-US'];

/** A fixed chart text in the chosen language. */
export function chartLabel(key: ChartLabelKey, locale: ChartLocale): string {
  return LABELS[locale][key];
}
