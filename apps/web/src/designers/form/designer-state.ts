import type { FieldDefinition, FormDefinition, LinkageRule, SubTableField } from '@tessera/schema';
import {
  findField,
  fromDefinition,
  MAX_COLUMNS_PER_ROW,
  ROOT_CONTAINER,
  tabContainerId,
  tabsKeyOf,
  type DesignerDocument,
  type FormMeta,
  type RowNode,
} from './designer-document';

/** What is selected: a field, or a column of a sub-table field. */
export interface Selection {
  key: string;
  /** Key of a column inside the sub-table `key`. */
  sub?: string;
}

/** Where a dragged field lands. */
export type DropTarget =
  /** A new row at `index` of the container. */
  | { kind: 'row'; container: string; index: number }
  /** Into an existing row, before column `index` (0…columns). */
  | { kind: 'column'; container: string; rowId: string; index: number }
  /** A column of a sub-table, before column `index`. */
  | { kind: 'sub'; parent: string; index: number };

export interface DesignerState {
  document: DesignerDocument;
  past: readonly DesignerDocument[];
  future: readonly DesignerDocument[];
  selection: Selection | null;
  /** The document as last saved (or loaded): `document !== saved` means unsaved changes. */
  saved: DesignerDocument;
  /** Coalescing tag of the last change: typing in one input makes one undo step. */
  lastTag: string | null;
  /** Keys the user typed by hand (not re-derived from the label any more). */
  manualKeys: ReadonlySet<string>;
  /** Row id counter (kept here so the reducer stays pure). */
  rowSeq: number;
}

export type DesignerAction =
  | { type: 'load'; definition: FormDefinition }
  | { type: 'saved'; document: DesignerDocument }
  | { type: 'select'; selection: Selection | null }
  | { type: 'addField'; field: FieldDefinition; target: DropTarget }
  | { type: 'moveField'; key: string; target: DropTarget }
  | { type: 'moveSubField'; parent: string; key: string; index: number }
  /** Replaces the field (a rename moves every reference). `tag` coalesces keystrokes into one undo step. */
  | { type: 'replaceField'; selection: Selection; field: FieldDefinition; tag?: string; manualKey?: boolean }
  | { type: 'removeField'; selection: Selection }
  | { type: 'duplicateField'; selection: Selection; copy: FieldDefinition }
  | { type: 'setMeta'; meta: Partial<FormMeta>; tag?: string }
  | { type: 'setLinkage'; linkage: readonly LinkageRule[]; tag?: string }
  | { type: 'undo' }
  | { type: 'redo' };

const HISTORY_LIMIT = 200;
const LAYOUT_ALONE = new Set(['section', 'divider', 'tabs']);

