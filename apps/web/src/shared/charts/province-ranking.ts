import { asList, isObject, type LooseOption } from './chart-option-access';

/**
 * No GeoJSON of China ships with the app (and there is no network to fetch one), so a `map_china` option is
 * drawn as provinces ranked by value: a horizontal bar, largest on top, with the same per-province labels.
 */
export function provinceRankingOption(option: LooseOption): LooseOption {
  const series = asList(option.series)[0] ?? {};
  const data = (Array.isArray(series.data) ? series.data : [])
    .filter(isObject)
    .map((d) => ({ name: String(d.name ?? ''), value: typeof d.value === 'number' ? d.value : 0, label: d.label }))
    .sort((a, b) => b.value - a.value);
  const shown = [...data].reverse(); // the category axis draws from the bottom up
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [] },
    grid: { containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map((d) => d.name) },
    series: [
      {
        type: 'bar',
        name: typeof series.name === 'string' ? series.name : '',
        data: shown.map((d) => ({ value: d.value })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}
