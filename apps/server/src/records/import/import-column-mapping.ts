import { moduleOf } from '@tessera/form-engine';
import { localizedText, type FieldDefinition } from '@tessera/schema';
import type { ProblemError } from '../../common/problem/problem-details';
import { badRequest } from '../../common/problem/problem.exception';
import type { PublishedForm } from '../../forms/form-catalog.service';
import { recordFieldPlan } from '../record-field-plan';

/** One column of the file bound to the field it fills. */
export interface ColumnBinding {
  index: number;
  header: string;
  field: FieldDefinition;
}

/**
 * Fields a file can fill: the ones a client may write, except sub-tables (a repeating group does not fit in one
 * cell) — the same set the import template lists.
 */
export function importableFields(form: PublishedForm): FieldDefinition[] {
  const plan = recordFieldPlan(form.definition);
  return form.definition.fields.filter((f) => plan.writable.has(f.key) && moduleOf(f).storage(f) !== 'child-table');
}

/** Checks an explicit mapping against the form before the file is read: unknown or read-only targets are a 400. */
export function checkMappingTargets(form: PublishedForm, mapping: Record<string, unknown>): void {
  const importable = new Set(importableFields(form).map((f) => f.key));
  const errors: ProblemError[] = [];
  const seen = new Map<string, string>();
  for (const [header, key] of Object.entries(mapping)) {
    const path = `/query/mapping/${escapePointer(header)}`;
    if (typeof key !== 'string' || !form.compiled.field(key))
      errors.push({ path, code: 'unknown_field', message: `No field ${JSON.stringify(key)} in ${form.key}` });
    else if (!importable.has(key))
      errors.push({ path, code: 'not_importable', message: `${key} is computed or cannot be imported` });
    else if (seen.has(key))
      errors.push({ path, code: 'duplicate_field', message: `${key} is already filled by ${seen.get(key)}` });
    else seen.set(key, header);
  }
  if (errors.length) throw badRequest('The column mapping is invalid', errors);
}

const normal = (s: string) => s.trim().toLowerCase();

/**
 * Binds the header row to fields: by the explicit mapping {header: fieldKey} when given (every mapped header must
 * be in the file), otherwise by field key or label in either language. Columns bound to nothing are ignored.
 */
export function bindColumns(
  form: PublishedForm,
  headerCells: unknown[],
  mapping: Record<string, string> | undefined,
): { bindings: ColumnBinding[]; ignored: string[] } {
  const headers = headerCells.map((cell) => (cell === null || cell === undefined ? '' : String(cell).trim()));
  const bindings: ColumnBinding[] = [];
  const ignored: string[] = [];
  if (mapping) {
    const missing = Object.keys(mapping).filter((header) => !headers.includes(header.trim()));
    if (missing.length)
      throw badRequest(
        'The column mapping names columns the file does not have',
        missing.map((header) => ({
          path: `/query/mapping/${escapePointer(header)}`,
          code: 'unknown_column',
          message: `The file has no column ${JSON.stringify(header)}`,
        })),
      );
    const byHeader = new Map(Object.entries(mapping).map(([h, k]) => [h.trim(), k]));
    headers.forEach((header, index) => {
      const key = byHeader.get(header);
      const field = key === undefined ? undefined : form.compiled.field(key);
      if (field && !bindings.some((b) => b.field.key === field.key)) bindings.push({ index, header, field });
      else if (header) ignored.push(header);
    });
    return { bindings, ignored };
  }
  const candidates = importableFields(form);
  headers.forEach((header, index) => {
    const h = normal(header);
    const field = h
      ? candidates.find(
          (f) =>
            normal(f.key) === h ||
            normal(localizedText(f.label, 'zh-CN')) === h ||
            normal(localizedText(f.label, 'en-US')) === h,
        )
      : undefined;
    if (field && !bindings.some((b) => b.field.key === field.key)) bindings.push({ index, header, field });
    else if (header) ignored.push(header);
  });
  if (!bindings.length)
    throw badRequest('No column of the file matches a field', [
      { path: '/file/rows/1', code: 'no_columns', message: 'Name the columns by field label or key, or pass mapping' },
    ]);
  return { bindings, ignored };
}

/** JSON-pointer escaping of one segment (a header may hold '/' or '~'). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
