import { chartLabel } from '../chart-labels';
import type { ChartBuilder } from '../chart-types';
import { formatNumber, formatPercent } from '../number-format';
import { dimensionLabel, measureValue } from '../row-labels';

/**
 * funnel: stages in the report's order (sort: none), each labelled with its value and the conversion from the
 * previous stage. Rows of a funnel report carry `value`/`conversion`; otherwise the first measure is used and
 * the conversion computed from the (already aggregated) rows.
 */
export const funnelChart: ChartBuilder<'funnel'> = ({ report, chart, rows, locale }) => {
  const column = report.funnel ? 'value' : report.measures[0]?.as;
  const format = report.funnel ? undefined : report.measures[0]?.format;
  const showConversion = chart.options?.showConversion ?? true;
  const values = rows.map((r) => measureValue(r, column));
  const data = rows.map((r, i) => {
    const name = dimensionLabel(report, r, 0, locale);
    const value = values[i];
    const prev = i > 0 ? values[i - 1] : null;
    const conversion = report.funnel ? measureValue(r, 'conversion') : prev ? (value ?? 0) / prev : null;
    const conversionText =
      showConversion && i > 0 ? `\n${chartLabel('conversion', locale)} ${formatPercent(conversion, locale)}` : '';
    return {
      name,
      value,
      conversion,
      label: { formatter: `${name} ${formatNumber(value, locale, format)}${conversionText}` },
    };
  });
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return {
    tooltip: { trigger: 'item' },
    legend: { data: data.map((d) => d.name) },
    series: [{ type: 'funnel', sort: 'none', min: 0, max, gap: 2, label: { show: true, position: 'inside' }, data }],
  };
};
