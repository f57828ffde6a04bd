import type { FieldDefinition, Locale } from '@tessera/schema';
import { widgetFor } from './field-widget-registry';

/** A field's value in read mode (table cells, cards, the record page). */
export function FieldValue(props: {
  field: FieldDefinition;
  value: unknown;
  locale: Locale;
  display?: unknown;
  compact?: boolean;
}) {
  const { Display } = widgetFor(props.field);
  return <Display {...props} />;
}
