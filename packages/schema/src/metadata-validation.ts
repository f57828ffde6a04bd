import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isRuleCondition, isAndCondition, isOrCondition, isNotCondition, type Condition } from './condition';
import type { AppDefinition } from './app-definition';
import type { FieldDefinition } from './field-definition';
import { isReservedFieldKey, isValidFieldKey } from './field-key';
import type { FormDefinition } from './form-definition';
import { appDefinitionSchema, formDefinitionSchema } from './form-schema';

/** One problem in a metadata document; `path` is a JSON pointer into the document. */
export interface MetadataIssue {
  path: string;
  code: string;
  message: string;
}

export interface FormValidationOptions {
  /** Whether a form key exists in the tenant; relation targets are only checked when given. */
  formExists?: (formKey: string) => boolean;
}

/** Types that hold no value. */
const LAYOUT_TYPES = new Set(['section', 'divider', 'tabs']);
/** Types that make no sense inside a sub-table row. */
const NOT_IN_SUB_TABLE = new Set([
  'sub_table',
  'lookup',
  'rollup',
  'auto_number',
  'section',
  'divider',
  'tabs',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'owner',
]);
const SYSTEM_COLUMNS = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'owner_id', 'version']);
const CHOICE_TYPES = new Set(['select', 'radio', 'multi_select', 'checkbox']);

let formValidator: ValidateFunction | undefined;
let appValidator: ValidateFunction | undefined;

function ajv(): Ajv {
  const instance = new Ajv({ allErrors: true, strict: false });
  addFormats(instance);
  return instance;
}

