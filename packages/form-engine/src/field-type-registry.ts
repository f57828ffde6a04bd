import type { FieldDefinition, FieldType } from '@tessera/schema';
import type { FieldTypeModule } from './field-type-module';
import { amountField, numberField, percentField } from './field-types/number';
import {
  checkboxField,
  multiSelectField,
  radioField,
  ratingField,
  selectField,
  switchField,
} from './field-types/choice';
import { autoNumberField, formulaField } from './field-types/computed';
import { dateField, datetimeField, durationField, timeField } from './field-types/date-time';
import { attachmentField, imageField, locationField, regionField, signatureField } from './field-types/geo-and-files';
import { dividerField, sectionField, tabsField } from './field-types/layout';
import { departmentField, memberField } from './field-types/people';
import { lookupField, relationField, rollupField, subTableField } from './field-types/relation';
import { createdAtField, createdByField, ownerField, updatedAtField, updatedByField } from './field-types/system';
import { emailField, phoneField, richTextField, textareaField, textField, urlField } from './field-types/text';

/** The ONE registry of field types. The mapped type makes a missing module a compile error. */
export const FIELD_TYPE_REGISTRY: { readonly [T in FieldType]: FieldTypeModule<T> } = {
  text: textField,
  textarea: textareaField,
  rich_text: richTextField,
  number: numberField,
  amount: amountField,
  percent: percentField,
  email: emailField,
  phone: phoneField,
  url: urlField,
  date: dateField,
  datetime: datetimeField,
  time: timeField,
  duration: durationField,
  select: selectField,
  multi_select: multiSelectField,
  radio: radioField,
  checkbox: checkboxField,
  switch: switchField,
  rating: ratingField,
  member: memberField,
  department: departmentField,
  region: regionField,
  location: locationField,
  image: imageField,
  attachment: attachmentField,
  signature: signatureField,
  auto_number: autoNumberField,
  formula: formulaField,
  relation: relationField,
  lookup: lookupField,
  rollup: rollupField,
  sub_table: subTableField,
  section: sectionField,
  divider: dividerField,
  tabs: tabsField,
  created_by: createdByField,
  created_at: createdAtField,
  updated_by: updatedByField,
  updated_at: updatedAtField,
  owner: ownerField,
};

export function fieldTypeModule<T extends FieldType>(type: T): FieldTypeModule<T> {
  const module = FIELD_TYPE_REGISTRY[type];
  if (!module) throw new Error(`Unknown field type ${JSON.stringify(type)}`);
  return module;
}

/** The module of a field, typed for that field (the union is erased at the call site on purpose). */
export function moduleOf(field: FieldDefinition): FieldTypeModule<FieldType> {
  return fieldTypeModule(field.type) as FieldTypeModule<FieldType>;
}

export function listFieldTypes(): FieldTypeModule<FieldType>[] {
  return Object.values(FIELD_TYPE_REGISTRY) as FieldTypeModule<FieldType>[];
}
