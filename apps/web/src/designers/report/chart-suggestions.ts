import type { ChartType, ReportDefinition } from '@tessera/schema';
import type { SourceField } from './source-fields';

/** The shape of the data the chart gallery judges charts by. */
export interface ChartShape {
  dimensions: readonly SourceField[];
  measureCount: number;
  /** The report compares with a target (a combo can then draw one measure as bars and the target as a line). */
  hasTarget?: boolean;
}

const LOST = /lost|lose|fail|cancel|输|丢|失败|取消/i;

/**
 * Charts that suit the data best, most suitable first: a date dimension → line; one category and one measure →
 * bar/pie; a stage field → funnel; a province field → map; no dimension → indicator card.
 */
export function suggestedCharts({ dimensions, measureCount, hasTarget }: ChartShape): ChartType[] {
  const [first, second] = dimensions;
  if (hasTarget && first && !second) return ['combo', 'column', 'bar'];
  if (!first) return measureCount > 1 ? ['table', 'indicator'] : ['indicator', 'gauge'];
  if (second) return first.temporal ? ['stacked_column', 'line', 'pivot'] : ['stacked_bar', 'stacked_column', 'pivot'];
  if (measureCount >= 2) return first.temporal ? ['combo', 'line', 'table'] : ['combo', 'column', 'scatter'];
  if (first.temporal) return ['line', 'area', 'column'];
  if (first.role === 'stage') return ['funnel', 'column', 'bar'];
  if (first.role === 'province') return ['map_china', 'bar', 'table'];
  return ['bar', 'pie', 'column', 'donut'];
}

/** Whether a chart type can draw the data at all (the others are shown disabled in the gallery). */
export function chartFits(type: ChartType, { dimensions, measureCount, hasTarget }: ChartShape): boolean {
  const dims = dimensions.length;
  switch (type) {
    case 'indicator':
    case 'gauge':
      return dims === 0;
    case 'pie':
    case 'donut':
    case 'map_china':
      return dims === 1;
    case 'funnel':
      return dims === 1 && dimensions[0].kind === 'text';
    case 'scatter':
      return dims >= 1 && measureCount >= 2;
    case 'combo':
      return dims >= 1 && (measureCount >= 2 || hasTarget === true);
    case 'radar':
      return dims >= 1;
    case 'table':
    case 'pivot':
      return true;
    default:
      return dims >= 1;
  }
}

/**
 * The definition for a picked chart type: a funnel gets its stages from the stage field's options (in order,
 * lost stages left out) and the summed field as its amount; a pivot gets rows/columns from the dimensions.
 */
export function applyChartType(
  def: ReportDefinition,
  type: ChartType,
  fields: readonly SourceField[],
): ReportDefinition {
  const next: ReportDefinition = { ...def, chart: { ...def.chart, type } as ReportDefinition['chart'] };
  delete next.funnel;
  delete next.pivot;
  if (type === 'funnel') {
    const stageField = fields.find((f) => f.ref === def.dimensions[0]?.field);
    const stages = (stageField?.options ?? []).filter((o) => !LOST.test(`${o.value} ${o.label}`)).map((o) => o.value);
    const amount = def.measures.find((m) => m.aggregate === 'sum' && m.field)?.field;
    if (stageField && stages.length)
      next.funnel = {
        stageField: stageField.ref,
        stages,
        cumulative: true,
        ...(amount ? { amountField: amount } : {}),
      };
  }
  if (type === 'pivot' && def.dimensions.length) {
    const [rows, ...columns] = def.dimensions.map((d) => d.field);
    next.pivot = { rows: [rows], columns, subtotals: columns.length > 0 };
  }
  return next;
}
