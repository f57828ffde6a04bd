import type { ChartSpec } from '@tessera/schema';

/** Colour palettes a report can pick; the first colour is the main series colour. */
export const CHART_PALETTES = {
  tessera: ['#3b6cf6', '#22b07d', '#f5a524', '#ef5d5d', '#8b5cf6', '#14b8c4', '#f97316', '#64748b', '#ec4899'],
  ocean: ['#0b5fff', '#00a2c7', '#3fc1c9', '#5e81f4', '#1e3a8a', '#7dd3fc', '#0891b2', '#94a3b8', '#2563eb'],
  sunset: ['#f97316', '#ef4444', '#f59e0b', '#ec4899', '#a855f7', '#fb7185', '#facc15', '#78716c', '#e11d48'],
  forest: ['#15803d', '#65a30d', '#0d9488', '#ca8a04', '#4d7c0f', '#22c55e', '#a3e635', '#57534e', '#047857'],
  mono: ['#1e3a8a', '#1d4ed8', '#3b82f6', '#60a5fa', '#93c5fd', '#bfdbfe', '#334155', '#64748b', '#94a3b8'],
} as const;
export type PaletteKey = keyof typeof CHART_PALETTES;
export const PALETTE_KEYS = Object.keys(CHART_PALETTES) as PaletteKey[];

/**
 * The presentation options the web app keeps in `chart.options` next to the engine's own (`showLabels`,
 * `smooth`…): the meta-schema leaves `options` open, the engine ignores keys it does not know.
 */
export interface ChartStyleOptions {
  palette?: PaletteKey;
  /** A horizontal (or vertical, for bar) reference line, e.g. the monthly target. */
  targetLine?: number;
  showLabels?: boolean;
  smooth?: boolean;
}

const isPalette = (v: unknown): v is PaletteKey => typeof v === 'string' && v in CHART_PALETTES;

/** The style options of a chart spec, read defensively (options are free-form JSON). */
export function chartStyleOf(chart: ChartSpec): ChartStyleOptions {
  const o: Record<string, unknown> = { ...(chart.options ?? {}) };
  return {
    palette: isPalette(o.palette) ? o.palette : undefined,
    targetLine: typeof o.targetLine === 'number' && Number.isFinite(o.targetLine) ? o.targetLine : undefined,
    showLabels: typeof o.showLabels === 'boolean' ? o.showLabels : undefined,
    smooth: typeof o.smooth === 'boolean' ? o.smooth : undefined,
  };
}

/** The chart spec with style options merged in (undefined values removed). */
export function withChartStyle(chart: ChartSpec, style: ChartStyleOptions): ChartSpec {
  const merged: Record<string, unknown> = { ...(chart.options ?? {}), ...style };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return { type: chart.type, options: merged } as ChartSpec;
}
