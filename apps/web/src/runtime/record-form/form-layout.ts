import type { FieldDefinition, FormDefinition } from '@tessera/schema';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';

export interface LayoutCell {
  field: FieldDefinition;
  span: number;
}
export type LayoutRow = LayoutCell[];

type SectionField = Extract<FieldDefinition, { type: 'section' }>;
type TabsField = Extract<FieldDefinition, { type: 'tabs' }>;

/** What the form draws, top to bottom: rows of fields, sections (a card of blocks), tabs (blocks per tab). */
export type LayoutBlock =
  | { kind: 'row'; cells: LayoutRow }
  | { kind: 'section'; field: SectionField; blocks: LayoutBlock[] }
  | { kind: 'tabs'; field: TabsField; tabs: LayoutBlock[][] };

const FULL = 24;
const ROOT = 'root';

function defaultSpan(field: FieldDefinition): number {
  const widget = widgetFor(field);
  if (field.width) return Math.min(FULL, Math.max(1, field.width));
  return widget.wide || widget.layout ? FULL : 12;
}

const isContainer = (field: FieldDefinition) => field.type === 'section' || field.type === 'tabs';

/** Fields side by side until the 24 columns are full (fields the layout rows do not mention). */
export function packRows(fields: readonly FieldDefinition[]): LayoutRow[] {
  const rows: LayoutRow[] = [];
  let row: LayoutRow = [];
  let used = 0;
  for (const field of fields) {
    const span = isContainer(field) ? FULL : defaultSpan(field);
    if ((used + span > FULL || isContainer(field)) && row.length) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ field, span });
    used += span;
    if (isContainer(field)) {
      rows.push(row);
      row = [];
      used = 0;
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

/** A row with its sections and tabs split out: a container always stands on a row of its own. */
function splitContainers(row: LayoutRow): LayoutRow[] {
  if (!row.some((c) => isContainer(c.field))) return [row];
  const out: LayoutRow[] = [];
  let current: LayoutRow = [];
  for (const cell of row) {
    if (!isContainer(cell.field)) {
      current.push(cell);
      continue;
    }
    if (current.length) out.push(current);
    out.push([{ field: cell.field, span: FULL }]);
    current = [];
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * The blocks of a form from its layout rows, following the designer's conventions (designer-document.ts): rows
 * are in visual order with their spans; a tab's rows (their fields are the tab's children) follow the tabs row and
 * are drawn inside that tab; a section's rows are those of its children (or, when a hand-written section lists no
 * children, the rows after it up to the next section or tabs). Fields the layout does not mention are packed by
 * width at the end of their container. `skip` leaves fields out (system fields on a create form).
 */
export function formLayout(definition: FormDefinition, skip: (field: FieldDefinition) => boolean): LayoutBlock[] {
  const byKey = new Map(definition.fields.map((f) => [f.key, f]));
  const tabOf = new Map<string, string>();
  const sectionOf = new Map<string, string>();
  for (const field of definition.fields) {
    if (field.type === 'tabs')
      field.tabs.forEach((tab, i) => tab.children.forEach((k) => tabOf.set(k, `${field.key}/${i}`)));
    if (field.type === 'section') for (const k of field.children ?? []) sectionOf.set(k, field.key);
  }
  const containerOf = (field: FieldDefinition) => tabOf.get(field.key) ?? ROOT;

  const rowsOf = new Map<string, LayoutRow[]>();
  const addRow = (row: LayoutRow) => {
    const container = containerOf(row[0]!.field);
    rowsOf.set(container, [...(rowsOf.get(container) ?? []), row]);
  };
  const placed = new Set<string>();
  for (const layoutRow of definition.layout?.rows ?? []) {
    const row: LayoutRow = [];
    for (const column of layoutRow.columns) {
      const field = byKey.get(column.field);
      if (!field || placed.has(field.key)) continue;
      placed.add(field.key);
      if (!skip(field)) row.push({ field, span: column.span ?? defaultSpan(field) });
    }
    for (const part of splitContainers(row)) if (part.length) addRow(part);
  }
  // the rest, packed per container and section so a packed row never straddles two of them
  const rest = new Map<string, FieldDefinition[]>();
  for (const field of definition.fields) {
    if (placed.has(field.key) || skip(field)) continue;
    const group = `${containerOf(field)}|${sectionOf.get(field.key) ?? ''}`;
    rest.set(group, [...(rest.get(group) ?? []), field]);
  }
  for (const fields of rest.values()) packRows(fields).forEach(addRow);

  const build = (container: string): LayoutBlock[] => {
    const rows = rowsOf.get(container) ?? [];
    const sectionsHere = new Set(
      rows
        .map((r) => r[0]!.field)
        .filter((f) => f.type === 'section')
        .map((f) => f.key),
    );
    const sectionBlocks = new Map<string, LayoutBlock[]>();
    const blocks: LayoutBlock[] = [];
    let open: LayoutBlock[] | null = null; // a section without `children` takes the rows after it
    for (const row of rows) {
      const first = row[0]!.field;
      if (first.type === 'section') {
        const inner = sectionBlocks.get(first.key) ?? [];
        sectionBlocks.set(first.key, inner);
        blocks.push({ kind: 'section', field: first, blocks: inner });
        open = first.children === undefined ? inner : null;
        continue;
      }
      if (first.type === 'tabs') {
        open = null;
        blocks.push({ kind: 'tabs', field: first, tabs: first.tabs.map((_, i) => build(`${first.key}/${i}`)) });
        continue;
      }
      const owner = sectionOf.get(first.key);
      if (owner !== undefined && sectionsHere.has(owner)) {
        const inner = sectionBlocks.get(owner) ?? [];
        sectionBlocks.set(owner, inner);
        inner.push({ kind: 'row', cells: row });
        continue;
      }
      (open ?? blocks).push({ kind: 'row', cells: row });
    }
    return blocks;
  };
  return build(ROOT);
}
