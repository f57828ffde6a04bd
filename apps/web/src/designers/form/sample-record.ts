import type { FieldDefinition } from '@tessera/schema';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A plausible value of a field, for the formula editor's live result. */
export function sampleValue(field: FieldDefinition): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'rich_text':
      return 'Tessera';
    case 'email':
      return 'li.lei@example.com';
    case 'phone':
      return '13800138000';
    case 'url':
      return 'https://example.com';
    case 'number':
      return 12;
    case 'amount':
      return 1280.5;
    case 'percent':
      return 15;
    case 'duration':
      return 3600;
    case 'rating':
      return 4;
    case 'date':
      return today();
    case 'datetime':
      return new Date().toISOString();
    case 'time':
      return '09:30';
    case 'switch':
      return true;
    case 'select':
    case 'radio':
      return field.options[0]?.value ?? null;
    case 'multi_select':
    case 'checkbox':
      return field.options.slice(0, 2).map((option) => option.value);
    case 'sub_table':
      return [1, 2].map(() => sampleRecord(field.fields));
    default:
      return null;
  }
}

/** Sample values of every field that holds one (formulas are computed, so they are left out). */
export function sampleRecord(fields: readonly FieldDefinition[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.type === 'formula') continue;
    const value = sampleValue(field);
    if (value !== null) record[field.key] = value;
  }
  return record;
}
