import { useRef } from 'react';
import { useDrop } from 'react-dnd';
import { useTranslation } from 'react-i18next';
import { useDesignerCommands } from './designer-context';
import { DRAG, type FieldDragItem, type PaletteDragItem } from './drag-items';

/** The zone at the end of a container (the form, or one tab): drop to add a row at the end. */
export function CanvasDropEnd({ container, empty, testId }: { container: string; empty?: boolean; testId: string }) {
  const { t } = useTranslation();
  const commands = useDesignerCommands();
  const ref = useRef<HTMLDivElement>(null);
  const [{ isOver }, connect] = useDrop<PaletteDragItem | FieldDragItem, void, { isOver: boolean }>(
    () => ({
      accept: [DRAG.palette, DRAG.field],
      drop: (item, monitor) => {
        if (monitor.didDrop()) return;
        if ('fieldType' in item)
          commands.drop({ kind: 'palette', fieldType: item.fieldType }, { kind: 'end', container });
        else commands.drop({ kind: 'field', key: item.key }, { kind: 'end', container });
      },
      collect: (monitor) => ({ isOver: monitor.isOver({ shallow: true }) }),
    }),
    [commands, container],
  );
  connect(ref);
  if (empty) {
    return (
      <div ref={ref} className={`fd-empty${isOver ? ' is-over' : ''}`} data-testid={testId}>
        <div style={{ fontSize: 15, marginBottom: 6 }}>{t('designer.canvas.emptyTitle')}</div>
        <div style={{ fontSize: 12 }}>{t('designer.canvas.emptyHint')}</div>
      </div>
    );
  }
  return (
    <div ref={ref} className={`fd-drop-end${isOver ? ' is-over' : ''}`} data-testid={testId}>
      {container === 'root' ? t('designer.canvas.dropEnd') : t('designer.canvas.tabEmpty')}
    </div>
  );
}
