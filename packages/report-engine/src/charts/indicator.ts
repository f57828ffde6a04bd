import { chartLabel } from '../chart-labels';
import type { ChartBuilder } from '../chart-types';
import { formatNumber, formatPercent } from '../number-format';
import { measureTitle, measureValue } from '../row-labels';

/**
 * indicator: one number card — the first measure, vs the previous period (`<as>_prev`, `<as>_change`) and vs
 * the target (`target_value`, `target_progress`) when the report compares or has a target. ECharts draws it as
 * a title; the `tessera` block carries the raw figures for a custom card.
 */
export const indicatorChart: ChartBuilder<'indicator'> = ({ report, rows, locale }) => {
  const m = report.measures[0];
  const row = rows[0] ?? {};
  const value = measureValue(row, m.as);
  const previous = measureValue(row, `${m.as}_prev`);
  const change = measureValue(row, `${m.as}_change`);
  const target = measureValue(row, 'target_value');
  const progress = measureValue(row, 'target_progress');
  const sub: string[] = [];
  if (report.compare) {
    const sign = change !== null && change > 0 ? '+' : '';
    sub.push(
      `${chartLabel('previous', locale)} ${formatNumber(previous, locale, m.format)} · ${chartLabel('change', locale)} ` +
        `${change === null ? '–' : sign + formatPercent(change, locale)}`,
    );
  }
  if (report.target)
    sub.push(
      `${chartLabel('target', locale)} ${formatNumber(target, locale, m.format)} · ${chartLabel('progress', locale)} ` +
        formatPercent(progress, locale),
    );
  const formatted = formatNumber(value, locale, m.format);
  return {
    title: { text: formatted, subtext: sub.join('\n'), left: 'center', top: 'middle' },
    series: [],
    tessera: {
      kind: 'indicator',
      label: measureTitle(m, locale),
      value,
      formatted,
      previous,
      change,
      target,
      progress,
      trend: change === null ? 'flat' : change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
    },
  };
};
