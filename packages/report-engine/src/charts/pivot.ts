import type { ChartBuilder, Json } from '../chart-types';
import { formatNumber } from '../number-format';
import { dimensionLabel, measureTitle, measureValue } from '../row-labels';

/**
 * pivot: a cross table — row headers from `pivot.rows`, column headers from `pivot.columns` (× measures),
 * subtotal and grand-total rows/columns labelled "Total"/"合计" where the SQL produced them (ROLLUP).
 */
export const pivotChart: ChartBuilder<'pivot'> = ({ report, rows, locale }) => {
  const indexOf = (ref: string): number => report.dimensions.findIndex((d) => d.field === ref);
  const rowDims = (report.pivot?.rows ?? report.dimensions.slice(0, 1).map((d) => d.field)).map(indexOf);
  const colDims = (report.pivot?.columns ?? report.dimensions.slice(1).map((d) => d.field)).map(indexOf);
  const rowKeys = new Map<string, string[]>();
  const colKeys = new Map<string, string[]>();
  const cells = new Map<string, number | null>();
  for (const r of rows) {
    const rh = rowDims.map((i) => dimensionLabel(report, r, i, locale));
    const ch = colDims.map((i) => dimensionLabel(report, r, i, locale));
    const rk = JSON.stringify(rh);
    const ck = JSON.stringify(ch);
    rowKeys.set(rk, rh);
    colKeys.set(ck, ch);
    for (const m of report.measures) cells.set(JSON.stringify([rk, ck, m.as]), measureValue(r, m.as));
  }
  const multi = report.measures.length > 1;
  const columnHeaders: string[][] = [];
  for (const ch of colKeys.values())
    for (const m of report.measures) columnHeaders.push(multi ? [...ch, measureTitle(m, locale)] : ch);
  const values: (number | null)[][] = [];
  const formatted: string[][] = [];
  for (const rk of rowKeys.keys()) {
    const vs: (number | null)[] = [];
    const fs: string[] = [];
    for (const ck of colKeys.keys())
      for (const m of report.measures) {
        const v = cells.get(JSON.stringify([rk, ck, m.as])) ?? null;
        vs.push(v);
        fs.push(v === null ? '' : formatNumber(v, locale, m.format));
      }
    values.push(vs);
    formatted.push(fs);
  }
  const rowHeaders = [...rowKeys.values()];
  const source: Json[] = rowHeaders.map((rh, i) => [...rh, ...values[i]]);
  return {
    dataset: { source },
    tessera: {
      kind: 'pivot',
      rowTitles: rowDims.map((i) => report.dimensions[i]?.label ?? report.dimensions[i]?.field ?? ''),
      columnTitles: colDims.map((i) => report.dimensions[i]?.label ?? report.dimensions[i]?.field ?? ''),
      rowHeaders,
      columnHeaders,
      values,
      cells: formatted,
    },
  };
};
