/// <reference types="jest" />
import { validateFormDefinition, type FieldDefinition, type FormDefinition } from '@tessera/schema';
import { ROOT_CONTAINER, tabContainerId, toDefinition } from './designer-document';
import {
  designerReducer,
  initialDesignerState,
  selectedField,
  type DesignerAction,
  type DesignerState,
} from './designer-state';

const text = (key: string): FieldDefinition => ({ key, label: key, type: 'text' });

function start(fields: FieldDefinition[] = [text('a'), text('b'), text('c')]): DesignerState {
  return initialDesignerState({ key: 'demo', name: 'Demo', fields });
}

function run(state: DesignerState, ...actions: DesignerAction[]): DesignerState {
  return actions.reduce(designerReducer, state);
}

function rows(state: DesignerState, container = ROOT_CONTAINER): string[][] {
  return (state.document.containers[container] ?? []).map((row) => [...row.columns]);
}

describe('designer state', () => {
  it('loads a definition without layout as one row per field', () => {
    expect(rows(start())).toEqual([['a'], ['b'], ['c']]);
  });

  it('adds a field as a new row, into a row, and refuses a fifth column', () => {
    let state = run(start(), {
      type: 'addField',
      field: text('d'),
      target: { kind: 'row', container: 'root', index: 1 },
    });
    expect(rows(state)).toEqual([['a'], ['d'], ['b'], ['c']]);
    expect(state.selection).toEqual({ key: 'd' });
    const rowId = state.document.containers.root![0]!.id;
    state = run(
      state,
      { type: 'moveField', key: 'd', target: { kind: 'column', container: 'root', rowId, index: 1 } },
      { type: 'moveField', key: 'b', target: { kind: 'column', container: 'root', rowId, index: 0 } },
      { type: 'moveField', key: 'c', target: { kind: 'column', container: 'root', rowId, index: 3 } },
    );
    expect(rows(state)).toEqual([['b', 'a', 'd', 'c']]);
    state = run(state, {
      type: 'addField',
      field: text('e'),
      target: { kind: 'column', container: 'root', rowId, index: 2 },
    });
    expect(rows(state)).toEqual([['b', 'a', 'd', 'c'], ['e']]);
  });

  it('reorders rows, accounting for the row that disappears', () => {
    const state = run(start(), { type: 'moveField', key: 'a', target: { kind: 'row', container: 'root', index: 3 } });
    expect(rows(state)).toEqual([['b'], ['c'], ['a']]);
    const back = run(state, { type: 'moveField', key: 'a', target: { kind: 'row', container: 'root', index: 0 } });
    expect(rows(back)).toEqual([['a'], ['b'], ['c']]);
  });

  it('undoes and redoes, coalescing tagged keystrokes', () => {
    let state = start();
    for (const label of ['N', 'Na', 'Nam', 'Name'])
      state = run(state, {
        type: 'replaceField',
        selection: { key: 'a' },
        field: { ...text('a'), label },
        tag: 'a.label',
      });
    expect(state.past).toHaveLength(1);
    state = run(state, { type: 'removeField', selection: { key: 'b' } });
    expect(rows(state)).toEqual([['a'], ['c']]);
    state = run(state, { type: 'undo' });
    expect(rows(state)).toEqual([['a'], ['b'], ['c']]);
    state = run(state, { type: 'undo' });
    expect(state.document.fields.a!.label).toBe('a');
    expect(run(state, { type: 'undo' })).toBe(state);
    state = run(state, { type: 'redo' }, { type: 'redo' });
    expect(state.document.fields.a!.label).toBe('Name');
    expect(rows(state)).toEqual([['a'], ['c']]);
    expect(state.document).not.toBe(state.saved);
  });

  it('renames a key everywhere: layout, linkage, title field', () => {
    let state = initialDesignerState({
      key: 'demo',
      name: 'Demo',
      fields: [text('a'), text('b')],
      titleField: 'a',
      linkage: [{ when: { field: 'a', op: 'eq', value: 'x' }, show: ['a', 'b'] }],
    });
    state = run(state, { type: 'replaceField', selection: { key: 'a' }, field: text('name'), manualKey: true });
    const definition = toDefinition(state.document);
    expect(definition.fields.map((f) => f.key)).toEqual(['name', 'b']);
    expect(definition.titleField).toBe('name');
    expect(definition.linkage).toEqual([{ when: { field: 'name', op: 'eq', value: 'x' }, show: ['name', 'b'] }]);
    expect(state.manualKeys.has('name')).toBe(true);
    // a rename onto a taken key is refused
    expect(run(state, { type: 'replaceField', selection: { key: 'b' }, field: text('name') })).toBe(state);
  });

  it('duplicates next to the original and removes from linkage', () => {
    let state = run(start([text('a')]), { type: 'duplicateField', selection: { key: 'a' }, copy: text('a_2') });
    expect(rows(state)).toEqual([['a', 'a_2']]);
    state = run(
      state,
      { type: 'setLinkage', linkage: [{ when: { field: 'a', op: 'isNotEmpty' }, hide: ['a_2'] }] },
      { type: 'removeField', selection: { key: 'a_2' } },
    );
    expect(state.document.linkage[0]!.hide).toEqual([]);
  });

  it('edits sub-table columns as a nested list', () => {
    const table: FieldDefinition = { key: 'lines', label: 'Lines', type: 'sub_table', fields: [text('item')] };
    let state = run(
      start([table]),
      {
        type: 'addField',
        field: { key: 'qty', label: 'Qty', type: 'number' },
        target: { kind: 'sub', parent: 'lines', index: 1 },
      },
      { type: 'addField', field: text('note'), target: { kind: 'sub', parent: 'lines', index: 0 } },
    );
    const keys = () => {
      const field = state.document.fields.lines!;
      return field.type === 'sub_table' ? field.fields.map((f) => f.key) : [];
    };
    expect(keys()).toEqual(['note', 'item', 'qty']);
    state = run(state, { type: 'moveSubField', parent: 'lines', key: 'note', index: 3 });
    expect(keys()).toEqual(['item', 'qty', 'note']);
    expect(selectedField(state.document, state.selection)?.key).toBe('note');
    state = run(
      state,
      {
        type: 'replaceField',
        selection: { key: 'lines', sub: 'qty' },
        field: { key: 'quantity', label: 'Qty', type: 'number' },
      },
      { type: 'removeField', selection: { key: 'lines', sub: 'note' } },
      { type: 'removeField', selection: { key: 'lines', sub: 'item' } },
    );
    expect(keys()).toEqual(['quantity']);
    // the last column stays
    expect(run(state, { type: 'removeField', selection: { key: 'lines', sub: 'quantity' } })).toBe(state);
  });

  it('writes sections and tabs into a valid flat definition and reads it back', () => {
    const tabs: FieldDefinition = {
      key: 'tabs',
      label: 'Tabs',
      type: 'tabs',
      tabs: [
        { title: 'One', children: [] },
        { title: 'Two', children: [] },
      ],
    };
    let state = run(
      start([text('a')]),
      {
        type: 'addField',
        field: { key: 's1', label: 'S', type: 'section' },
        target: { kind: 'row', container: 'root', index: 0 },
      },
      { type: 'addField', field: tabs, target: { kind: 'row', container: 'root', index: 2 } },
      { type: 'addField', field: text('b'), target: { kind: 'row', container: tabContainerId('tabs', 0), index: 0 } },
      { type: 'addField', field: text('c'), target: { kind: 'row', container: tabContainerId('tabs', 1), index: 0 } },
      { type: 'addField', field: text('d'), target: { kind: 'row', container: 'root', index: 3 } },
    );
    // tabs cannot go inside tabs
    const nested: FieldDefinition = { ...tabs, key: 'tabs2' };
    expect(
      run(state, { type: 'addField', field: nested, target: { kind: 'row', container: 'tabs/0', index: 0 } }),
    ).toBe(state);

    const definition: FormDefinition = toDefinition(state.document);
    expect(definition.fields.map((f) => f.key)).toEqual(['s1', 'a', 'tabs', 'b', 'c', 'd']);
    const section = definition.fields[0]!;
    expect(section.type === 'section' && section.children).toEqual(['a']);
    const tabsField = definition.fields[2]!;
    expect(tabsField.type === 'tabs' && tabsField.tabs.map((t) => t.children)).toEqual([['b'], ['c']]);
    expect(validateFormDefinition(definition)).toEqual([]);

    const reloaded = initialDesignerState(definition);
    expect(rows(reloaded)).toEqual([['s1'], ['a'], ['tabs'], ['d']]);
    expect(rows(reloaded, 'tabs/1')).toEqual([['c']]);

    // removing the tabs keeps their fields, in place
    state = run(reloaded, { type: 'removeField', selection: { key: 'tabs' } });
    expect(rows(state)).toEqual([['s1'], ['a'], ['b'], ['c'], ['d']]);
  });
});
