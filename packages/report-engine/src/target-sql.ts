import { qualifiedName as col, quoteIdent as id } from '@tessera/query';
import type { Condition, QueryableField, TargetSpec } from '@tessera/schema';
import type { DateRange } from './compare-period';
import type { CompileState } from './compile-state';
import { bucketSql } from './dimension-sql';
import { ReportDefinitionError } from './errors';
import { rangeCondition } from './range-condition';
import { formOf } from './record-relation';
import type { DimensionPlan } from './report-plan';
import type { ReportSources } from './report-sources';
import { withSystemFields } from './system-fields';
import { whereSql } from './where-sql';

const TARGET_ALIAS = 'g';

/**
 * `tgt`: the target form's values summed per report dimension — a bucketed date dimension maps to the bucket
 * of the target's period field, the owner (or department) dimension to the target's owner field.
 */
export function targetCteSql(
  target: TargetSpec,
  dims: DimensionPlan[],
  sources: ReportSources,
  targetScope: Condition | undefined,
  currentRange: DateRange | undefined,
  state: CompileState,
): string {
  const form = formOf(sources, target.targetForm, 'target/targetForm');
  const fields = withSystemFields(form.fields);
  const field = (key: string, path: string, kinds: readonly string[]): QueryableField => {
    const f = fields.find((x) => x.key === key);
    if (!f) throw new ReportDefinitionError(`Unknown field "${key}" in ${form.key}`, path);
    if (!kinds.includes(f.kind))
      throw new ReportDefinitionError(`"${key}" must be ${kinds.join(' or ')}, it is ${f.kind}`, path);
    return f;
  };
  const period = field(target.periodField, 'target/periodField', ['date', 'datetime']);
  const owner = field(target.ownerField, 'target/ownerField', ['uuid', 'text']);
  const value = field(target.valueField, 'target/valueField', ['number']);
  const sourceField = target.sourceField ?? 'owner_id';
  if (target.matchBy === 'department' && !target.sourceField)
    throw new ReportDefinitionError('Matching targets by department needs target.sourceField', 'target/sourceField');
  const ref = (f: QueryableField): string => col(TARGET_ALIAS, f.column ?? f.key);
  const cols = dims.map((d) => {
    if (d.topN) throw new ReportDefinitionError('A target report cannot use top N', `dimensions/${d.index}/topN`);
    if (d.bucket) return `${bucketSql(ref(period), period.kind, d.bucket, state)} AS ${id(d.alias)}`;
    if (d.ref === sourceField) return `${ref(owner)} AS ${id(d.alias)}`;
    throw new ReportDefinitionError(
      `A target report can only group by a bucketed date and by "${sourceField}"; "${d.ref}" has no target`,
      `dimensions/${d.index}`,
    );
  });
  const inRange = currentRange
    ? rangeCondition(target.periodField, period.kind, currentRange, state.ctx.timeZone)
    : undefined;
  const live = `${col(TARGET_ALIAS, 'deleted_at')} IS NULL`;
  const where = whereSql(live, [targetScope, inRange], fields, TARGET_ALIAS, state);
  const groupBy = dims.length ? ` GROUP BY ${dims.map((_, i) => String(i + 1)).join(', ')}` : '';
  const select = [...cols, `(sum(${ref(value)}))::float8 AS ${id('target_value')}`].join(', ');
  return (
    `${id('tgt')} AS (SELECT ${select} FROM ${col(sources.schema, form.table)} AS ${id(TARGET_ALIAS)} ` +
    `WHERE ${where}${groupBy})`
  );
}
