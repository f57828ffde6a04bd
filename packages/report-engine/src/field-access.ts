import type { Condition, ReportDefinition } from '@tessera/schema';
import { conditionFields } from './condition-fields';
import { ReportFieldNotReadableError } from './errors';

/** A field reference and where in the report it appears. */
export interface FieldUse {
  ref: string;
  path: string;
}

/** Every field reference a report chooses (the data scope is not the user's choice and is not listed). */
export function reportFieldUses(report: ReportDefinition, dashboardFilters: readonly Condition[]): FieldUse[] {
  const uses: FieldUse[] = [];
  report.dimensions.forEach((d, i) => uses.push({ ref: d.field, path: `dimensions/${i}/field` }));
  report.measures.forEach((m, i) => {
    if (m.field) uses.push({ ref: m.field, path: `measures/${i}/field` });
  });
  conditionFields(report.filters).forEach((ref) => uses.push({ ref, path: 'filters' }));
  dashboardFilters.forEach((f, i) =>
    conditionFields(f).forEach((ref) => uses.push({ ref, path: `dashboardFilters/${i}` })),
  );
  if (report.funnel) {
    uses.push({ ref: report.funnel.stageField, path: 'funnel/stageField' });
    if (report.funnel.amountField) uses.push({ ref: report.funnel.amountField, path: 'funnel/amountField' });
  }
  if (report.compare) uses.push({ ref: report.compare.dateField, path: 'compare/dateField' });
  if (report.target) uses.push({ ref: report.target.sourceField ?? 'owner_id', path: 'target/sourceField' });
  return uses;
}

/**
 * Refuse a report that reads a field the user may not read. A relation path needs every step readable:
 * `customer.region` needs `customer` and `customer.region`.
 */
export function assertReadable(uses: readonly FieldUse[], readable: ReadonlySet<string> | undefined): void {
  if (!readable) return;
  for (const { ref } of uses) {
    const segments = ref.split('.');
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('.');
      if (!readable.has(prefix)) throw new ReportFieldNotReadableError(prefix);
    }
  }
}
