import type { FieldDefinition, FieldOption, FieldType, LocalizedText } from '@tessera/schema';
import { deriveFieldKey, uniqueKey } from './key-derivation';

/** The texts a new field needs, in both languages (the caller takes them from the i18n resources). */
export interface NewFieldTexts {
  /** The type's name: the new field's label. */
  typeName: (type: FieldType) => LocalizedText;
  option: (n: number) => LocalizedText;
  tab: (n: number) => LocalizedText;
  subColumn: LocalizedText;
}

/** Soft, readable tag colours for the default options. */
export const OPTION_COLORS = ['#3f51e0', '#13a8a8', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#f5222d', '#8c8c8c'];

function defaultOptions(texts: NewFieldTexts): FieldOption[] {
  return [1, 2, 3].map((n) => ({ value: `option_${n}`, label: texts.option(n), color: OPTION_COLORS[n - 1]! }));
}

/**
 * A new field of `type` with sensible, VALID defaults (options, one sub-table column, a sequence pattern…), its key
 * derived from the label and not in `taken`. Settings the designer cannot guess (relation target, formula) are left
 * for the user and flagged by the live validation.
 */
export function createField(type: FieldType, texts: NewFieldTexts, taken: ReadonlySet<string>): FieldDefinition {
  const label = texts.typeName(type);
  const key = deriveFieldKey(label, taken);
  const common = { key, label };
  switch (type) {
    case 'text':
    case 'textarea':
    case 'rich_text':
    case 'email':
    case 'phone':
    case 'url':
      return { ...common, type };
    case 'number':
    case 'percent':
      return { ...common, type };
    case 'amount':
      return { ...common, type, precision: 2, currency: 'CNY' };
    case 'date':
    case 'datetime':
    case 'time':
      return { ...common, type };
    case 'duration':
      return { ...common, type };
    case 'select':
    case 'radio':
      return { ...common, type, options: defaultOptions(texts) };
    case 'multi_select':
    case 'checkbox':
      return { ...common, type, options: defaultOptions(texts) };
    case 'switch':
      return { ...common, type };
    case 'rating':
      return { ...common, type, max: 5 };
    case 'member':
    case 'department':
      return { ...common, type };
    case 'region':
      return { ...common, type, level: 'district' };
    case 'location':
      return { ...common, type };
    case 'image':
    case 'attachment':
      return { ...common, type };
    case 'signature':
      return { ...common, type };
    case 'auto_number':
      return { ...common, type, autoNumber: { pattern: 'NO-{YYYY}{MM}{DD}-{0000}' } };
    case 'formula':
      return { ...common, type, formula: { expression: '', resultType: 'number' } };
    case 'relation':
      return { ...common, type, relation: { form: '' } };
    case 'lookup':
      return { ...common, type, lookup: { relationField: '', field: '' } };
    case 'rollup':
      return { ...common, type, rollup: { relationField: '', aggregate: 'count' } };
    case 'sub_table':
      return {
        ...common,
        type,
        fields: [{ key: deriveFieldKey(texts.subColumn, new Set()), label: texts.subColumn, type: 'text' }],
      };
    case 'section':
      return { ...common, type, title: label };
    case 'divider':
      return { ...common, type };
    case 'tabs':
      return { ...common, type, tabs: [1, 2].map((n) => ({ title: texts.tab(n), children: [] })) };
    case 'created_by':
    case 'created_at':
    case 'updated_by':
    case 'updated_at':
      return { ...common, type };
    case 'owner':
      return { ...common, type };
  }
}

/** A copy of a field under a new free key (its label unchanged: the user renames it). */
export function duplicateOf(field: FieldDefinition, taken: ReadonlySet<string>): FieldDefinition {
  const copy = structuredClone(field);
  return { ...copy, key: uniqueKey(field.key.replace(/_\d+$/, ''), taken) };
}
