import { useMemo, useRef, type Dispatch } from 'react';
import type { DesignerCommands, Placement } from './designer-context';
import { ROOT_CONTAINER } from './designer-document';
import { selectedField, type DesignerAction, type DesignerState, type DropTarget } from './designer-state';
import { createField, duplicateOf } from './new-field';
import { newFieldTexts } from './new-field-texts';

/** Resolves an on-screen placement to a reducer drop target, with the row indexes of the current document. */
export function resolvePlacement(state: DesignerState, placement: Placement): DropTarget | undefined {
  if (placement.kind === 'sub') return { kind: 'sub', parent: placement.parent, index: placement.index };
  const rows = state.document.containers[placement.container];
  if (!rows) return undefined;
  if (placement.kind === 'end') return { kind: 'row', container: placement.container, index: rows.length };
  const rowIndex = rows.findIndex((row) => row.id === placement.rowId);
  if (rowIndex < 0) return undefined;
  switch (placement.zone) {
    case 'top':
      return { kind: 'row', container: placement.container, index: rowIndex };
    case 'bottom':
      return { kind: 'row', container: placement.container, index: rowIndex + 1 };
    case 'left':
      return { kind: 'column', container: placement.container, rowId: placement.rowId, index: placement.columnIndex };
    case 'right':
      return {
        kind: 'column',
        container: placement.container,
        rowId: placement.rowId,
        index: placement.columnIndex + 1,
      };
  }
}

/** Keys a new field must avoid: the form's keys, or the columns of a sub-table. */
function takenKeys(state: DesignerState, subTableKey?: string): Set<string> {
  if (subTableKey === undefined) return new Set(Object.keys(state.document.fields));
  const parent = state.document.fields[subTableKey];
  return new Set(parent?.type === 'sub_table' ? parent.fields.map((field) => field.key) : []);
}

/** The stable command object of the designer (see DesignerCommands), bound to the reducer. */
export function useDesignerCommandObject(state: DesignerState, dispatch: Dispatch<DesignerAction>): DesignerCommands {
  const latest = useRef(state);
  latest.current = state;
  return useMemo<DesignerCommands>(() => {
    const drop: DesignerCommands['drop'] = (payload, placement) => {
      const current = latest.current;
      const target = resolvePlacement(current, placement);
      if (!target) return;
      if (payload.kind === 'field') {
        dispatch({ type: 'moveField', key: payload.key, target });
        return;
      }
      const taken = takenKeys(current, target.kind === 'sub' ? target.parent : undefined);
      dispatch({ type: 'addField', field: createField(payload.fieldType, newFieldTexts, taken), target });
    };
    return {
      select: (selection) => dispatch({ type: 'select', selection }),
      drop,
      appendField: (fieldType) => drop({ kind: 'palette', fieldType }, { kind: 'end', container: ROOT_CONTAINER }),
      moveSubField: (parent, key, index) => dispatch({ type: 'moveSubField', parent, key, index }),
      duplicate: (selection) => {
        const current = latest.current;
        const field = selectedField(current.document, selection);
        if (!field) return;
        const copy = duplicateOf(field, takenKeys(current, selection.sub === undefined ? undefined : selection.key));
        dispatch({ type: 'duplicateField', selection, copy });
      },
      remove: (selection) => dispatch({ type: 'removeField', selection }),
    };
  }, [dispatch]);
}
