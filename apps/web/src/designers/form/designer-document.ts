import type { FieldDefinition, FormDefinition, FormLayoutRow, LinkageRule } from '@tessera/schema';

/**
 * The designer's working model of a form: fields by key plus a tree of rows. The definition stored on the server
 * is flat (fields + layout rows); this module converts both ways.
 *
 * Conventions of the flat definition written here (the runtime reads the same):
 * - `fields` are in visual order (depth first) and `layout.rows` lists EVERY row in that order, each column's span
 *   being the field's `width` or an equal share of 24.
 * - A section is a row of its own; its `children` are the fields of the rows after it in the same container, up to
 *   the next section or tabs.
 * - A tabs field is a row of its own; `tabs[i].children` are the fields of that tab. The rows of its tabs follow
 *   the tabs row in `layout.rows` (tab 0 first); a renderer that draws tabs skips rows whose fields are all tab
 *   children.
 */

export const ROOT_CONTAINER = 'root';
export const MAX_COLUMNS_PER_ROW = 4;

export interface RowNode {
  id: string;
  /** Field keys, left to right (1–4). */
  columns: readonly string[];
}

export interface FormMeta {
  key: string;
  name: string;
  description?: string;
  titleField?: string;
}

export interface DesignerDocument {
  meta: FormMeta;
  fields: Readonly<Record<string, FieldDefinition>>;
  /** `root`, and `tabsKey/index` for every tab of every tabs field. */
  containers: Readonly<Record<string, readonly RowNode[]>>;
  linkage: readonly LinkageRule[];
}

export function tabContainerId(tabsKey: string, index: number): string {
  return `${tabsKey}/${index}`;
}

/** The tabs field key of a tab container, or undefined for the root. */
export function tabsKeyOf(container: string): string | undefined {
  const slash = container.lastIndexOf('/');
  return slash < 0 ? undefined : container.slice(0, slash);
}

/** An even share of 24 for `count` columns (24, 12, 8, 6). */
export function evenSpan(count: number): number {
  return Math.max(1, Math.floor(24 / Math.max(1, count)));
}

/** Creates row ids; the counter lives in the caller's state so the reducer stays pure. */
export type RowIdSource = () => string;

export function rowIdSource(start = 0): { next: RowIdSource; current: () => number } {
  let n = start;
  return {
    next: () => {
      n += 1;
      return `r${n}`;
    },
    current: () => n,
  };
}

/** The designer model of a stored definition. Fields missing from the layout get a row of their own at the end. */
export function fromDefinition(definition: FormDefinition, nextRowId: RowIdSource): DesignerDocument {
  const fields: Record<string, FieldDefinition> = {};
  for (const field of definition.fields) fields[field.key] = field;

  const tabOf = new Map<string, string>();
  for (const field of definition.fields) {
    if (field.type !== 'tabs') continue;
    field.tabs.forEach((tab, index) => {
      for (const child of tab.children) tabOf.set(child, tabContainerId(field.key, index));
    });
  }

  const containers: Record<string, RowNode[]> = { [ROOT_CONTAINER]: [] };
  for (const field of definition.fields) {
    if (field.type === 'tabs') field.tabs.forEach((_, index) => (containers[tabContainerId(field.key, index)] = []));
  }

  const placed = new Set<string>();
  const rows: FormLayoutRow[] =
    definition.layout?.rows ?? definition.fields.map((field) => ({ columns: [{ field: field.key }] }));
  for (const row of rows) {
    const columns = row.columns.map((column) => column.field).filter((key) => fields[key] && !placed.has(key));
    if (columns.length === 0) continue;
    // A row belongs to a tab when its first field does; layout fields always stand alone.
    const container = tabOf.get(columns[0]!) ?? ROOT_CONTAINER;
    const target = containers[container] ?? containers[ROOT_CONTAINER]!;
    const kept = columns.slice(0, MAX_COLUMNS_PER_ROW);
    kept.forEach((key) => placed.add(key));
    target.push({ id: nextRowId(), columns: kept });
  }
  for (const field of definition.fields) {
    if (placed.has(field.key)) continue;
    const container = tabOf.get(field.key) ?? ROOT_CONTAINER;
    (containers[container] ?? containers[ROOT_CONTAINER]!).push({ id: nextRowId(), columns: [field.key] });
  }

  return {
    meta: {
      key: definition.key,
      name: definition.name,
      ...(definition.description !== undefined ? { description: definition.description } : {}),
      ...(definition.titleField !== undefined ? { titleField: definition.titleField } : {}),
    },
    fields,
    containers,
    linkage: definition.linkage ?? [],
  };
}

/** The flat definition of the designer model (see the conventions above). */
export function toDefinition(document: DesignerDocument): FormDefinition {
  const fields: FieldDefinition[] = [];
  const rows: FormLayoutRow[] = [];

  const walk = (container: string): string[] => {
    const keys: string[] = [];
    let section: { index: number; children: string[] } | null = null;
    const closeSection = () => {
      if (!section) return;
      const field = fields[section.index];
      if (field?.type === 'section') fields[section.index] = { ...field, children: section.children };
      section = null;
    };
    for (const row of document.containers[container] ?? []) {
      const columns = row.columns.filter((key) => document.fields[key] !== undefined);
      if (columns.length === 0) continue;
      rows.push({
        columns: columns.map((key) => ({ field: key, span: document.fields[key]?.width ?? evenSpan(columns.length) })),
      });
      for (const key of columns) {
        const field = document.fields[key]!;
        keys.push(key);
        if (field.type === 'section') {
          closeSection();
          fields.push(field);
          section = { index: fields.length - 1, children: [] };
          continue;
        }
        if (field.type === 'tabs') {
          closeSection();
          const index = fields.length;
          fields.push(field);
          const tabs = field.tabs.map((tab, tabIndex) => ({
            ...tab,
            children: walk(tabContainerId(key, tabIndex)),
          }));
          fields[index] = { ...field, tabs };
          continue;
        }
        fields.push(field);
        (section as { children: string[] } | null)?.children.push(key);
      }
    }
    closeSection();
    return keys;
  };
  walk(ROOT_CONTAINER);

  const { meta } = document;
  return {
    key: meta.key,
    name: meta.name,
    ...(meta.description ? { description: meta.description } : {}),
    fields,
    layout: { rows },
    ...(meta.titleField && document.fields[meta.titleField] ? { titleField: meta.titleField } : {}),
    ...(document.linkage.length ? { linkage: [...document.linkage] } : {}),
  };
}

/** Where a field sits: its container, row index and column index. */
export interface FieldPosition {
  container: string;
  rowIndex: number;
  columnIndex: number;
}

export function findField(document: DesignerDocument, key: string): FieldPosition | undefined {
  for (const [container, rows] of Object.entries(document.containers)) {
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
      const columnIndex = rows[rowIndex]!.columns.indexOf(key);
      if (columnIndex >= 0) return { container, rowIndex, columnIndex };
    }
  }
  return undefined;
}

/** Every field key in visual order (the order of the stored definition). */
export function orderedKeys(document: DesignerDocument): string[] {
  return toDefinition(document).fields.map((field) => field.key);
}
