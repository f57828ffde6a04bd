import { useEffect, useRef, type Dispatch } from 'react';
import type { DesignerCommands } from './designer-context';
import type { DesignerAction, Selection } from './designer-state';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Designer shortcuts: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, Ctrl/⌘+S save, Ctrl/⌘+D duplicate,
 * Delete/Backspace remove, Escape deselect. Inside a text input only Ctrl+S is taken (the input keeps its own undo).
 */
export function useDesignerKeyboard(options: {
  dispatch: Dispatch<DesignerAction>;
  commands: DesignerCommands;
  selection: Selection | null;
  save: () => void;
}): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { dispatch, commands, selection, save } = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        save();
        return;
      }
      if (isEditable(event.target)) return;
      if (mod && key === 'z') {
        event.preventDefault();
        dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
      } else if (mod && key === 'y') {
        event.preventDefault();
        dispatch({ type: 'redo' });
      } else if (mod && key === 'd' && selection) {
        event.preventDefault();
        commands.duplicate(selection);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selection) {
        event.preventDefault();
        commands.remove(selection);
      } else if (event.key === 'Escape') {
        commands.select(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
