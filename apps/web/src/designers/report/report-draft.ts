import type {
  Condition,
  DateBucket,
  ReportAggregate,
  ReportDefinition,
  ReportDimension,
  ReportMeasure,
  ValueKind,
} from '@tessera/schema';
import { completeCondition, newRule, toGroup, fromGroup } from '../../shared/widgets/condition-builder/condition-model';
import { acceptsGoals, isCompleteTarget } from './report-goals';
import type { SourceField } from './source-fields';

export const MAX_DIMENSIONS = 8;
export const MAX_MEASURES = 20;
export const NUMERIC_AGGREGATES: readonly ReportAggregate[] = ['sum', 'avg', 'min', 'max', 'count', 'count_distinct'];
export const OTHER_AGGREGATES: readonly ReportAggregate[] = ['count', 'count_distinct'];

/** A fresh key for a report (keys are identifiers; names are free text in any language). */
export function newReportKey(): string {
  return `report_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function newReportDefinition(formKey: string, name: string): ReportDefinition {
  return {
    key: newReportKey(),
    name,
    source: { form: formKey },
    dimensions: [],
    measures: [],
    chart: { type: 'column' },
  };
}

/** A unique output column name for a measure: `sum_amount`, `count`, `avg_customer_score_2`. */
export function measureAlias(aggregate: ReportAggregate, field: string | undefined, taken: readonly string[]): string {
  const base = `${aggregate}${field ? `_${field.replace(/[^a-z0-9_]/g, '_')}` : ''}`.slice(0, 46);
  let alias = base;
  for (let i = 2; taken.includes(alias); i++) alias = `${base}_${i}`;
  return alias;
}

export function canGroupBy(field: SourceField): boolean {
  const groupable: readonly ValueKind[] = ['text', 'number', 'date', 'datetime', 'boolean'];
  return groupable.includes(field.kind);
}

export function addDimension(def: ReportDefinition, field: SourceField): ReportDefinition {
  if (def.dimensions.length >= MAX_DIMENSIONS || def.dimensions.some((d) => d.field === field.ref)) return def;
  const dimension: ReportDimension = { field: field.ref, label: field.label };
  if (field.temporal) dimension.bucket = 'month';
  return { ...def, dimensions: [...def.dimensions, dimension] };
}

/** A measure for a dropped field: the sum of a number, the distinct count of anything else, or the record count. */
export function addMeasure(def: ReportDefinition, field: SourceField | null): ReportDefinition {
  if (def.measures.length >= MAX_MEASURES) return def;
  const aggregate: ReportAggregate = !field ? 'count' : field.numeric ? 'sum' : 'count_distinct';
  const taken = def.measures.map((m) => m.as);
  const measure: ReportMeasure = {
    aggregate,
    as: measureAlias(aggregate, field?.ref, taken),
    ...(field ? { field: field.ref } : {}),
  };
  return { ...def, measures: [...def.measures, measure] };
}

export function setMeasureAggregate(
  def: ReportDefinition,
  index: number,
  aggregate: ReportAggregate,
): ReportDefinition {
  const measures = def.measures.map((m, i) => {
    if (i !== index) return m;
    const taken = def.measures.filter((_, j) => j !== i).map((x) => x.as);
    return { ...m, aggregate, as: measureAlias(aggregate, m.field, taken) };
  });
  const renamed = def.measures[index]?.as;
  const next = measures[index]?.as;
  const sort = def.sort?.map((s) => (s.by === renamed && next ? { ...s, by: next } : s));
  return { ...def, measures, sort };
}

export function setDimensionBucket(def: ReportDefinition, index: number, bucket: DateBucket): ReportDefinition {
  return { ...def, dimensions: def.dimensions.map((d, i) => (i === index ? { ...d, bucket } : d)) };
}

/** Adds an (incomplete) rule on the field to the report's filters; the condition builder completes it. */
export function addFilterField(def: ReportDefinition, field: SourceField): ReportDefinition {
  const group = toGroup(def.filters);
  const filters = fromGroup({ ...group, items: [...group.items, newRule({ key: field.ref, kind: field.kind })] });
  return { ...def, filters };
}

/** Keeps sort entries that still name a dimension or a measure. */
function validSort(def: ReportDefinition): ReportDefinition['sort'] {
  const names = new Set([...def.dimensions.map((d) => d.field), ...def.measures.map((m) => m.as)]);
  const sort = def.sort?.filter((s) => names.has(s.by));
  return sort && sort.length ? sort : undefined;
}

/**
 * The definition as sent to the server: a record count when no measure was dropped yet, only complete filter
 * rules, sort entries that still apply, no funnel/pivot section that no longer fits, and a target only when
 * complete.
 */
export function effectiveDefinition(
  def: ReportDefinition,
  kindOf: (ref: string) => ValueKind | undefined,
): ReportDefinition {
  const measures: ReportMeasure[] = def.measures.length ? def.measures : [{ aggregate: 'count', as: 'count' }];
  const filters: Condition | undefined = completeCondition(def.filters, kindOf);
  const out: ReportDefinition = { ...def, measures, filters, sort: validSort({ ...def, measures }) };
  if (!out.filters) delete out.filters;
  if (!out.sort) delete out.sort;
  if (out.pivot) {
    const dims = new Set(def.dimensions.map((d) => d.field));
    if (![...out.pivot.rows, ...out.pivot.columns].every((r) => dims.has(r))) delete out.pivot;
  }
  // a target is sent once its form and fields are chosen; neither goal applies to funnels and pivots
  if (out.target && (!isCompleteTarget(out.target) || !acceptsGoals(out))) delete out.target;
  if (out.target?.measure && !measures.some((m) => m.as === out.target?.measure))
    out.target = { ...out.target, measure: undefined };
  if (out.target && out.target.measure === undefined) delete out.target.measure;
  if (out.compare && !acceptsGoals(out)) delete out.compare;
  return out;
}
