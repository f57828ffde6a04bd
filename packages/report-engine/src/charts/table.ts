import type { ChartBuilder, Json } from '../chart-types';
import { formatNumber, formatPercent, toNumber } from '../number-format';
import { dimensionLabel } from '../row-labels';
import { tableColumns } from './table-columns';

/** table: the aggregated rows as a formatted table (also as an ECharts dataset). */
export const tableChart: ChartBuilder<'table'> = ({ report, rows, locale }) => {
  const columns = tableColumns(report, locale);
  const body = rows.map((r) => {
    const out: { [key: string]: Json } = {};
    for (const c of columns) {
      if (c.kind === 'dimension') out[c.key] = dimensionLabel(report, r, Number(c.key.slice(1)), locale);
      else if (c.kind === 'percent') out[c.key] = formatPercent(toNumber(r[c.key]), locale);
      else {
        const format = report.measures.find((m) => m.as === c.measure)?.format;
        out[c.key] = formatNumber(toNumber(r[c.key]), locale, format);
      }
    }
    return out;
  });
  return {
    dataset: { dimensions: columns.map((c) => c.key), source: body },
    tessera: {
      kind: 'table',
      columns: columns.map((c) => ({ key: c.key, title: c.title, align: c.kind === 'dimension' ? 'left' : 'right' })),
      rows: body,
    },
  };
};
