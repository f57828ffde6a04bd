import type { FieldDefinition, FormDefinition } from '@tessera/schema';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';

export interface LayoutCell {
  field: FieldDefinition;
  span: number;
}
export type LayoutRow = LayoutCell[];

const FULL = 24;

function defaultSpan(field: FieldDefinition): number {
  const widget = widgetFor(field);
  if (field.width) return Math.min(FULL, Math.max(1, field.width));
  return widget.wide || widget.layout ? FULL : 12;
}

/** Fields side by side until the 24 columns are full. */
export function packRows(fields: readonly FieldDefinition[]): LayoutRow[] {
  const rows: LayoutRow[] = [];
  let row: LayoutRow = [];
  let used = 0;
  for (const field of fields) {
    const span = defaultSpan(field);
    if (used + span > FULL && row.length) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ field, span });
    used += span;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** Keys of the fields that live inside a section or a tab (drawn by their container, not at the top). */
export function containedKeys(fields: readonly FieldDefinition[]): Set<string> {
  const keys = new Set<string>();
  for (const f of fields) {
    if (f.type === 'section') for (const k of f.children ?? []) keys.add(k);
    if (f.type === 'tabs') for (const tab of f.tabs) for (const k of tab.children) keys.add(k);
  }
  return keys;
}

/**
 * The top-level grid: the definition's layout rows (their spans win), then every top-level field the layout
 * does not mention, packed by width. System fields (created_by …) are left to the record page's header.
 */
export function topLevelRows(definition: FormDefinition, skip: (field: FieldDefinition) => boolean): LayoutRow[] {
  const inside = containedKeys(definition.fields);
  const byKey = new Map(definition.fields.map((f) => [f.key, f]));
  const placed = new Set<string>();
  const rows: LayoutRow[] = [];
  for (const layoutRow of definition.layout?.rows ?? []) {
    const row: LayoutRow = [];
    for (const column of layoutRow.columns) {
      const field = byKey.get(column.field);
      if (!field || inside.has(field.key) || placed.has(field.key) || skip(field)) continue;
      placed.add(field.key);
      row.push({ field, span: column.span ?? defaultSpan(field) });
    }
    if (row.length) rows.push(row);
  }
  const rest = definition.fields.filter((f) => !inside.has(f.key) && !placed.has(f.key) && !skip(f));
  return [...rows, ...packRows(rest)];
}

/** The fields of a container, in the container's order. */
export function childFields(definition: FormDefinition, keys: readonly string[]): FieldDefinition[] {
  const byKey = new Map(definition.fields.map((f) => [f.key, f]));
  return keys.map((k) => byKey.get(k)).filter((f): f is FieldDefinition => f !== undefined);
}
