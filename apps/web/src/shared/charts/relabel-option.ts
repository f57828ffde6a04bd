import { asList, isObject, type LooseOption } from './chart-option-access';

/** Choice values → their labels in the UI language (`won` → 赢单), for the fields a report groups by. */
export type ValueLabels = ReadonlyMap<string, string>;

function swapList(value: unknown, swap: (v: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map(swap) : value;
}

/**
 * The engine labels categories with the stored choice values; this shows the choices' labels instead: category
 * axes, legends, series names (second dimension), slice/stage names and their label texts, radar axes.
 */
export function relabelOption(option: LooseOption, labels: ValueLabels): LooseOption {
  if (labels.size === 0) return option;
  const swap = (v: unknown): unknown => (typeof v === 'string' ? (labels.get(v) ?? v) : v);
  const axes = (axis: unknown): unknown => {
    const list = asList(axis).map((a) => (a.type === 'category' ? { ...a, data: swapList(a.data, swap) } : a));
    return Array.isArray(axis) ? list : list[0];
  };
  const item = (d: unknown): unknown => {
    if (!isObject(d) || typeof d.name !== 'string' || !labels.has(d.name)) return d;
    const name = labels.get(d.name) ?? d.name;
    const label =
      isObject(d.label) && typeof d.label.formatter === 'string' && d.label.formatter.startsWith(d.name)
        ? { ...d.label, formatter: name + d.label.formatter.slice(d.name.length) }
        : d.label;
    return { ...d, name, label };
  };
  const out: LooseOption = { ...option };
  if (option.xAxis !== undefined) out.xAxis = axes(option.xAxis);
  if (option.yAxis !== undefined) out.yAxis = axes(option.yAxis);
  if (isObject(option.legend)) out.legend = { ...option.legend, data: swapList(option.legend.data, swap) };
  if (isObject(option.radar) && Array.isArray(option.radar.indicator))
    out.radar = { ...option.radar, indicator: option.radar.indicator.map(item) };
  if (option.series !== undefined)
    out.series = asList(option.series).map((s) => ({
      ...s,
      name: swap(s.name),
      data: Array.isArray(s.data) ? s.data.map(item) : s.data,
    }));
  return out;
}

/** The labels map of the choice fields among the given ones. */
export function valueLabelsOf(
  fields: readonly { options?: readonly { value: string; label: string }[] }[],
): ValueLabels {
  const map = new Map<string, string>();
  for (const f of fields)
    for (const o of f.options ?? []) if (o.label && o.label !== o.value) map.set(o.value, o.label);
  return map;
}
