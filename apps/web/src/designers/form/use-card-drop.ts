import { useCallback, useRef, useState, type RefObject } from 'react';
import { useDrop, type DropTargetMonitor } from 'react-dnd';
import { useDesignerCommands, type DropPayload, type DropZone, type Placement } from './designer-context';
import { DRAG, type FieldDragItem, type PaletteDragItem } from './drag-items';

type Item = PaletteDragItem | FieldDragItem;

function payloadOf(item: Item, type: string | symbol | null): DropPayload | null {
  if (type === DRAG.palette && 'fieldType' in item) return { kind: 'palette', fieldType: item.fieldType };
  if (type === DRAG.field && 'key' in item) return { kind: 'field', key: item.key };
  return null;
}

function zoneOf(monitor: DropTargetMonitor, element: HTMLElement, verticalOnly: boolean): DropZone {
  const offset = monitor.getClientOffset();
  const rect = element.getBoundingClientRect();
  if (!offset || rect.height === 0) return 'bottom';
  const y = (offset.y - rect.top) / rect.height;
  const x = (offset.x - rect.left) / rect.width;
  if (verticalOnly) return y < 0.5 ? 'top' : 'bottom';
  // tall cards (sub-tables, tabs) keep a fixed 24 px band for the new-row zones
  const band = Math.min(0.25, 24 / rect.height);
  if (y < band) return 'top';
  if (y > 1 - band) return 'bottom';
  return x < 0.5 ? 'left' : 'right';
}

/**
 * Makes a canvas card a drop target: the hovered side (shown as a line) decides whether the dropped field joins
 * the card's row or starts a new row above/below. Only the innermost card under the pointer reacts.
 */
export function useCardDrop(options: {
  ref: RefObject<HTMLDivElement | null>;
  fieldKey: string;
  container: string;
  rowId: string;
  columnIndex: number;
  /** Layout cards (section, divider, tabs) stand alone: only above/below. */
  verticalOnly: boolean;
}): DropZone | null {
  const commands = useDesignerCommands();
  const [zone, setZone] = useState<DropZone | null>(null);
  const latest = useRef(options);
  latest.current = options;

  const hover = useCallback((item: Item, monitor: DropTargetMonitor) => {
    const { ref, verticalOnly, fieldKey } = latest.current;
    if (!ref.current || !monitor.isOver({ shallow: true })) return;
    if ('key' in item && item.key === fieldKey) return setZone(null);
    const next = zoneOf(monitor, ref.current, verticalOnly);
    setZone((current) => (current === next ? current : next));
  }, []);

  const [{ isOver }, connect] = useDrop<Item, void, { isOver: boolean }>(
    () => ({
      accept: [DRAG.palette, DRAG.field],
      hover,
      drop: (item, monitor) => {
        const { ref: element, container, rowId, columnIndex, verticalOnly, fieldKey } = latest.current;
        const payload = payloadOf(item, monitor.getItemType());
        if (monitor.didDrop() || !element.current) return;
        if (!payload || (payload.kind === 'field' && payload.key === fieldKey)) return;
        const placement: Placement = {
          kind: 'card',
          container,
          rowId,
          columnIndex,
          zone: zoneOf(monitor, element.current, verticalOnly),
        };
        commands.drop(payload, placement);
      },
      collect: (monitor) => ({ isOver: monitor.isOver({ shallow: true }) }),
    }),
    [commands, hover],
  );
  connect(options.ref);
  return isOver ? zone : null;
}
