import { fieldTypeModule } from '@tessera/form-engine';
import { localizedText, type FieldDefinition, type Locale } from '@tessera/schema';
import type { ConditionField } from '../../shared/widgets/condition-builder/condition-builder';

/** The fields a linkage condition can test: those with a value kind, choices with their options. */
export function conditionFieldsOf(fields: readonly FieldDefinition[], locale: Locale): ConditionField[] {
  const out: ConditionField[] = [];
  for (const field of fields) {
    const kind = fieldTypeModule(field.type).valueKind(field as never);
    if (!kind || field.type === 'sub_table') continue;
    const label = localizedText(field.label, locale) || field.key;
    out.push(
      'options' in field
        ? {
            key: field.key,
            label,
            kind,
            options: field.options.map((option) => ({
              value: option.value,
              label: localizedText(option.label, locale),
            })),
          }
        : { key: field.key, label, kind },
    );
  }
  return out;
}
