import type { ReportDefinition } from '@tessera/schema';
import type { ChartLocale, ReportRow } from '../chart-types';
import { formatNumber, formatPercent } from '../number-format';
import { dimensionLabel, measureTitle, measureValue } from '../row-labels';

export type PieItem = {
  name: string;
  value: number | null;
  label: { formatter: string };
};

/** Slices: first dimension × first measure, labelled "name: value (share)". */
export function pieItems(
  report: ReportDefinition,
  rows: readonly ReportRow[],
  locale: ChartLocale,
  showPercent: boolean,
): { name: string; items: PieItem[] } {
  const m = report.measures[0];
  const total = rows.reduce((sum, r) => sum + (measureValue(r, m.as) ?? 0), 0);
  const items = rows.map((r): PieItem => {
    const name = report.dimensions.length ? dimensionLabel(report, r, 0, locale) : measureTitle(m, locale);
    const value = measureValue(r, m.as);
    const share = showPercent && total ? ` (${formatPercent((value ?? 0) / total, locale)})` : '';
    return { name, value, label: { formatter: `${name}: ${formatNumber(value, locale, m.format)}${share}` } };
  });
  return { name: measureTitle(m, locale), items };
}
