import type { FieldDefinition, FormDefinition } from '@tessera/schema';

/** One form's publishing: first without the fields that point forward, then (if any) complete. */
export interface FormPublishStep {
  key: string;
  /** Published in the first pass, in template order. */
  first: FormDefinition;
  /** The complete form, published in the second pass once every form exists; undefined when `first` is it. */
  complete?: FormDefinition;
  /** Keys of the fields only the second pass adds. */
  lateFields: string[];
}

/**
 * A relation needs its target's table, so forms are published in template order; a field pointing at a LATER
 * form (customers → contracts, for the lifetime-value rollup) waits for a second pass, together with the
 * lookups/rollups over it and layout references to it.
 */
export function publishPlan(forms: readonly FormDefinition[]): FormPublishStep[] {
  const position = new Map(forms.map((f, i) => [f.key, i]));
  return forms.map((form, index) => {
    const forward = (f: FieldDefinition) =>
      f.type === 'relation' && f.relation.form !== form.key && (position.get(f.relation.form) ?? -1) > index;
    const late = new Set(form.fields.filter(forward).map((f) => f.key));
    for (const f of form.fields) {
      if (f.type === 'lookup' && late.has(f.lookup.relationField)) late.add(f.key);
      if (f.type === 'rollup' && late.has(f.rollup.relationField)) late.add(f.key);
    }
    if (!late.size) return { key: form.key, first: form, lateFields: [] };
    const fields = form.fields
      .filter((f) => !late.has(f.key))
      .map((f): FieldDefinition =>
        f.type === 'section' && f.children ? { ...f, children: f.children.filter((c) => !late.has(c)) } : f,
      );
    const first: FormDefinition = {
      ...form,
      fields,
      ...(form.layout
        ? { layout: { rows: form.layout.rows.map((r) => ({ columns: r.columns.filter((c) => !late.has(c.field)) })) } }
        : {}),
    };
    return { key: form.key, first, complete: form, lateFields: [...late] };
  });
}
