import { Badge, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { useDrop } from 'react-dnd';
import { KANBAN_CARD, type KanbanDragItem } from './kanban-card';

/** A column of the board: a drop target for cards coming from other columns. */
export function KanbanColumn({
  value,
  title,
  color,
  count,
  onDropCard,
  children,
}: {
  value: string | null;
  title: ReactNode;
  color?: string;
  count: number;
  onDropCard: (item: KanbanDragItem, to: string | null) => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [{ over }, drop] = useDrop<KanbanDragItem, unknown, { over: boolean }>(
    () => ({
      accept: KANBAN_CARD,
      canDrop: (item) => item.from !== value,
      drop: (item) => onDropCard(item, value),
      collect: (monitor) => ({ over: monitor.isOver() && monitor.canDrop() }),
    }),
    [value, onDropCard],
  );
  drop(ref);
  return (
    <div
      ref={ref}
      data-testid={`kanban-column-${value ?? 'none'}`}
      style={{
        width: 280,
        flexShrink: 0,
        borderRadius: 10,
        padding: 10,
        background: over ? 'rgba(22,119,255,0.08)' : 'rgba(0,0,0,0.03)',
        border: over ? '1px dashed #1677ff' : '1px solid transparent',
        transition: 'background 120ms',
        display: 'flex',
        flexDirection: 'column',
        maxHeight: 'calc(100vh - 260px)',
      }}
    >
      <Flex align="center" justify="space-between" style={{ padding: '2px 4px 10px' }}>
        <Flex align="center" gap={8}>
          <span style={{ width: 8, height: 8, borderRadius: 4, background: color ?? '#bfbfbf' }} />
          <Typography.Text strong>{title}</Typography.Text>
        </Flex>
        <Badge count={count} showZero color="rgba(0,0,0,0.25)" />
      </Flex>
      <Flex vertical gap={8} style={{ overflowY: 'auto', minHeight: 80 }}>
        {children}
      </Flex>
    </div>
  );
}
