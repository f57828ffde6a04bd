import { SqlParams, toSql, type ConditionContext, type SqlStatement } from '@tessera/query';
import type { Condition, ReportDefinition } from '@tessera/schema';
import { compileAggregate, type CompareSql } from './compile-aggregate';
import { compileFunnel } from './compile-funnel';
import { CompileState } from './compile-state';
import { comparedRanges, type DateRange } from './compare-period';
import { conditionFields } from './condition-fields';
import { assertReadable, reportFieldUses } from './field-access';
import { RECORD_ALIAS, RecordRelation } from './record-relation';
import { planReport } from './report-plan';
import type { ReportScope } from './report-scope';
import type { ReportSources } from './report-sources';
import { rangeCondition } from './range-condition';
import { targetCteSql } from './target-sql';
import { whereSql } from './where-sql';

/**
 * Compile a report into ONE parameterised statement. The database does all the aggregation; the user's data
 * scope and the dashboard filters are AND-ed inside the SQL; a report reading a field the user may not read is
 * refused (ReportFieldNotReadableError) before any SQL is built.
 */
export function compileReport(
  report: ReportDefinition,
  sources: ReportSources,
  scope: ReportScope,
  dashboardFilters: readonly Condition[],
  ctx: ConditionContext,
): SqlStatement {
  assertReadable(reportFieldUses(report, dashboardFilters), scope.readableFields);
  const rel = new RecordRelation(sources, report.source.form);
  for (const j of report.joins ?? []) rel.resolve(`${j.path}.id`, 'joins');
  const conditions = [report.filters, ...dashboardFilters, scope.condition];
  conditions.forEach((c) => conditionFields(c).forEach((ref) => rel.resolve(ref, 'filters')));
  const state = new CompileState(new SqlParams(), ctx);

  if (report.funnel) {
    rel.resolve(report.funnel.stageField, 'funnel/stageField');
    if (report.funnel.amountField) rel.resolve(report.funnel.amountField, 'funnel/amountField');
    const where = whereSql(rel.liveSql(), conditions, rel.queryableFields(), RECORD_ALIAS, state);
    return { text: compileFunnel(report.funnel, rel, where, state), values: state.params.values };
  }

  const plan = planReport(report, rel);
  let compare: CompareSql | undefined;
  let currentRange: DateRange | undefined;
  if (report.compare) {
    const { dateField } = report.compare;
    const date = rel.resolve(dateField, 'compare/dateField');
    const ranges = comparedRanges(report.compare.period, ctx);
    currentRange = ranges.current;
    const fields = rel.queryableFields();
    const compile = (range: DateRange): string =>
      toSql(rangeCondition(dateField, date.kind, range, ctx.timeZone), fields, ctx, state.params, {
        tableAlias: RECORD_ALIAS,
      });
    compare = { current: compile(ranges.current), previous: compile(ranges.previous) };
  }
  const where = whereSql(rel.liveSql(), conditions, rel.queryableFields(), RECORD_ALIAS, state);
  const targetCte = report.target
    ? targetCteSql(report.target, plan.dims, sources, scope.targetCondition, currentRange, state)
    : undefined;
  const text = compileAggregate({ report, plan, rel, where, compare, targetCte }, state);
  return { text, values: state.params.values };
}
