import { ReportDefinitionError, SYSTEM_FIELDS, type ReportSources, type SourceForm } from '@tessera/report-engine';
import {
  conditionFields,
  type Condition,
  type QueryableField,
  type ReportDefinition,
  type ValueKind,
} from '@tessera/schema';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception';
import type { FormCatalog, PublishedForm } from '../forms/form-catalog.service';

/** The forms a report reads, as the report engine sees them and as the access policy sees them. */
export interface LoadedSources {
  sources: ReportSources;
  /** Published forms by key (the source form, joined forms, the target form). */
  forms: Map<string, PublishedForm>;
  /** Relation path prefix (`customer`, `customer.parent`) → the key of the form it reaches. */
  joined: Map<string, string>;
}

/** A field reference and where it appears (a path relative to the report definition). */
export interface FieldRef {
  ref: string;
  path: string;
}

/** Every field reference a report definition makes, with its path inside the definition. */
export function definitionFieldRefs(report: ReportDefinition): FieldRef[] {
  const refs: FieldRef[] = [];
  report.joins?.forEach((j, i) => refs.push({ ref: `${j.path}.id`, path: `joins/${i}/path` }));
  report.dimensions.forEach((d, i) => refs.push({ ref: d.field, path: `dimensions/${i}/field` }));
  report.measures.forEach((m, i) => {
    if (m.field) refs.push({ ref: m.field, path: `measures/${i}/field` });
  });
  conditionFields(report.filters).forEach((ref) => refs.push({ ref, path: 'filters' }));
  if (report.funnel) {
    refs.push({ ref: report.funnel.stageField, path: 'funnel/stageField' });
    if (report.funnel.amountField) refs.push({ ref: report.funnel.amountField, path: 'funnel/amountField' });
  }
  if (report.compare) refs.push({ ref: report.compare.dateField, path: 'compare/dateField' });
  if (report.target?.sourceField) refs.push({ ref: report.target.sourceField, path: 'target/sourceField' });
  return refs;
}

function sourceFormOf(form: PublishedForm): SourceForm {
  const relations: Record<string, string> = {};
  for (const field of form.definition.fields) {
    // only single relations are a column (multi relations live in a link table and cannot be joined as one value)
    if (field.type === 'relation' && !field.relation.multiple) relations[field.key] = field.relation.form;
  }
  return { key: form.key, table: form.table, fields: form.queryable, relations };
}

/**
 * Loads the published forms a report needs: its source form, every form reached through a relation path it
 * uses (in the definition or in the extra conditions) and its target form. An unknown or unpublished form is a
 * ReportDefinitionError naming the path, so callers answer 400/422 rather than 404.
 */
export async function loadReportSources(
  em: EntityManager,
  catalog: FormCatalog,
  tenantId: string,
  report: ReportDefinition,
  extraRefs: readonly FieldRef[],
): Promise<LoadedSources> {
  const forms = new Map<string, PublishedForm>();
  const engineForms: Record<string, SourceForm> = {};
  const load = async (key: string, path: string): Promise<SourceForm> => {
    const known = engineForms[key];
    if (known) return known;
    let form: PublishedForm;
    try {
      form = await catalog.published(em, tenantId, key);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() < 500)
        throw new ReportDefinitionError(`Unknown or unpublished form "${key}"`, path);
      throw error;
    }
    forms.set(key, form);
    engineForms[key] = sourceFormOf(form);
    return engineForms[key];
  };
  const source = await load(report.source.form, 'source/form');
  if (report.target) await load(report.target.targetForm, 'target/targetForm');
  const joined = new Map<string, string>();
  for (const { ref, path } of [...definitionFieldRefs(report), ...extraRefs]) {
    const segments = ref.split('.');
    let form = source;
    let prefix = '';
    for (const segment of segments.slice(0, -1)) {
      const target = form.relations?.[segment];
      // an unknown step is left to the compiler, which names the path precisely
      if (!target) break;
      prefix = prefix ? `${prefix}.${segment}` : segment;
      form = await load(target, path);
      joined.set(prefix, target);
    }
  }
  const schema = forms.get(report.source.form)?.schema ?? '';
  return { sources: { schema, forms: engineForms }, forms, joined };
}

/** The form's fields plus the system columns it does not declare itself. */
export function withSystemColumns(fields: readonly QueryableField[]): QueryableField[] {
  const keys = new Set(fields.map((f) => f.key));
  return [...fields, ...SYSTEM_FIELDS.filter((f) => !keys.has(f.key))];
}

/** The kind of a field reference (`amount`, `customer.region`) on a form, or undefined when it does not resolve. */
export function resolveFieldKind(sources: ReportSources, formKey: string, ref: string): ValueKind | undefined {
  let form: SourceForm | undefined = sources.forms[formKey];
  const segments = ref.split('.');
  for (const segment of segments.slice(0, -1)) {
    const target: string | undefined = form?.relations?.[segment];
    form = target ? sources.forms[target] : undefined;
  }
  const last = segments[segments.length - 1];
  return form ? withSystemColumns(form.fields).find((f) => f.key === last)?.kind : undefined;
}

/**
 * What a condition on a report's source form may use: the form's fields and system columns, plus the relation
 * paths it mentions that resolve (an unresolved path stays unknown, and validation names it).
 */
export function conditionFieldsFor(sources: ReportSources, formKey: string, condition: Condition): QueryableField[] {
  const form = sources.forms[formKey];
  const base = form ? withSystemColumns(form.fields) : [];
  const paths: QueryableField[] = [];
  for (const ref of conditionFields(condition)) {
    if (!ref.includes('.')) continue;
    const kind = resolveFieldKind(sources, formKey, ref);
    if (kind) paths.push({ key: ref, kind });
  }
  return [...base, ...paths];
}
