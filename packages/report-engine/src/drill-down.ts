import type { ConditionContext } from '@tessera/query';
import type { Condition, ConditionScalar, ReportDefinition, ValueKind } from '@tessera/schema';
import { bucketEnd, bucketStart, isCalendarDate } from './calendar-date';
import { comparedRanges } from './compare-period';
import { ReportDefinitionError } from './errors';
import { rangeCondition } from './range-condition';
import { RecordRelation } from './record-relation';
import type { ReportSources } from './report-sources';

/** One dimension's value of a chart element: a value, the "other" slice of a top N, or a pivot subtotal. */
export type DrillValue = ConditionScalar | { other: true; topValues: ConditionScalar[] } | { total: true };

export interface DrillPoint {
  /** In the order of the report's dimensions (for a funnel: the stage). */
  dimensionValues: DrillValue[];
}

/** What drilling into date-time buckets and compare periods needs: the time zone and the fields' kinds. */
export interface DrillEnv {
  ctx: ConditionContext;
  sources: ReportSources;
}

/**
 * The records behind one chart element, in the shared condition language: the report's filters AND one
 * condition per dimension (a date bucket becomes a `between` range of days, "other" a `notIn` of the top
 * values, an empty value `isEmpty`). The caller ANDs the user's data scope and the dashboard filters, as for
 * the report itself. With `env`, date-time buckets become instant ranges in the tenant's time zone and a
 * compare report is limited to its current period (without it, bucketed fields are taken as date fields).
 */
export function drillDownCondition(report: ReportDefinition, point: DrillPoint, env?: DrillEnv): Condition {
  const parts: Condition[] = report.filters ? [report.filters] : [];
  const rel = env ? new RecordRelation(env.sources, report.source.form) : undefined;
  const kindOf = (ref: string): ValueKind => rel?.resolve(ref).kind ?? 'date';
  const timeZone = env?.ctx.timeZone ?? 'UTC';
  if (report.funnel) {
    const { stageField, stages, cumulative } = report.funnel;
    const stage = point.dimensionValues[0];
    const name = typeof stage === 'string' ? stage : '';
    const index = stages.indexOf(name);
    if (index < 0) throw new ReportDefinitionError(`Unknown funnel stage ${JSON.stringify(stage)}`, 'funnel/stages');
    parts.push(
      cumulative === false
        ? { field: stageField, op: 'eq', value: name }
        : { field: stageField, op: 'in', value: stages.slice(index) },
    );
  } else {
    report.dimensions.forEach((d, i) => {
      const v = point.dimensionValues[i];
      if (v === undefined || (typeof v === 'object' && v !== null && 'total' in v)) return;
      if (v === null) parts.push({ field: d.field, op: 'isEmpty' });
      else if (typeof v === 'object') {
        parts.push({ field: d.field, op: 'isNotEmpty' });
        if (v.topValues.length)
          parts.push({ field: d.field, op: 'notIn', value: v.topValues.filter((x) => x !== null) });
      } else if (d.bucket) {
        if (!isCalendarDate(v))
          throw new ReportDefinitionError(`A ${d.bucket} bucket is drilled by its first day`, `dimensions/${i}`);
        const start = bucketStart(v, d.bucket);
        const range = { from: start, to: bucketEnd(start, d.bucket) };
        parts.push(rangeCondition(d.field, kindOf(d.field), range, timeZone));
      } else parts.push({ field: d.field, op: 'eq', value: v });
    });
  }
  if (report.compare && env) {
    const { current } = comparedRanges(report.compare.period, env.ctx);
    parts.push(rangeCondition(report.compare.dateField, kindOf(report.compare.dateField), current, timeZone));
  }
  return { and: parts };
}
