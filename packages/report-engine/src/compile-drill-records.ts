import { SqlParams, qualifiedName, type ConditionContext, type SqlStatement } from '@tessera/query';
import type { Condition, ReportDefinition } from '@tessera/schema';
import { CompileState } from './compile-state';
import { conditionFields } from './condition-fields';
import { assertReadable } from './field-access';
import { RECORD_ALIAS, RecordRelation } from './record-relation';
import type { ReportScope } from './report-scope';
import type { ReportSources } from './report-sources';
import { whereSql } from './where-sql';

/**
 * The ids of the records behind a chart element (`drillDownCondition`), under the same data scope and
 * dashboard filters as the report, newest first — relation paths (`customer.region`) are joined as in the
 * report. The records themselves are then read through the normal record API (field permissions apply).
 */
export function compileDrillDownIds(
  report: ReportDefinition,
  sources: ReportSources,
  scope: ReportScope,
  dashboardFilters: readonly Condition[],
  drill: Condition,
  ctx: ConditionContext,
  page: { limit: number; offset?: number },
): SqlStatement {
  const conditions = [drill, ...dashboardFilters, scope.condition];
  assertReadable(
    [drill, ...dashboardFilters].flatMap((c) => conditionFields(c).map((ref) => ({ ref, path: 'filters' }))),
    scope.readableFields,
  );
  const rel = new RecordRelation(sources, report.source.form);
  conditions.forEach((c) => conditionFields(c).forEach((ref) => rel.resolve(ref, 'filters')));
  const state = new CompileState(new SqlParams(), ctx);
  const where = whereSql(rel.liveSql(), conditions, rel.queryableFields(), RECORD_ALIAS, state);
  const id = qualifiedName(RECORD_ALIAS, 'id');
  const created = qualifiedName(RECORD_ALIAS, 'created_at');
  const text =
    `SELECT ${id} FROM ${rel.fromSql()} WHERE ${where} ORDER BY ${created} DESC, ${id} ` +
    `LIMIT ${state.value(page.limit, 'int')} OFFSET ${state.value(page.offset ?? 0, 'int')}`;
  return { text, values: state.params.values };
}
