import type { ChartBuilder } from '../chart-types';
import { normalizeProvince } from '../china-provinces';
import { formatNumber } from '../number-format';
import { measureTitle, measureValue } from '../row-labels';

/**
 * map_china: the first dimension holds provinces written any common way (广东 / Guangdong / 广东省), summed per
 * ECharts map name; values that are not a province are left out.
 */
export const mapChinaChart: ChartBuilder<'map_china'> = ({ report, chart, rows, locale }) => {
  const m = report.measures[0];
  const totals = new Map<string, number>();
  for (const r of rows) {
    const province = normalizeProvince(r.d0);
    const value = measureValue(r, m.as);
    if (province && value !== null) totals.set(province, (totals.get(province) ?? 0) + value);
  }
  const data = [...totals].map(([name, value]) => ({
    name,
    value,
    label: { formatter: `${name} ${formatNumber(value, locale, m.format)}` },
  }));
  const max = chart.options?.max ?? Math.max(0, ...totals.values());
  return {
    tooltip: { trigger: 'item' },
    visualMap: {
      min: 0,
      max,
      left: 'left',
      bottom: 0,
      calculable: true,
      text: locale === 'zh-CN' ? ['高', '低'] : ['High', 'Low'],
    },
    series: [{ type: 'map', map: 'china', name: measureTitle(m, locale), roam: false, data }],
  };
};
