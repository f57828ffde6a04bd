import { drillPointFromRow, normalizeProvince, type DrillPoint } from '@tessera/report-engine';
import type { ReportDefinition } from '@tessera/schema';
import type { ResultRow } from './report-api';

/** What a click on a chart element (or a table row) tells: indices into the drawn option and the names. */
export interface ChartClick {
  /** Index of the category (cartesian), slice (pie), stage (funnel) or row (table). */
  dataIndex: number;
  seriesIndex: number;
  /** The category/slice name as drawn. */
  name: string;
}

const CARTESIAN = new Set(['bar', 'column', 'stacked_bar', 'stacked_column', 'line', 'area', 'combo', 'radar']);

function cellKey(row: ResultRow, alias: string): string {
  if (row[`${alias}_other`] === true) return '\u0000other';
  if (row[`${alias}_total`] === true) return '\u0000total';
  return JSON.stringify(row[alias] ?? null);
}

function distinctKeys(rows: readonly ResultRow[], alias: string): string[] {
  return [...new Set(rows.map((r) => cellKey(r, alias)))];
}

/**
 * The result row behind a clicked element. Cartesian charts draw one category per distinct first-dimension
 * value (in row order) and, with two dimensions, one series per distinct second-dimension value.
 */
export function rowForClick(
  report: ReportDefinition,
  rows: readonly ResultRow[],
  click: ChartClick,
): ResultRow | undefined {
  if (rows.length === 0) return undefined;
  if (report.dimensions.length === 0 && !report.funnel) return rows[0];
  const type = report.chart.type;
  if (type === 'map_china') return rows.find((r) => normalizeProvince(r.d0) === click.name);
  if (CARTESIAN.has(type) && !report.funnel) {
    const category = distinctKeys(rows, 'd0')[click.dataIndex];
    if (category === undefined) return undefined;
    const sameCategory = rows.filter((r) => cellKey(r, 'd0') === category);
    if (report.dimensions.length < 2) return sameCategory[0];
    const series = distinctKeys(rows, 'd1')[click.seriesIndex];
    return series === undefined ? sameCategory[0] : sameCategory.find((r) => cellKey(r, 'd1') === series);
  }
  return rows[click.dataIndex];
}

/**
 * The drill point of a click: the row's dimension values. When a two-dimension chart is clicked on its target
 * series (no second-dimension value), only the first dimension is kept.
 */
export function drillPointForClick(
  report: ReportDefinition,
  rows: readonly ResultRow[],
  click: ChartClick,
): DrillPoint | undefined {
  if (report.dimensions.length === 0 && !report.funnel) return { dimensionValues: [] };
  const row = rowForClick(report, rows, click);
  return row ? drillPointFromRow(report, row, rows) : undefined;
}
