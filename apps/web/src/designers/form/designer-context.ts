import type { FieldType } from '@tessera/schema';
import { createContext, useContext } from 'react';
import type { Selection } from './designer-state';

/** Which side of a card a drag hovers: above/below makes a new row, left/right joins the card's row. */
export type DropZone = 'top' | 'bottom' | 'left' | 'right';

/** Where something is dropped, relative to what is on screen (row indexes are resolved at drop time). */
export type Placement =
  | { kind: 'card'; container: string; rowId: string; columnIndex: number; zone: DropZone }
  | { kind: 'end'; container: string }
  | { kind: 'sub'; parent: string; index: number };

/** What is dropped: a new field from the palette, or a field already on the canvas. */
export type DropPayload = { kind: 'palette'; fieldType: FieldType } | { kind: 'field'; key: string };

/**
 * Stable commands for the designer's components (the object never changes identity, so memoised cards do not
 * re-render when the document changes). They read the latest state through a ref.
 */
export interface DesignerCommands {
  select(selection: Selection | null): void;
  drop(payload: DropPayload, placement: Placement): void;
  /** Adds at the end of the form (palette click). */
  appendField(fieldType: FieldType): void;
  moveSubField(parent: string, key: string, index: number): void;
  duplicate(selection: Selection): void;
  remove(selection: Selection): void;
}

export const DesignerCommandsContext = createContext<DesignerCommands | null>(null);

export function useDesignerCommands(): DesignerCommands {
  const commands = useContext(DesignerCommandsContext);
  if (!commands) throw new Error('useDesignerCommands outside the form designer');
  return commands;
}
