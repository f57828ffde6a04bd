import { fieldTypeModule, type FieldGroup } from '@tessera/form-engine';
import { FIELD_TYPES, type FieldType } from '@tessera/schema';

/** Palette order of the groups. */
export const PALETTE_GROUPS: readonly FieldGroup[] = [
  'basic',
  'choice',
  'date',
  'people',
  'relation',
  'advanced',
  'layout',
  'system',
];

/** Every field type by palette group, in the registry's order. */
export function fieldTypesByGroup(): ReadonlyMap<FieldGroup, readonly FieldType[]> {
  const groups = new Map<FieldGroup, FieldType[]>(PALETTE_GROUPS.map((group) => [group, []]));
  for (const type of FIELD_TYPES) groups.get(fieldTypeModule(type).group)?.push(type);
  return groups;
}

/** Types that hold no value (no required/default/unique settings). */
export const LAYOUT_TYPES: ReadonlySet<FieldType> = new Set(['section', 'divider', 'tabs']);

/** Types whose value the user never types (no default, placeholder, required…). */
export function isComputedType(type: FieldType): boolean {
  return fieldTypeModule(type).computed === true || LAYOUT_TYPES.has(type);
}

/** Types a sub-table row may hold (the rest are refused by the metadata validation). */
export const NOT_IN_SUB_TABLE: ReadonlySet<FieldType> = new Set([
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
