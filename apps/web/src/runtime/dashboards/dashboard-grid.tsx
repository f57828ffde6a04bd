import type { DashboardItem } from '@tessera/schema';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useDrop } from 'react-dnd';
import {
  boxPixels,
  clampBox,
  DEFAULT_SIZE,
  GRID_COLUMNS,
  GRID_GAP,
  gridRows,
  placeItem,
  ROW_HEIGHT,
  unitsPerPixel,
  type GridBox,
} from './grid-layout';
import { REPORT_DRAG, type ReportDragItem } from './report-drag';

/** Below this width the dashboard stacks its charts in one column (phones, narrow windows). */
const STACK_BELOW = 720;

export interface GridItemChrome {
  /** Pixel height of the item's box. */
  height: number;
  /** Spread on the element that moves the item (the card header) in edit mode. */
  onHandlePointerDown?: (event: PointerEvent<HTMLElement>) => void;
}

interface Interaction {
  key: string;
  mode: 'move' | 'resize';
  startX: number;
  startY: number;
  origin: GridBox;
  box: GridBox;
}

export interface DashboardGridProps {
  items: readonly DashboardItem[];
  editing: boolean;
  renderItem: (item: DashboardItem, chrome: GridItemChrome) => ReactNode;
  onLayoutChange: (items: DashboardItem[]) => void;
  onDropReport: (reportKey: string, at: { x: number; y: number }) => void;
  empty?: ReactNode;
}

/**
 * The responsive 24-column dashboard grid. In edit mode an item moves by its header and resizes by its
 * bottom-right corner (pointer events, snapped to the grid; the others flow up around it), and saved reports
 * dragged from the palette (react-dnd) drop where the pointer is.
 */
export function DashboardGrid({ items, editing, renderItem, onLayoutChange, onDropReport, empty }: DashboardGridProps) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [active, setActive] = useState<Interaction | null>(null);
  const activeRef = useRef<Interaction | null>(null);
  activeRef.current = active;

  useLayoutEffect(() => {
    const node = container.current;
    if (!node) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(node);
    setWidth(node.getBoundingClientRect().width);
    return () => observer.disconnect();
  }, []);

  const stacked = width > 0 && width < STACK_BELOW;
  const canEdit = editing && !stacked;

  const [{ over }, connectDrop] = useDrop<ReportDragItem, unknown, { over: boolean }>(
    () => ({
      accept: REPORT_DRAG,
      drop: (item, monitor) => {
        const offset = monitor.getClientOffset();
        const rect = container.current?.getBoundingClientRect();
        if (!offset || !rect || !width) return onDropReport(item.reportKey, { x: 0, y: gridRows(items) });
        const units = unitsPerPixel(width);
        // a dropped chart snaps to the left or the right half, then floats up
        const x = Math.round(((offset.x - rect.left) * units.x - DEFAULT_SIZE.w / 2) / DEFAULT_SIZE.w) * DEFAULT_SIZE.w;
        const y = Math.floor((offset.y - rect.top) * units.y);
        const box = clampBox({ x, y, ...DEFAULT_SIZE });
        onDropReport(item.reportKey, { x: box.x, y: box.y });
      },
      collect: (m) => ({ over: m.isOver() }),
    }),
    [width, items, onDropReport],
  );
  connectDrop(container);

  useEffect(() => {
    if (!active) return;
    const units = unitsPerPixel(width);
    const move = (e: globalThis.PointerEvent) => {
      const current = activeRef.current;
      if (!current) return;
      const dx = (e.clientX - current.startX) * units.x;
      const dy = (e.clientY - current.startY) * units.y;
      const o = current.origin;
      const box =
        current.mode === 'move'
          ? clampBox({ ...o, x: o.x + dx, y: o.y + dy })
          : clampBox({ ...o, w: Math.min(o.w + dx, GRID_COLUMNS - o.x), h: o.h + dy });
      if (box.x !== current.box.x || box.y !== current.box.y || box.w !== current.box.w || box.h !== current.box.h)
        setActive({ ...current, box });
    };
    const up = () => {
      const current = activeRef.current;
      setActive(null);
      if (!current) return;
      const item = items.find((i) => i.reportKey === current.key);
      const changed = item && (['x', 'y', 'w', 'h'] as const).some((k) => item[k] !== current.box[k]);
      if (item && changed) onLayoutChange(placeItem(items, { ...item, ...current.box }));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up, { once: true });
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    // re-bound only when an interaction starts or ends (the pointer position is read from the ref)
  }, [active === null, width, items, onLayoutChange]);

  const begin = useCallback((item: DashboardItem, mode: Interaction['mode'], event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    if ((event.target as HTMLElement).closest('button, a, input, .ant-dropdown-trigger')) return;
    event.preventDefault();
    const origin = { x: item.x, y: item.y, w: item.w, h: item.h };
    setActive({ key: item.reportKey, mode, startX: event.clientX, startY: event.clientY, origin, box: origin });
  }, []);

  // while dragging, the others already flow around the box under the pointer
  const shown: DashboardItem[] = active
    ? placeItem(items, { ...(items.find((i) => i.reportKey === active.key) as DashboardItem), ...active.box })
    : [...items];
  const ordered = stacked ? [...shown].sort((a, b) => a.y - b.y || a.x - b.x) : shown;
  let stackTop = 0;
  const boxes = ordered.map((item) => {
    if (!stacked) return { item, px: boxPixels(item, width) };
    const height = item.h * ROW_HEIGHT + (item.h - 1) * GRID_GAP;
    const px = { left: 0, top: stackTop, width, height };
    stackTop += height + GRID_GAP;
    return { item, px };
  });
  const height = stacked
    ? Math.max(0, stackTop - GRID_GAP)
    : Math.max(0, gridRows(shown) * (ROW_HEIGHT + GRID_GAP) - GRID_GAP);
  const minHeight = canEdit ? Math.max(height + ROW_HEIGHT * 4, 360) : height;

  return (
    <div
      ref={container}
      className={`db-grid${canEdit ? ' db-grid-editing' : ''}${over ? ' db-grid-over' : ''}`}
      style={{ height: minHeight }}
      data-testid="dashboard-grid"
    >
      {items.length === 0 && empty}
      {width > 0 &&
        boxes.map(({ item, px }) => {
          const isActive = active?.key === item.reportKey;
          return (
            <div
              key={item.reportKey}
              className={`db-grid-item${isActive ? ' db-grid-item-active' : ''}`}
              style={{ left: px.left, top: px.top, width: px.width, height: px.height }}
              data-testid={`dashboard-item-${item.reportKey}`}
            >
              {renderItem(item, {
                height: px.height,
                onHandlePointerDown: canEdit ? (e) => begin(item, 'move', e) : undefined,
              })}
              {canEdit && (
                <div
                  className="db-grid-resize"
                  onPointerDown={(e) => begin(item, 'resize', e)}
                  data-testid={`dashboard-resize-${item.reportKey}`}
                />
              )}
            </div>
          );
        })}
    </div>
  );
}
