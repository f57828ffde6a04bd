import { asList, isObject, type LooseOption } from './chart-option-access';

/**
 * The fallback of a `map_china` option when the map chunk (GeoJSON) cannot be downloaded: provinces ranked by
 * value as a horizontal bar, largest on top, with the same per-province labels.
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
