/** An ECharts option as plain JSON from the server, read without trusting its shape. */
export type LooseOption = Record<string, unknown>;

export const isObject = (v: unknown): v is LooseOption => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A component that may be one object or an array of them (`xAxis`, `yAxis`, `series`). */
export function asList(v: unknown): LooseOption[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/** The `tessera` block of cards and tables ECharts does not draw, if any. */
export function tesseraBlock(option: LooseOption): LooseOption | undefined {
  return isObject(option.tessera) ? option.tessera : undefined;
}

/** The type of the first series (`bar`, `line`, `pie`, `map`…). */
export function firstSeriesType(option: LooseOption): string | undefined {
  const type = asList(option.series)[0]?.type;
  return typeof type === 'string' ? type : undefined;
}