function ajvIssues(errors: ErrorObject[] | null | undefined): MetadataIssue[] {
  const issues: MetadataIssue[] = [];
  for (const e of errors ?? []) {
    // if/then and anyOf wrappers only repeat what their branches already said
    if (e.keyword === 'if' || e.keyword === 'anyOf') continue;
    if (e.keyword === 'pattern' && e.instancePath.endsWith('/key')) {
      issues.push({ path: e.instancePath, code: 'invalid_key', message: invalidKeyMessage(String(e.data)) });
      continue;
    }
    const path =
      e.keyword === 'required'
        ? `${e.instancePath}/${String(e.params.missingProperty)}`
        : e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${String(e.params.additionalProperty)}`
          : e.instancePath;
    issues.push({ path, code: e.keyword, message: e.message ?? e.keyword });
  }
  // anyOf branches report the same path many times
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = `${i.path}|${i.code}|${i.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function invalidKeyMessage(key: string): string {
  return `Invalid key ${JSON.stringify(key)}: use lower-case letters, digits and _, starting with a letter or _ (at most 63 characters)`;
}

/** Structural (meta-schema) and semantic checks of a form definition; empty when valid. */
export function validateFormDefinition(x: unknown, options: FormValidationOptions = {}): MetadataIssue[] {
  formValidator ??= ajv().compile(formDefinitionSchema);
  if (!formValidator(x)) return ajvIssues(formValidator.errors);
  return semanticIssues(x as FormDefinition, options);
}

export function validateAppDefinition(x: unknown): MetadataIssue[] {
  appValidator ??= ajv().compile(appDefinitionSchema);
  if (!appValidator(x)) return ajvIssues(appValidator.errors);
  const app = x as AppDefinition;
  return app.key && isReservedFieldKey(app.key)
    ? [{ path: '/key', code: 'reserved_key', message: `"${app.key}" is reserved` }]
    : [];
}

function semanticIssues(form: FormDefinition, options: FormValidationOptions): MetadataIssue[] {
  const issues: MetadataIssue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message });
  const byKey = new Map<string, FieldDefinition>();

  checkFieldList(form.fields, '/fields', false, add);
  form.fields.forEach((f) => byKey.set(f.key, f));

  const known = (k: string) => byKey.has(k);
  const conditionRefs = (c: Condition | undefined, path: string, rowKeys?: Set<string>) => {
    for (const field of conditionFields(c)) {
      if (!known(field) && !SYSTEM_COLUMNS.has(field) && !rowKeys?.has(field))
        add(path, 'unknown_field', `Condition refers to unknown field "${field}"`);
    }
  };

  form.fields.forEach((f, i) => {
    const path = `/fields/${i}`;
    conditionRefs(f.visibleWhen, `${path}/visibleWhen`);
    conditionRefs(f.requiredWhen, `${path}/requiredWhen`);
    conditionRefs(f.readOnlyWhen, `${path}/readOnlyWhen`);
    switch (f.type) {
      case 'relation': {
        const target = f.relation.form;
        if (target !== form.key && options.formExists && !options.formExists(target))
          add(`${path}/relation/form`, 'unknown_form', `Relation target form "${target}" does not exist`);
        for (const [local] of Object.entries(f.relation.fill ?? {}))
          if (!known(local)) add(`${path}/relation/fill`, 'unknown_field', `Fill target "${local}" is not a field`);
        break;
      }
      case 'lookup':
      case 'rollup': {
        const rel = f.type === 'lookup' ? f.lookup.relationField : f.rollup.relationField;
        const relField = byKey.get(rel);
        if (!relField || relField.type !== 'relation')
          add(`${path}/${f.type}/relationField`, 'unknown_relation', `"${rel}" is not a relation field of this form`);
        if (f.type === 'rollup' && f.rollup.aggregate !== 'count' && !f.rollup.field)
          add(`${path}/rollup/field`, 'required', `Aggregate ${f.rollup.aggregate} needs a field`);
        break;
      }
      case 'section':
        for (const c of f.children ?? [])
          if (!known(c)) add(`${path}/children`, 'unknown_field', `Section child "${c}" is not a field`);
        break;
      case 'tabs':
        f.tabs.forEach((t, ti) => {
          for (const c of t.children)
            if (!known(c)) add(`${path}/tabs/${ti}/children`, 'unknown_field', `Tab child "${c}" is not a field`);
        });
        break;
      case 'select':
      case 'radio':
      case 'multi_select':
      case 'checkbox':
        if (f.cascadeFrom) {
          const parent = byKey.get(f.cascadeFrom.field);
          if (!parent || !CHOICE_TYPES.has(parent.type))
            add(`${path}/cascadeFrom/field`, 'unknown_field', `"${f.cascadeFrom.field}" is not a choice field`);
          const values = new Set(f.options.map((o) => o.value));
          for (const allowed of Object.values(f.cascadeFrom.map))
            for (const v of allowed)
              if (!values.has(v)) add(`${path}/cascadeFrom/map`, 'unknown_option', `"${v}" is not an option`);
        }
        break;
      case 'sub_table': {
        const rowKeys = new Set(f.fields.map((s) => s.key));
        f.fields.forEach((s, si) => {
          conditionRefs(s.visibleWhen, `${path}/fields/${si}/visibleWhen`, rowKeys);
          conditionRefs(s.requiredWhen, `${path}/fields/${si}/requiredWhen`, rowKeys);
        });
        break;
      }
      default:
        break;
    }
  });

  if (form.titleField !== undefined) {
    const t = byKey.get(form.titleField);
    if (!t) add('/titleField', 'unknown_field', `Title field "${form.titleField}" is not a field`);
    else if (LAYOUT_TYPES.has(t.type) || t.type === 'sub_table')
      add('/titleField', 'invalid_title_field', `A ${t.type} field cannot be the title`);
  }
  form.layout?.rows.forEach((row, r) =>
    row.columns.forEach((col, c) => {
      if (!known(col.field))
        add(`/layout/rows/${r}/columns/${c}/field`, 'unknown_field', `Layout refers to unknown field "${col.field}"`);
    }),
  );
  form.linkage?.forEach((rule, r) => {
    conditionRefs(rule.when, `/linkage/${r}/when`);
    for (const action of ['show', 'hide', 'require', 'readOnly'] as const)
      for (const k of rule[action] ?? [])
        if (!known(k)) add(`/linkage/${r}/${action}`, 'unknown_field', `Linkage refers to unknown field "${k}"`);
  });
  return issues;
}

/** Key, option and range checks of one list of fields (the form's or a sub-table's). */
function checkFieldList(
  fields: FieldDefinition[],
  base: string,
  inSubTable: boolean,
  add: (path: string, code: string, message: string) => void,
): void {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const path = `${base}/${i}`;
    if (!isValidFieldKey(f.key)) add(`${path}/key`, 'invalid_key', invalidKeyMessage(f.key));
    else if (isReservedFieldKey(f.key))
      add(`${path}/key`, 'reserved_key', `"${f.key}" is reserved for a system column`);
    if (seen.has(f.key)) add(`${path}/key`, 'duplicate_key', `Duplicate field key "${f.key}"`);
    seen.add(f.key);
    if (inSubTable && (NOT_IN_SUB_TABLE.has(f.type) || (f.type === 'relation' && f.relation.multiple)))
      add(`${path}/type`, 'not_allowed_in_sub_table', `A ${f.type} field cannot be a sub-table column`);
    if (LAYOUT_TYPES.has(f.type) && (f.unique || f.indexed || f.required))
      add(path, 'layout_has_no_value', `A ${f.type} holds no value: it cannot be required, unique or indexed`);

    if ('options' in f) {
      const values = new Set<string>();
      f.options.forEach((o, oi) => {
        if (values.has(o.value))
          add(`${path}/options/${oi}/value`, 'duplicate_option', `Duplicate option value "${o.value}"`);
        values.add(o.value);
      });
    }
    if ('min' in f && 'max' in f && f.min !== undefined && f.max !== undefined && f.min > f.max)
      add(`${path}/min`, 'min_above_max', 'min is greater than max');
    if ('minLength' in f && f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength)
      add(`${path}/minLength`, 'min_above_max', 'minLength is greater than maxLength');
    if ('pattern' in f && f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        add(`${path}/pattern`, 'invalid_pattern', `Invalid regular expression ${JSON.stringify(f.pattern)}`);
      }
    }
    if (f.type === 'formula' && f.formula.expression.trim() === '')
      add(`${path}/formula/expression`, 'formula_required', 'A formula field needs an expression');
    if (f.type === 'auto_number' && !/\{0+\}/.test(f.autoNumber.pattern))
      add(`${path}/autoNumber/pattern`, 'sequence_required', 'The pattern needs a sequence placeholder such as {0000}');
    if (f.type === 'sub_table') {
      if (inSubTable) return;
      checkFieldList(f.fields, `${path}/fields`, true, add);
    }
  });
}

/** Every field key a condition tests. */
export function conditionFields(c: Condition | undefined): string[] {
  if (!c) return [];
  if (isAndCondition(c)) return c.and.flatMap(conditionFields);
  if (isOrCondition(c)) return c.or.flatMap(conditionFields);
  if (isNotCondition(c)) return conditionFields(c.not);
  if (isRuleCondition(c)) return [c.field];
  return [];
}
