import { isValidIdentifier } from '@tessera/query';
import type { DateBucket, ReportAggregate, ReportDefinition, TopN, ValueKind } from '@tessera/schema';
import { ReportDefinitionError } from './errors';
import type { RecordRelation, ResolvedField } from './record-relation';

export interface DimensionPlan {
  index: number;
  /** Output column: d0, d1 … */
  alias: string;
  ref: string;
  field: ResolvedField;
  bucket?: DateBucket;
  topN?: TopN;
}

export interface MeasurePlan {
  index: number;
  as: string;
  aggregate: ReportAggregate;
  field?: ResolvedField;
  /** The src column carrying the measured field: v0, v1 … */
  input?: string;
  /** The result is a number (returned as float8). */
  numeric: boolean;
  /** The result is a date (returned as 'YYYY-MM-DD'). */
  date: boolean;
  percentOfTotal: boolean;
  runningTotal: boolean;
}

export interface ReportPlan {
  dims: DimensionPlan[];
  measures: MeasurePlan[];
}

const NUMERIC_INPUT: ReadonlySet<ValueKind> = new Set(['number']);
const ORDERED_INPUT: ReadonlySet<ValueKind> = new Set(['number', 'date', 'datetime', 'time', 'text']);
const DATE_KINDS: ReadonlySet<ValueKind> = new Set(['date', 'datetime']);

/** `d0`, `d1` …: the output column of the i-th dimension. */
export function dimensionAlias(index: number): string {
  return `d${index}`;
}

/** Resolve and check the dimensions and measures of a report. */
export function planReport(report: ReportDefinition, rel: RecordRelation): ReportPlan {
  const dims = report.dimensions.map((d, index): DimensionPlan => {
    const path = `dimensions/${index}`;
    const field = rel.resolve(d.field, `${path}/field`);
    if (d.bucket && !DATE_KINDS.has(field.kind))
      throw new ReportDefinitionError(`"${d.field}" is not a date field and cannot be bucketed by ${d.bucket}`, path);
    if (d.topN && (!Number.isInteger(d.topN.n) || d.topN.n < 1))
      throw new ReportDefinitionError('topN.n must be a positive integer', `${path}/topN/n`);
    return { index, alias: dimensionAlias(index), ref: d.field, field, bucket: d.bucket, topN: d.topN };
  });
  let inputs = 0;
  const measures = report.measures.map((m, index): MeasurePlan => {
    const path = `measures/${index}`;
    if (!isValidIdentifier(m.as) || /^d\d+/.test(m.as))
      throw new ReportDefinitionError(`Invalid measure name "${m.as}"`, `${path}/as`);
    const field = m.field ? rel.resolve(m.field, `${path}/field`) : undefined;
    if (!field && m.aggregate !== 'count')
      throw new ReportDefinitionError(`${m.aggregate} needs a field`, `${path}/field`);
    if (field && (m.aggregate === 'sum' || m.aggregate === 'avg') && !NUMERIC_INPUT.has(field.kind))
      throw new ReportDefinitionError(`${m.aggregate} needs a number field, "${field.ref}" is ${field.kind}`, path);
    if (field && (m.aggregate === 'min' || m.aggregate === 'max') && !ORDERED_INPUT.has(field.kind))
      throw new ReportDefinitionError(`${m.aggregate} cannot be taken over "${field.ref}" (${field.kind})`, path);
    const counts = m.aggregate === 'count' || m.aggregate === 'count_distinct';
    const numeric = counts || field?.kind === 'number';
    return {
      index,
      as: m.as,
      aggregate: m.aggregate,
      field,
      input: field ? `v${inputs++}` : undefined,
      numeric,
      date: !counts && field?.kind === 'date',
      percentOfTotal: m.percentOfTotal === true && numeric,
      runningTotal: m.runningTotal === true && numeric,
    };
  });
  if (measures.length === 0) throw new ReportDefinitionError('A report needs at least one measure', 'measures');
  assertUniqueOutputs(report, dims, measures);
  return { dims, measures };
}

function assertUniqueOutputs(report: ReportDefinition, dims: DimensionPlan[], measures: MeasurePlan[]): void {
  const names = new Set<string>(dims.map((d) => d.alias));
  const add = (name: string, path: string): void => {
    if (names.has(name)) throw new ReportDefinitionError(`The output column "${name}" is defined twice`, path);
    names.add(name);
  };
  if (report.target) ['target_value', 'target_progress'].forEach((n) => add(n, 'target'));
  measures.forEach((m) => {
    const path = `measures/${m.index}/as`;
    add(m.as, path);
    if (m.percentOfTotal) add(`${m.as}_pct`, path);
    if (m.runningTotal) add(`${m.as}_running`, path);
    if (report.compare) [`${m.as}_prev`, `${m.as}_change`].forEach((n) => add(n, path));
  });
}
