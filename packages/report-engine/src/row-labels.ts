import type { DateBucket, ReportDefinition, ReportMeasure } from '@tessera/schema';
import { chartLabel } from './chart-labels';
import type { ChartLocale, ReportRow } from './chart-types';
import { formatNumber, toNumber } from './number-format';
import { dimensionAlias } from './report-plan';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The label of a date bucket given by its first day ('2024-03-01' → 2024年3月 / Mar 2024). */
export function bucketLabel(start: string, bucket: DateBucket, locale: ChartLocale): string {
  const [y, m] = start.split('-').map(Number);
  const zh = locale === 'zh-CN';
  switch (bucket) {
    case 'day':
      return start;
    case 'week':
      return zh ? `${start} 当周` : `Week of ${start}`;
    case 'month':
      return zh ? `${y}年${m}月` : `${EN_MONTHS[m - 1]} ${y}`;
    case 'quarter':
      return zh ? `${y}年第${Math.floor((m - 1) / 3) + 1}季度` : `${y} Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return zh ? `${y}年` : String(y);
  }
}

/** The text shown for the i-th dimension of a row: bucket labels, "Other", "(Empty)", "Total". */
export function dimensionLabel(report: ReportDefinition, row: ReportRow, i: number, locale: ChartLocale): string {
  const alias = dimensionAlias(i);
  if (row[`${alias}_total`] === true) return chartLabel('total', locale);
  if (row[`${alias}_other`] === true) return chartLabel('other', locale);
  const v = row[alias];
  if (v === null || v === undefined || v === '') return chartLabel('empty', locale);
  const bucket = report.funnel ? undefined : report.dimensions[i]?.bucket;
  if (bucket && typeof v === 'string') return bucketLabel(v, bucket, locale);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return formatNumber(v, locale);
  return String(v);
}

/** The title of a measure (its label, else a generated one). */
export function measureTitle(m: ReportMeasure, locale: ChartLocale): string {
  if (m.label) return m.label;
  if (m.aggregate === 'count' && !m.field) return chartLabel('count', locale);
  return m.field ? `${m.aggregate}(${m.field})` : m.as;
}

export function measureValue(row: ReportRow, column: string): number | null {
  return toNumber(row[column]);
}

/** The distinct labels of dimension i, in row order. */
export function distinctLabels(
  report: ReportDefinition,
  rows: readonly ReportRow[],
  i: number,
  locale: ChartLocale,
): string[] {
  return [...new Set(rows.map((r) => dimensionLabel(report, r, i, locale)))];
}
