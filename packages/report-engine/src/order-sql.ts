import { quoteIdent as id } from '@tessera/query';
import type { ReportSort } from '@tessera/schema';
import { ReportDefinitionError } from './errors';
import { totalFlag } from './pivot-sql';
import type { ReportPlan } from './report-plan';
import { otherFlag } from './top-n-sql';

/**
 * ORDER BY over the output columns. "Other" and subtotal rows always come after the rows they fold; then the
 * explicit sort; by default a top-N dimension by its first measure (largest first), dimensions ascending.
 */
export function orderBySql(plan: ReportPlan, sort: readonly ReportSort[] | undefined, pivot: boolean): string {
  const keys: string[] = [];
  for (const d of plan.dims) {
    if (pivot) keys.push(`${id(totalFlag(d))} ASC`);
  }
  for (const d of plan.dims) {
    if (d.topN) keys.push(`${id(otherFlag(d))} ASC`);
  }
  (sort ?? []).forEach((s, i) => {
    const dim = plan.dims.find((d) => d.ref === s.by);
    const measure = plan.measures.find((m) => m.as === s.by);
    const column = dim?.alias ?? measure?.as;
    if (!column) throw new ReportDefinitionError(`Cannot sort by "${s.by}": not a dimension or measure`, `sort/${i}`);
    keys.push(`${id(column)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
  });
  const first = plan.dims[0];
  if (!sort?.length && first?.topN && !first.bucket && !pivot) keys.push(`${id(plan.measures[0].as)} DESC NULLS LAST`);
  for (const d of plan.dims) keys.push(`${id(d.alias)} ASC NULLS LAST`);
  return keys.length ? ` ORDER BY ${keys.join(', ')}` : '';
}
