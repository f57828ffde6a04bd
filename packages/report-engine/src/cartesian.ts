import type { ReportDefinition } from '@tessera/schema';
import { chartLabel } from './chart-labels';
import type { ChartLocale, Json, ReportRow } from './chart-types';
import { formatNumber } from './number-format';
import { dimensionLabel, distinctLabels, measureTitle, measureValue } from './row-labels';

/** One series over the categories, before it becomes an ECharts series. */
export interface SeriesData {
  name: string;
  /** Measure `as` (or `target_value`) the values come from. */
  column: string;
  values: (number | null)[];
}

export interface CartesianData {
  categories: string[];
  series: SeriesData[];
}

/**
 * Categories from the first dimension; one series per value of the second dimension (first measure), else one
 * per measure; a target report adds a target series.
 */
export function cartesianData(
  report: ReportDefinition,
  rows: readonly ReportRow[],
  locale: ChartLocale,
): CartesianData {
  const hasDims = report.dimensions.length > 0;
  const categories = hasDims ? distinctLabels(report, rows, 0, locale) : [''];
  const indexOf = new Map(categories.map((c, i) => [c, i]));
  const catOf = (r: ReportRow): number => (hasDims ? (indexOf.get(dimensionLabel(report, r, 0, locale)) ?? 0) : 0);
  const series: SeriesData[] = [];
  if (report.dimensions.length >= 2) {
    const m = report.measures[0];
    const byName = new Map<string, SeriesData>();
    for (const r of rows) {
      const name = dimensionLabel(report, r, 1, locale);
      let s = byName.get(name);
      if (!s) {
        s = { name, column: m.as, values: categories.map(() => null) };
        byName.set(name, s);
        series.push(s);
      }
      s.values[catOf(r)] = measureValue(r, m.as);
    }
  } else {
    for (const m of report.measures) {
      const values: (number | null)[] = categories.map(() => null);
      for (const r of rows) values[catOf(r)] = measureValue(r, m.as);
      series.push({ name: measureTitle(m, locale), column: m.as, values });
    }
  }
  if (report.target) {
    const values: (number | null)[] = categories.map(() => null);
    for (const r of rows) values[catOf(r)] = measureValue(r, 'target_value');
    series.push({ name: chartLabel('target', locale), column: 'target_value', values });
  }
  return { categories, series };
}

/** Data items carrying their locale-formatted label. */
export function dataItems(
  report: ReportDefinition,
  s: SeriesData,
  locale: ChartLocale,
): { value: number | null; label: { formatter: string } }[] {
  const format = report.measures.find((m) => m.as === s.column)?.format;
  return s.values.map((value) => ({ value, label: { formatter: formatNumber(value, locale, format) } }));
}

export type CartesianVariant = {
  kind: 'bar' | 'line';
  horizontal: boolean;
  stacked: boolean;
  area: boolean;
};

/** The ECharts option of bar/column/line/area charts (stacked or not). */
export function cartesianOption(
  report: ReportDefinition,
  rows: readonly ReportRow[],
  locale: ChartLocale,
  variant: CartesianVariant,
  showLabels: boolean,
  smooth: boolean,
): { [key: string]: Json } {
  const { categories, series } = cartesianData(report, rows, locale);
  const categoryAxis = { type: 'category', data: categories };
  const valueAxis = { type: 'value' };
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name) },
    grid: { containLabel: true },
    xAxis: variant.horizontal ? valueAxis : categoryAxis,
    yAxis: variant.horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => {
      const isTarget = s.column === 'target_value';
      const kind = isTarget ? 'line' : variant.kind;
      return {
        type: kind,
        name: s.name,
        data: dataItems(report, s, locale),
        label: { show: showLabels },
        ...(variant.stacked && !isTarget ? { stack: 'total' } : {}),
        ...(variant.area && !isTarget ? { areaStyle: {} } : {}),
        ...(kind === 'line' ? { smooth } : {}),
      };
    }),
  };
}
