import type { ValidateFunction } from 'ajv';
import type { FieldDefinition, FormDefinition, MetadataIssue, QueryableField, SubTableField } from '@tessera/schema';
import { validateFormDefinition } from '@tessera/schema';
import type { ConditionContext } from '@tessera/query';
import { DEFAULT_LIMITS, type EvaluationLimits } from './bounded-expression';
import { columnPlan, type ColumnPlan } from './column-plan';
import { FormMetadataError } from './errors';
import { moduleOf } from './field-type-registry';
import { DEFAULT_TIME_ZONE } from './field-types/date-time';
import { isEmptyInput } from './field-types/module-helpers';
import {
  compileFormulaSet,
  computeFormulaSet,
  evaluateForField,
  formulaBindings,
  type FormulaSet,
} from './formula-set';
import { computeLinkage, type LinkageState } from './linkage';
import { queryableFieldsOf } from './queryable-fields';
import {
  compileRecordValidator,
  errorFor,
  mapAjvErrors,
  type ValidationError,
  type ValidationResult,
} from './record-validator';

export interface CompileOptions {
  /** Form version: with it, compiled forms are cached by key + version; without, by object identity. */
  version?: number | string;
  /** Per-evaluation formula budget (default 500 ms, depth 500). */
  formulaLimits?: Partial<EvaluationLimits>;
}

export type ValidationMode = 'create' | 'update';

/** A form version turned into ready-to-run functions: ajv and jsonata compiled once. */
export interface CompiledForm {
  readonly form: FormDefinition;
  field(key: string): FieldDefinition | undefined;
  /**
   * Types, ranges, formats, options, unknown fields and required-ness under linkage. In 'update' mode the
   * record is a patch: absent keys are not checked, present ones are (a required field cannot be emptied).
   */
  validate(record: Record<string, unknown>, mode: ValidationMode, ctx?: ConditionContext): ValidationResult;
  /** Sub-table row formulas, then the form's formulas in dependency order. Rejects with a FormulaError. */
  computeFormulas(record: Record<string, unknown>, ctx?: ConditionContext): Promise<Record<string, unknown>>;
  /** Default values and default formulas for keys the record does not have (create). */
  applyDefaults(record: Record<string, unknown>, ctx?: ConditionContext): Promise<Record<string, unknown>>;
  linkage(record: Record<string, unknown>, ctx?: ConditionContext): LinkageState;
  queryableFields(): QueryableField[];
  columnPlan(previous?: FormDefinition): ColumnPlan;
}

const byIdentity = new WeakMap<FormDefinition, CompiledForm>();
const byVersion = new Map<string, CompiledForm>();
const MAX_VERSION_CACHE = 1000;

/** Compiles (or returns the cached) form; throws FormMetadataError for invalid metadata or formulas. */
export function compile(form: FormDefinition, options: CompileOptions = {}): CompiledForm {
  const limitsKey = options.formulaLimits ? JSON.stringify(options.formulaLimits) : '';
  const versionKey = options.version === undefined ? undefined : `${form.key}@${options.version}#${limitsKey}`;
  const cached = versionKey ? byVersion.get(versionKey) : limitsKey ? undefined : byIdentity.get(form);
  if (cached) return cached;
  const compiled = compileUncached(form, { ...DEFAULT_LIMITS, ...options.formulaLimits });
  if (versionKey) {
    // bounded: the oldest entry goes first (Map keeps insertion order)
    if (byVersion.size >= MAX_VERSION_CACHE) byVersion.delete(byVersion.keys().next().value as string);
    byVersion.set(versionKey, compiled);
  } else if (!limitsKey) byIdentity.set(form, compiled);
  return compiled;
}

function defaultContext(): ConditionContext {
  return { now: new Date(), timeZone: DEFAULT_TIME_ZONE };
}

