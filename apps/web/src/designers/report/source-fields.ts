import { queryableFieldsOf } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type FormDefinition, type Locale, type ValueKind } from '@tessera/schema';

/** What a field suggests for charts: a pipeline stage (funnel) or a province (map of China). */
export type FieldRole = 'stage' | 'province';

/** A field a report can group, aggregate or filter by: a field of the source form or of a related form. */
export interface SourceField {
  /** A field key, or a path through a single relation (`customer.region`). */
  ref: string;
  label: string;
  /** The form the field belongs to (a relation path's label for related forms). */
  group: string;
  kind: ValueKind;
  type: string;
  options?: { value: string; label: string }[];
  numeric: boolean;
  temporal: boolean;
  role?: FieldRole;
}

const STAGE = /stage|status|phase|阶段|状态|进度/i;
const PROVINCE = /province|region|area|省|地区|区域/i;

/** System columns offered next to the form's fields, with their labels. */
export const SYSTEM_FIELD_LABELS: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  created_at: { 'zh-CN': '创建时间', 'en-US': 'Created at' },
  updated_at: { 'zh-CN': '更新时间', 'en-US': 'Updated at' },
  owner_id: { 'zh-CN': '负责人', 'en-US': 'Owner' },
  created_by: { 'zh-CN': '创建人', 'en-US': 'Created by' },
};

function roleOf(field: FieldDefinition, label: string): FieldRole | undefined {
  const text = `${field.key} ${label}`;
  if (field.type === 'region' || ((field.type === 'select' || field.type === 'text') && PROVINCE.test(text)))
    return 'province';
  if ((field.type === 'select' || field.type === 'radio') && STAGE.test(text)) return 'stage';
  return undefined;
}

/**
 * The reportable fields of a form: every field stored in a column (sub-tables, multi relations, lookups are
 * not), plus the owner and the created/updated times. `prefix` turns them into paths through a relation.
 */
export function sourceFieldsOf(
  definition: FormDefinition,
  locale: Locale,
  prefix?: { ref: string; label: string },
): SourceField[] {
  const byKey = new Map(definition.fields.map((f) => [f.key, f]));
  const group = prefix ? prefix.label : definition.name;
  const out: SourceField[] = [];
  for (const q of queryableFieldsOf(definition.fields, true)) {
    if (q.key === 'id' || q.key === 'version' || q.key === 'updated_by') continue;
    const field = byKey.get(q.key);
    const system = SYSTEM_FIELD_LABELS[q.key];
    if (!field && !system) continue;
    if (field && (field.type === 'relation' || field.hidden)) continue;
    const label = field ? localizedText(field.label, locale) || field.key : system[locale];
    const options =
      field && 'options' in field && Array.isArray(field.options)
        ? field.options.map((o) => ({ value: o.value, label: localizedText(o.label, locale) || o.value }))
        : undefined;
    out.push({
      ref: prefix ? `${prefix.ref}.${q.key}` : q.key,
      label: prefix ? `${prefix.label} · ${label}` : label,
      group,
      kind: q.kind,
      type: field?.type ?? 'system',
      options,
      numeric: q.kind === 'number',
      temporal: q.kind === 'date' || q.kind === 'datetime',
      role: field ? roleOf(field, label) : undefined,
    });
  }
  return out;
}

/** The single relation fields of a form (their target forms' fields are offered as paths). */
export function singleRelationsOf(
  definition: FormDefinition,
  locale: Locale,
): { ref: string; label: string; form: string }[] {
  return definition.fields.flatMap((f) =>
    f.type === 'relation' && !f.relation.multiple && !f.hidden
      ? [{ ref: f.key, label: localizedText(f.label, locale) || f.key, form: f.relation.form }]
      : [],
  );
}
