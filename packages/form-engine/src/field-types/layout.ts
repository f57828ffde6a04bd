import type { FieldTypeModule } from '../field-type-module';

/** Section, divider and tabs only arrange other fields: no value, no column, no operators. */
function layoutModule(
  type: 'section' | 'divider' | 'tabs',
): Omit<FieldTypeModule<'section' | 'divider' | 'tabs'>, 'type'> {
  return {
    group: 'layout',
    widget: type,
    valueKind: () => null,
    storage: () => 'none',
    columnType: () => null,
    valueSchema: () => null,
    parse: () => ({ ok: false, code: 'unknown_field' }),
    format: () => '',
    operators: () => [],
    messages: {},
    computed: true,
  };
}

export const sectionField: FieldTypeModule<'section'> = { type: 'section', ...layoutModule('section') };
export const dividerField: FieldTypeModule<'divider'> = { type: 'divider', ...layoutModule('divider') };
export const tabsField: FieldTypeModule<'tabs'> = { type: 'tabs', ...layoutModule('tabs') };