function compileUncached(form: FormDefinition, limits: EvaluationLimits): CompiledForm {
  const issues: MetadataIssue[] = validateFormDefinition(form);
  if (issues.length) throw new FormMetadataError(issues);

  const formulas = compileFormulaSet(form.fields, '/fields', limits, issues);
  const subTables = form.fields.filter((f): f is SubTableField => f.type === 'sub_table');
  const rowFormulas = new Map<string, FormulaSet>();
  const rowQueryable = new Map<string, QueryableField[]>();
  for (const st of subTables) {
    const i = form.fields.indexOf(st);
    rowFormulas.set(st.key, compileFormulaSet(st.fields, `/fields/${i}/fields`, limits, issues));
    rowQueryable.set(st.key, queryableFieldsOf(st.fields, false));
  }
  if (issues.length) throw new FormMetadataError(issues);

  const validator: ValidateFunction = compileRecordValidator(form.fields);
  const queryable = queryableFieldsOf(form.fields);
  const byKey = new Map(form.fields.map((f) => [f.key, f]));

  const linkage = (record: Record<string, unknown>, ctx: ConditionContext = defaultContext()) =>
    computeLinkage(form.fields, form.linkage ?? [], record, queryable, ctx);

  /** Required and cascade checks of one record or row, given its linkage. */
  const ruleErrors = (
    fields: readonly FieldDefinition[],
    record: Record<string, unknown>,
    state: LinkageState,
    base: string,
    patch: boolean,
  ): ValidationError[] => {
    const errors: ValidationError[] = [];
    for (const f of fields) {
      const module = moduleOf(f);
      if (module.computed || module.storage(f) === 'none') continue;
      const present = Object.hasOwn(record, f.key);
      const value = record[f.key];
      if (state[f.key]?.required && isEmptyInput(value) && (!patch || present))
        errors.push(errorFor(f, `${base}/${f.key}`, 'required'));
      if ('cascadeFrom' in f && f.cascadeFrom && !isEmptyInput(value)) {
        const parent = record[f.cascadeFrom.field];
        const allowed = typeof parent === 'string' ? f.cascadeFrom.map[parent] : undefined;
        const values = Array.isArray(value) ? value : [value];
        if (allowed && values.some((v) => typeof v === 'string' && !allowed.includes(v)))
          errors.push(errorFor(f, `${base}/${f.key}`, 'invalid_option'));
      }
    }
    return errors;
  };

  return {
    form,
    field: (key) => byKey.get(key),
    validate(record, mode, ctx = defaultContext()) {
      if (typeof record !== 'object' || record === null || Array.isArray(record))
        return { ok: false, errors: [errorFor(undefined, '', 'invalid_type')] };
      const errors: ValidationError[] = validator(record) ? [] : mapAjvErrors(form.fields, validator.errors ?? []);
      errors.push(...ruleErrors(form.fields, record, linkage(record, ctx), '', mode === 'update'));
      for (const st of subTables) {
        const rows = record[st.key];
        if (!Array.isArray(rows)) continue;
        const q = rowQueryable.get(st.key) ?? [];
        rows.forEach((row: unknown, i) => {
          if (typeof row !== 'object' || row === null || Array.isArray(row)) return; // ajv reported it
          const r = row as Record<string, unknown>;
          const state = computeLinkage(st.fields, [], r, q, ctx);
          errors.push(...ruleErrors(st.fields, r, state, `/${st.key}/${i}`, false));
        });
      }
      return { ok: errors.length === 0, errors };
    },
    async computeFormulas(record, ctx = defaultContext()) {
      const out = { ...record };
      for (const st of subTables) {
        const set = rowFormulas.get(st.key);
        const rows = out[st.key];
        if (!set || set.formulas.length === 0 || !Array.isArray(rows)) continue;
        const computed: unknown[] = [];
        for (const row of rows) {
          if (typeof row !== 'object' || row === null) computed.push(row);
          // a row formula sees its row as input and the whole record as $record
          else computed.push(await computeFormulaSet(set, row as Record<string, unknown>, ctx, { record: out }));
        }
        out[st.key] = computed;
      }
      return computeFormulaSet(formulas, out, ctx);
    },
    async applyDefaults(record, ctx = defaultContext()) {
      const withDefaults = async (
        fields: readonly FieldDefinition[],
        set: FormulaSet,
        input: Record<string, unknown>,
      ): Promise<Record<string, unknown>> => {
        const out = { ...input };
        const bindings = formulaBindings(ctx);
        for (const f of fields) {
          if (out[f.key] !== undefined) continue;
          const module = moduleOf(f);
          if (module.computed || module.storage(f) === 'none') continue;
          const expression = set.defaults.get(f.key);
          const raw =
            expression !== undefined
              ? await evaluateForField(f.key, expression, out, bindings)
              : f.defaultValue !== undefined
                ? structuredClone(f.defaultValue)
                : undefined;
          if (raw === undefined) continue;
          // a default goes through the same parser as user input ('2024/3/1' → '2024-03-01')
          const parsed = module.parse(raw, f, 'zh-CN', ctx.timeZone);
          out[f.key] = parsed.ok ? parsed.value : raw;
        }
        return out;
      };
      const out = await withDefaults(form.fields, formulas, record);
      for (const st of subTables) {
        const rows = out[st.key];
        const set = rowFormulas.get(st.key);
        if (!Array.isArray(rows) || !set) continue;
        const filled: unknown[] = [];
        for (const row of rows)
          filled.push(
            typeof row === 'object' && row !== null && !Array.isArray(row)
              ? await withDefaults(st.fields, set, row as Record<string, unknown>)
              : row,
          );
        out[st.key] = filled;
      }
      return out;
    },
    linkage,
    queryableFields: () => [...queryable],
    columnPlan: (previous) => columnPlan(form, previous),
  };
}
