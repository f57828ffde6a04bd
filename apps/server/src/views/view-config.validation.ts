import { moduleOf } from '@tessera/form-engine';
import { validateCondition } from '@tessera/query';
import type { Condition, QueryableField } from '@tessera/schema';
import type { ProblemError } from '../common/problem/problem-details';
import type { PublishedForm } from '../forms/form-catalog.service';

export type ViewKind = 'table' | 'kanban' | 'calendar';

export interface ViewConfig {
  filter?: Condition;
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  columns?: string[];
  groupBy?: string;
  dateField?: string;
  search?: string;
}

/** The value kinds the list query can ORDER BY (the list query refuses the others at run time too). */
export const SORTABLE_KINDS: ReadonlySet<string> = new Set([
  'text',
  'number',
  'date',
  'datetime',
  'time',
  'boolean',
  'uuid',
]);

/**
 * Checks every field reference of a view against the published form: a view that would fail when opened is
 * refused when saved, with the path of each problem under `base` (e.g. /body/config).
 */
export function validateViewConfig(
  form: PublishedForm,
  kind: ViewKind,
  config: ViewConfig,
  base: string,
): ProblemError[] {
  const errors: ProblemError[] = [];
  if (config.filter !== undefined) errors.push(...filterIssues(config.filter, form.queryable, `${base}/filter`));
  const queryable = new Map(form.queryable.map((f) => [f.key, f]));
  config.sort?.forEach((key, i) => {
    const field = queryable.get(key.field);
    if (!field || !SORTABLE_KINDS.has(field.kind))
      errors.push({ path: `${base}/sort/${i}/field`, code: 'not_sortable', message: `Cannot sort by ${key.field}` });
  });
  config.columns?.forEach((key, i) => {
    const field = form.compiled.field(key);
    if (!field || moduleOf(field).storage(field) === 'none')
      errors.push({ path: `${base}/columns/${i}`, code: 'unknown_field', message: `No field ${key}` });
  });
  if (kind === 'kanban' && config.groupBy === undefined)
    errors.push({ path: `${base}/groupBy`, code: 'required', message: 'A kanban view needs a groupBy field' });
  if (config.groupBy !== undefined) {
    const field = form.compiled.field(config.groupBy);
    if (!field || (field.type !== 'select' && field.type !== 'radio'))
      errors.push({
        path: `${base}/groupBy`,
        code: 'not_single_select',
        message: `${config.groupBy} is not a single-select field`,
      });
  }
  if (kind === 'calendar' && config.dateField === undefined)
    errors.push({ path: `${base}/dateField`, code: 'required', message: 'A calendar view needs a dateField' });
  if (config.dateField !== undefined) {
    const field = queryable.get(config.dateField);
    if (!field || (field.kind !== 'date' && field.kind !== 'datetime'))
      errors.push({
        path: `${base}/dateField`,
        code: 'not_a_date',
        message: `${config.dateField} is not a date field`,
      });
  }
  return errors;
}

/** Condition issues as problem errors rooted at `path`. */
export function filterIssues(filter: unknown, fields: readonly QueryableField[], path: string): ProblemError[] {
  return validateCondition(filter, fields).map((issue) => ({
    path: `${path}${issue.path}`,
    code: issue.code,
    message: issue.message,
  }));
}