export function initialDesignerState(definition: FormDefinition): DesignerState {
  let seq = 0;
  const document = fromDefinition(definition, () => `r${(seq += 1)}`);
  return {
    document,
    past: [],
    future: [],
    selection: null,
    saved: document,
    lastTag: null,
    manualKeys: new Set(),
    rowSeq: seq,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Pure helpers on documents
// ---------------------------------------------------------------------------------------------------------------

function withContainer(doc: DesignerDocument, container: string, rows: readonly RowNode[]): DesignerDocument {
  return { ...doc, containers: { ...doc.containers, [container]: rows } };
}

/** Takes a field out of its row (dropping the row when it empties). */
function detach(doc: DesignerDocument, key: string): DesignerDocument {
  const at = findField(doc, key);
  if (!at) return doc;
  const rows = doc.containers[at.container]!;
  const row = rows[at.rowIndex]!;
  const columns = row.columns.filter((column) => column !== key);
  const next =
    columns.length === 0
      ? rows.filter((_, index) => index !== at.rowIndex)
      : rows.map((candidate, index) => (index === at.rowIndex ? { ...row, columns } : candidate));
  return withContainer(doc, at.container, next);
}

/** Puts a field (already in `doc.fields`) at the target; undefined when the target cannot take it. */
function attach(
  doc: DesignerDocument,
  key: string,
  target: Exclude<DropTarget, { kind: 'sub' }>,
  newRowId: () => string,
): DesignerDocument | undefined {
  const field = doc.fields[key];
  if (!field) return undefined;
  const rows = doc.containers[target.container];
  if (!rows) return undefined;
  // no tabs inside tabs, and a tabs field never inside itself
  const owner = tabsKeyOf(target.container);
  if (owner !== undefined && (field.type === 'tabs' || owner === key)) return undefined;

  if (target.kind === 'column' && !LAYOUT_ALONE.has(field.type)) {
    const rowIndex = rows.findIndex((row) => row.id === target.rowId);
    const row = rows[rowIndex];
    if (!row) return undefined;
    const alone = row.columns.some((column) => LAYOUT_ALONE.has(doc.fields[column]?.type ?? ''));
    if (row.columns.length >= MAX_COLUMNS_PER_ROW || alone) {
      // a full row (or a layout row) takes the field in a new row right after it
      return attach(doc, key, { kind: 'row', container: target.container, index: rowIndex + 1 }, newRowId);
    }
    const index = Math.max(0, Math.min(target.index, row.columns.length));
    const columns = [...row.columns.slice(0, index), key, ...row.columns.slice(index)];
    return withContainer(
      doc,
      target.container,
      rows.map((candidate) => (candidate === row ? { ...row, columns } : candidate)),
    );
  }
  const index =
    target.kind === 'row'
      ? Math.max(0, Math.min(target.index, rows.length))
      : rows.findIndex((row) => row.id === target.rowId) + 1;
  const next = [...rows.slice(0, index), { id: newRowId(), columns: [key] }, ...rows.slice(index)];
  return withContainer(doc, target.container, next);
}

/** Containers of a (new or changed) tabs field: one per tab; rows of removed tabs move to the last tab left. */
function syncTabContainers(
  doc: DesignerDocument,
  field: FieldDefinition,
  previous?: FieldDefinition,
): DesignerDocument {
  if (field.type !== 'tabs') return doc;
  const containers = { ...doc.containers };
  const oldCount = previous?.type === 'tabs' ? previous.tabs.length : 0;
  const newCount = field.tabs.length;
  for (let index = 0; index < newCount; index += 1) containers[tabContainerId(field.key, index)] ??= [];
  for (let index = newCount; index < oldCount; index += 1) {
    const id = tabContainerId(field.key, index);
    const last = tabContainerId(field.key, Math.max(0, newCount - 1));
    containers[last] = [...(containers[last] ?? []), ...(containers[id] ?? [])];
    delete containers[id];
  }
  return { ...doc, containers };
}

function renameInContainers(doc: DesignerDocument, from: string, to: string): DesignerDocument {
  const containers: Record<string, readonly RowNode[]> = {};
  for (const [id, rows] of Object.entries(doc.containers)) {
    const owner = tabsKeyOf(id);
    const newId = owner === from ? `${to}${id.slice(from.length)}` : id;
    containers[newId] = rows.some((row) => row.columns.includes(from))
      ? rows.map((row) =>
          row.columns.includes(from) ? { ...row, columns: row.columns.map((k) => (k === from ? to : k)) } : row,
        )
      : rows;
  }
  return { ...doc, containers };
}

function renameInLinkage(linkage: readonly LinkageRule[], from: string, to: string): readonly LinkageRule[] {
  const swap = (keys: string[] | undefined) => keys?.map((key) => (key === from ? to : key));
  const text = JSON.stringify(linkage);
  if (!text.includes(`"${from}"`)) return linkage;
  return linkage.map((rule) => ({
    ...rule,
    when: JSON.parse(
      JSON.stringify(rule.when).replaceAll(`"field":"${from}"`, `"field":"${to}"`),
    ) as LinkageRule['when'],
    ...(rule.show ? { show: swap(rule.show) } : {}),
    ...(rule.hide ? { hide: swap(rule.hide) } : {}),
    ...(rule.require ? { require: swap(rule.require) } : {}),
    ...(rule.readOnly ? { readOnly: swap(rule.readOnly) } : {}),
  }));
}

function dropFromLinkage(linkage: readonly LinkageRule[], key: string): readonly LinkageRule[] {
  const drop = (keys: string[] | undefined) => keys?.filter((candidate) => candidate !== key);
  return linkage.map((rule) => ({
    ...rule,
    ...(rule.show ? { show: drop(rule.show) } : {}),
    ...(rule.hide ? { hide: drop(rule.hide) } : {}),
    ...(rule.require ? { require: drop(rule.require) } : {}),
    ...(rule.readOnly ? { readOnly: drop(rule.readOnly) } : {}),
  }));
}

function subTable(doc: DesignerDocument, key: string): SubTableField | undefined {
  const field = doc.fields[key];
  return field?.type === 'sub_table' ? field : undefined;
}

function withField(doc: DesignerDocument, field: FieldDefinition): DesignerDocument {
  return { ...doc, fields: { ...doc.fields, [field.key]: field } };
}

// ---------------------------------------------------------------------------------------------------------------
// The reducer
// ---------------------------------------------------------------------------------------------------------------

/** Records `next` as one undo step (or merges it into the previous one when the tag repeats). */
function commit(state: DesignerState, next: DesignerDocument, extra: Partial<DesignerState> = {}, tag?: string) {
  if (next === state.document) return { ...state, ...extra };
  const coalesce = tag !== undefined && tag === state.lastTag;
  return {
    ...state,
    ...extra,
    document: next,
    past: coalesce ? state.past : [...state.past.slice(-(HISTORY_LIMIT - 1)), state.document],
    future: [],
    lastTag: tag ?? null,
  };
}

function rowIds(state: DesignerState): { next: () => string; seq: () => number } {
  let seq = state.rowSeq;
  return { next: () => `r${(seq += 1)}`, seq: () => seq };
}

export function designerReducer(state: DesignerState, action: DesignerAction): DesignerState {
  switch (action.type) {
    case 'load':
      return initialDesignerState(action.definition);

    case 'saved':
      return { ...state, saved: action.document, lastTag: null };

    case 'select':
      return { ...state, selection: action.selection, lastTag: null };

    case 'addField': {
      const { field, target } = action;
      if (target.kind === 'sub') {
        const parent = subTable(state.document, target.parent);
        if (!parent) return state;
        const index = Math.max(0, Math.min(target.index, parent.fields.length));
        const fields = [...parent.fields.slice(0, index), field, ...parent.fields.slice(index)];
        return commit(state, withField(state.document, { ...parent, fields }), {
          selection: { key: parent.key, sub: field.key },
        });
      }
      if (state.document.fields[field.key]) return state;
      const ids = rowIds(state);
      const withNew = syncTabContainers(withField(state.document, field), field);
      const next = attach(withNew, field.key, target, ids.next);
      if (!next) return state;
      return commit(state, next, { selection: { key: field.key }, rowSeq: ids.seq() });
    }

    case 'moveField': {
      const { key, target } = action;
      if (target.kind === 'sub') return state;
      const before = findField(state.document, key);
      if (!before) return state;
      // moving a field next to itself changes nothing
      if (target.kind === 'column') {
        const row = state.document.containers[target.container]?.find((candidate) => candidate.id === target.rowId);
        if (row?.columns.includes(key) && row.columns.length === 1) return state;
      }
      const ids = rowIds(state);
      let adjusted: Exclude<DropTarget, { kind: 'sub' }> = target;
      if (target.kind === 'row' && target.container === before.container) {
        const sourceRow = state.document.containers[before.container]![before.rowIndex]!;
        // the source row disappears when the field was alone in it: indexes after it shift up
        if (sourceRow.columns.length === 1 && before.rowIndex < target.index)
          adjusted = { ...target, index: target.index - 1 };
      }
      if (target.kind === 'column' && target.container === before.container) {
        const row = state.document.containers[before.container]![before.rowIndex]!;
        if (row.id === target.rowId && before.columnIndex < target.index)
          adjusted = { ...target, index: target.index - 1 };
      }
      const next = attach(detach(state.document, key), key, adjusted, ids.next);
      if (!next) return state;
      return commit(state, next, { selection: { key }, rowSeq: ids.seq() });
    }

    case 'moveSubField': {
      const parent = subTable(state.document, action.parent);
      if (!parent) return state;
      const from = parent.fields.findIndex((field) => field.key === action.key);
      if (from < 0) return state;
      const moved = parent.fields[from]!;
      const rest = parent.fields.filter((_, index) => index !== from);
      const index = Math.max(0, Math.min(from < action.index ? action.index - 1 : action.index, rest.length));
      if (index === from) return state;
      const fields = [...rest.slice(0, index), moved, ...rest.slice(index)];
      return commit(state, withField(state.document, { ...parent, fields }), {
        selection: { key: parent.key, sub: action.key },
      });
    }

    case 'replaceField': {
      const { selection, field, tag } = action;
      const manualKeys = new Set(state.manualKeys);
      if (selection.sub !== undefined) {
        const parent = subTable(state.document, selection.key);
        if (!parent) return state;
        if (field.key !== selection.sub && parent.fields.some((candidate) => candidate.key === field.key)) return state;
        const fields = parent.fields.map((candidate) => (candidate.key === selection.sub ? field : candidate));
        if (action.manualKey) manualKeys.add(`${parent.key}.${field.key}`);
        return commit(
          state,
          withField(state.document, { ...parent, fields }),
          { selection: { key: parent.key, sub: field.key }, manualKeys },
          tag,
        );
      }
      const previous = state.document.fields[selection.key];
      if (!previous) return state;
      let doc = state.document;
      if (field.key !== selection.key) {
        if (doc.fields[field.key]) return state; // the new key is taken
        const fields = { ...doc.fields };
        delete fields[selection.key];
        doc = renameInContainers({ ...doc, fields }, selection.key, field.key);
        doc = { ...doc, linkage: renameInLinkage(doc.linkage, selection.key, field.key) };
        if (doc.meta.titleField === selection.key) doc = { ...doc, meta: { ...doc.meta, titleField: field.key } };
        manualKeys.delete(selection.key);
      }
      if (action.manualKey) manualKeys.add(field.key);
      doc = syncTabContainers(withField(doc, field), field, previous);
      return commit(state, doc, { selection: { key: field.key }, manualKeys }, tag);
    }

    case 'removeField': {
      const { selection } = action;
      if (selection.sub !== undefined) {
        const parent = subTable(state.document, selection.key);
        if (!parent || parent.fields.length <= 1) return state; // a sub-table keeps at least one column
        const fields = parent.fields.filter((candidate) => candidate.key !== selection.sub);
        return commit(state, withField(state.document, { ...parent, fields }), { selection: { key: parent.key } });
      }
      const field = state.document.fields[selection.key];
      if (!field) return state;
      const at = findField(state.document, selection.key);
      let doc = detach(state.document, selection.key);
      if (field.type === 'tabs') {
        // the rows of its tabs move out into the tabs' place
        const moved = field.tabs.flatMap((_, index) => doc.containers[tabContainerId(field.key, index)] ?? []);
        const containers = { ...doc.containers };
        field.tabs.forEach((_, index) => delete containers[tabContainerId(field.key, index)]);
        const host = at?.container ?? ROOT_CONTAINER;
        const rows = containers[host] ?? [];
        const index = at?.rowIndex ?? rows.length;
        containers[host] = [...rows.slice(0, index), ...moved, ...rows.slice(index)];
        doc = { ...doc, containers };
      }
      const fields = { ...doc.fields };
      delete fields[selection.key];
      doc = { ...doc, fields, linkage: dropFromLinkage(doc.linkage, selection.key) };
      if (doc.meta.titleField === selection.key) {
        const { titleField: _dropped, ...meta } = doc.meta;
        void _dropped;
        doc = { ...doc, meta };
      }
      return commit(state, doc, { selection: null });
    }

    case 'duplicateField': {
      const { selection, copy } = action;
      if (selection.sub !== undefined) {
        const parent = subTable(state.document, selection.key);
        if (!parent || parent.fields.some((candidate) => candidate.key === copy.key)) return state;
        const index = parent.fields.findIndex((candidate) => candidate.key === selection.sub);
        if (index < 0) return state;
        const fields = [...parent.fields.slice(0, index + 1), copy, ...parent.fields.slice(index + 1)];
        return commit(state, withField(state.document, { ...parent, fields }), {
          selection: { key: parent.key, sub: copy.key },
        });
      }
      const at = findField(state.document, selection.key);
      if (!at || state.document.fields[copy.key] || copy.type === 'tabs') return state;
      const row = state.document.containers[at.container]![at.rowIndex]!;
      const ids = rowIds(state);
      const target: DropTarget =
        row.columns.length < MAX_COLUMNS_PER_ROW && !LAYOUT_ALONE.has(copy.type)
          ? { kind: 'column', container: at.container, rowId: row.id, index: at.columnIndex + 1 }
          : { kind: 'row', container: at.container, index: at.rowIndex + 1 };
      const next = attach(withField(state.document, copy), copy.key, target, ids.next);
      if (!next) return state;
      return commit(state, next, { selection: { key: copy.key }, rowSeq: ids.seq() });
    }

    case 'setMeta':
      return commit(
        state,
        { ...state.document, meta: { ...state.document.meta, ...action.meta } },
        {},
        action.tag ? `meta:${action.tag}` : undefined,
      );

    case 'setLinkage':
      return commit(
        state,
        { ...state.document, linkage: action.linkage },
        {},
        action.tag ? `linkage:${action.tag}` : undefined,
      );

    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return {
        ...state,
        document: previous,
        past: state.past.slice(0, -1),
        future: [state.document, ...state.future],
        lastTag: null,
        selection: keepSelection(previous, state.selection),
      };
    }

    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return {
        ...state,
        document: next,
        past: [...state.past, state.document],
        future: state.future.slice(1),
        lastTag: null,
        selection: keepSelection(next, state.selection),
      };
    }
  }
}

/** The selection if it still exists in `doc`. */
function keepSelection(doc: DesignerDocument, selection: Selection | null): Selection | null {
  if (!selection) return null;
  const field = doc.fields[selection.key];
  if (!field) return null;
  if (selection.sub === undefined) return selection;
  return field.type === 'sub_table' && field.fields.some((candidate) => candidate.key === selection.sub)
    ? selection
    : { key: selection.key };
}

/** The selected field definition (a sub-table column when `sub` is set). */
export function selectedField(doc: DesignerDocument, selection: Selection | null): FieldDefinition | undefined {
  if (!selection) return undefined;
  const field = doc.fields[selection.key];
  if (selection.sub === undefined || field?.type !== 'sub_table') return field;
  return field.fields.find((candidate) => candidate.key === selection.sub);
}
