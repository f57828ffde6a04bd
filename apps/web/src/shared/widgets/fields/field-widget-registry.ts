import type { FieldDefinition, FieldType } from '@tessera/schema';
import { multiChoiceWidget, ratingWidget, singleChoiceWidget, switchWidget } from './choice-widgets';
import { computedWidget } from './computed-widgets';
import { contactWidget } from './contact-widgets';
import { dateWidget, durationWidget } from './date-widgets';
import type { FieldWidget } from './field-widget';
import { fileWidget } from './file-widgets';
import { dividerWidget, sectionWidget, tabsWidget } from './layout-widgets';
import { locationWidget } from './location-widget';
import { numberWidget } from './number-widgets';
import { peopleWidget, personDisplayWidget } from './people-widgets';
import { regionWidget } from './region-widget';
import { relationWidget } from './relation-widget';
import { signatureWidget } from './signature-widget';
import { subTableWidget } from './sub-table-widget';
import { textWidget } from './text-widgets';

/**
 * The ONE registry of field widgets, keyed by field type (DESIGN.md "Web"): the runtime form, tables, cards and
 * the designer's preview all render fields through it. The mapped type makes a missing type a compile error.
 */
export const FIELD_WIDGETS: { readonly [T in FieldType]: FieldWidget<T> } = {
  text: textWidget,
  textarea: textWidget,
  rich_text: { ...textWidget, wide: true },
  number: numberWidget,
  amount: numberWidget,
  percent: numberWidget,
  email: contactWidget,
  phone: contactWidget,
  url: contactWidget,
  date: dateWidget,
  datetime: dateWidget,
  time: dateWidget,
  duration: durationWidget,
  select: singleChoiceWidget,
  radio: singleChoiceWidget,
  multi_select: multiChoiceWidget,
  checkbox: multiChoiceWidget,
  switch: switchWidget,
  rating: ratingWidget,
  member: peopleWidget,
  department: peopleWidget,
  region: regionWidget,
  location: locationWidget,
  image: fileWidget,
  attachment: fileWidget,
  signature: signatureWidget,
  auto_number: computedWidget,
  formula: computedWidget,
  relation: relationWidget,
  lookup: computedWidget,
  rollup: computedWidget,
  sub_table: subTableWidget,
  section: sectionWidget,
  divider: dividerWidget,
  tabs: tabsWidget,
  created_by: personDisplayWidget,
  created_at: computedWidget,
  updated_by: personDisplayWidget,
  updated_at: computedWidget,
  owner: personDisplayWidget,
};

/** The widget of a field, typed for the whole union (the field decides which member it is). */
export function widgetFor(field: FieldDefinition): FieldWidget {
  return FIELD_WIDGETS[field.type] as unknown as FieldWidget;
}
