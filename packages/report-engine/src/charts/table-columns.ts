import type { ReportDefinition } from '@tessera/schema';
import { chartLabel } from '../chart-labels';
import type { ChartLocale } from '../chart-types';
import { measureTitle } from '../row-labels';
import { dimensionAlias } from '../report-plan';

export interface TableColumn {
  key: string;
  title: string;
  kind: 'dimension' | 'number' | 'percent';
  /** The measure whose format applies. */
  measure?: string;
}

/** The columns of a report's result, in display order. */
export function tableColumns(report: ReportDefinition, locale: ChartLocale): TableColumn[] {
  if (report.funnel) {
    const cols: TableColumn[] = [
      { key: 'd0', title: report.funnel.stageField, kind: 'dimension' },
      { key: 'count', title: chartLabel('count', locale), kind: 'number' },
      { key: 'value', title: chartLabel('value', locale), kind: 'number' },
      { key: 'conversion', title: chartLabel('conversion', locale), kind: 'percent' },
      { key: 'overall_conversion', title: chartLabel('overall', locale), kind: 'percent' },
    ];
    if (report.funnel.amountField)
      cols.splice(2, 0, { key: 'amount', title: report.funnel.amountField, kind: 'number' });
    return cols;
  }
  const cols: TableColumn[] = report.dimensions.map((d, i) => ({
    key: dimensionAlias(i),
    title: d.label ?? d.field,
    kind: 'dimension',
  }));
  for (const m of report.measures) {
    const title = measureTitle(m, locale);
    cols.push({ key: m.as, title, kind: 'number', measure: m.as });
    if (m.percentOfTotal) cols.push({ key: `${m.as}_pct`, title: `${title} %`, kind: 'percent' });
    if (m.runningTotal) cols.push({ key: `${m.as}_running`, title: `${title} Σ`, kind: 'number', measure: m.as });
    if (report.compare) {
      cols.push({
        key: `${m.as}_prev`,
        title: `${title} (${chartLabel('previous', locale)})`,
        kind: 'number',
        measure: m.as,
      });
      cols.push({ key: `${m.as}_change`, title: `${title} (${chartLabel('change', locale)})`, kind: 'percent' });
    }
  }
  if (report.target) {
    cols.push({
      key: 'target_value',
      title: chartLabel('target', locale),
      kind: 'number',
      measure: report.measures[0]?.as,
    });
    cols.push({ key: 'target_progress', title: chartLabel('progress', locale), kind: 'percent' });
  }
  return cols;
}
