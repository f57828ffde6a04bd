import type { CompiledForm } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type Locale } from '@tessera/schema';
import type { TFunction } from 'i18next';
import type { ConditionField } from '../../shared/widgets/condition-builder/condition-types';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import type { Directory } from '../../shared/widgets/fields/use-directory';

const SYSTEM_LABELS = ['created_at', 'created_by', 'updated_at', 'updated_by', 'owner_id'] as const;
type SystemKey = (typeof SYSTEM_LABELS)[number];
const isSystemKey = (key: string): key is SystemKey => (SYSTEM_LABELS as readonly string[]).includes(key);

function optionsOf(
  field: FieldDefinition | undefined,
  directory: Directory,
  locale: Locale,
): ConditionField['options'] {
  if (!field) return undefined;
  if ('options' in field && Array.isArray(field.options))
    return field.options.map((o) => ({ value: o.value, label: localizedText(o.label, locale) || o.value }));
  const people =
    field.type === 'member' || field.type === 'owner' || field.type === 'created_by' || field.type === 'updated_by';
  if (people) return directory.users.map((u) => ({ value: u.id, label: u.name, search: `${u.name} ${u.email}` }));
  if (field.type === 'department')
    return directory.departments.map((d) => ({ value: d.id, label: d.name, search: d.name }));
  return undefined;
}

/** What the filter builder offers for a form: its queryable fields (by value kind) and the system columns. */
export function conditionFieldsOf(
  compiled: CompiledForm,
  directory: Directory,
  locale: Locale,
  t: TFunction,
): ConditionField[] {
  const out: ConditionField[] = [];
  const system: ConditionField[] = [];
  const userOptions = directory.users.map((u) => ({ value: u.id, label: u.name, search: `${u.name} ${u.email}` }));
  for (const q of compiled.queryableFields()) {
    const field = compiled.field(q.key);
    if (field)
      out.push({
        key: q.key,
        label: fieldLabel(field, locale),
        kind: q.kind,
        options: optionsOf(field, directory, locale),
      });
    else if (isSystemKey(q.key))
      system.push({
        key: q.key,
        label: t(`runtime.system.${q.key}`),
        kind: q.kind,
        options: q.kind === 'uuid' ? userOptions : undefined,
      });
  }
  return [...out, ...system];
}
