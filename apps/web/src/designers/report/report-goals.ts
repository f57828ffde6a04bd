import type { CompareSpec, RelativePeriodName, ReportDefinition, TargetSpec } from '@tessera/schema';
import type { SourceField } from './source-fields';

/** The periods offered for "compare with the previous period" (each compares with the one before it). */
export const COMPARE_PERIODS = [
  'this_week',
  'last_week',
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
  'last_n_days',
] as const satisfies readonly RelativePeriodName[];

/** The fields a target form's period, owner and value may be (what the report engine accepts). */
export const isPeriodField = (f: SourceField): boolean => f.temporal;
export const isOwnerField = (f: SourceField): boolean => f.kind === 'uuid' || f.kind === 'text';
export const isValueField = (f: SourceField): boolean => f.numeric;

const PERIOD = /period|month|quarter|year|date|start|期|月|季|年|日期/i;
const OWNER = /owner|rep|sales|user|member|负责|销售|人员|成员/i;
const VALUE = /target|goal|quota|amount|value|目标|指标|金额/i;

function best(fields: readonly SourceField[], fits: (f: SourceField) => boolean, hint: RegExp): string {
  const candidates = fields.filter((f) => fits(f) && !f.ref.includes('.'));
  return (candidates.find((f) => hint.test(`${f.ref} ${f.label}`)) ?? candidates[0])?.ref ?? '';
}

/**
 * A target section for a freshly picked target form, its period, owner and value fields guessed from their
 * kinds and names (a manager adjusts them); a field left empty keeps the target out of the query until chosen.
 */
export function guessTarget(targetForm: string, fields: readonly SourceField[], previous?: TargetSpec): TargetSpec {
  return {
    targetForm,
    periodField: best(fields, isPeriodField, PERIOD),
    // the record owner is a system field of every form; a form's own member field is the better guess
    ownerField:
      best(
        fields.filter((f) => f.ref !== 'owner_id' && f.ref !== 'created_by'),
        isOwnerField,
        OWNER,
      ) || best(fields, isOwnerField, OWNER),
    valueField: best(fields, isValueField, VALUE),
    matchBy: previous?.matchBy ?? 'owner',
    ...(previous?.sourceField ? { sourceField: previous.sourceField } : {}),
    ...(previous?.measure ? { measure: previous.measure } : {}),
  };
}

/** Whether every field of the target is chosen (an incomplete one is not sent to the server). */
export function isCompleteTarget(target: TargetSpec): boolean {
  return Boolean(
    target.targetForm &&
    target.periodField &&
    target.ownerField &&
    target.valueField &&
    (target.matchBy === 'owner' || target.sourceField),
  );
}

/** The comparison a manager switches on: by the report's date dimension (else the first date field), this month. */
export function defaultCompare(def: ReportDefinition, fields: readonly SourceField[]): CompareSpec | undefined {
  const dateDimension = def.dimensions.find((d) => d.bucket)?.field;
  const dateField = dateDimension ?? fields.find((f) => f.temporal)?.ref;
  return dateField ? { previousPeriod: true, dateField, period: { period: 'this_month' } } : undefined;
}

/** Targets and period comparison do not apply to funnels and pivot tables (the engine refuses them there). */
export function acceptsGoals(def: ReportDefinition): boolean {
  return def.chart.type !== 'funnel' && def.chart.type !== 'pivot';
}
