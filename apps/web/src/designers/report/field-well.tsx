import { Typography } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useDrop } from 'react-dnd';
import { FIELD_DRAG, type FieldDragItem } from './drag-types';

export interface FieldWellProps {
  title: string;
  icon: ReactNode;
  hint: string;
  testId: string;
  accepts: (ref: string) => boolean;
  onDropField: (ref: string) => void;
  children?: ReactNode;
}

/** A drop zone of the report designer (Dimensions, Measures, Filters) holding the dropped fields as pills. */
export function FieldWell({ title, icon, hint, testId, accepts, onDropField, children }: FieldWellProps) {
  const node = useRef<HTMLDivElement>(null);
  const [{ over, canDrop }, connect] = useDrop<FieldDragItem, unknown, { over: boolean; canDrop: boolean }>(
    () => ({
      accept: FIELD_DRAG,
      canDrop: (item) => accepts(item.ref),
      drop: (item) => onDropField(item.ref),
      collect: (m) => ({ over: m.isOver() && m.canDrop(), canDrop: m.canDrop() }),
    }),
    [accepts, onDropField],
  );
  connect(node);
  const empty = !children || (Array.isArray(children) && children.length === 0);
  return (
    <div
      ref={node}
      className={`rd-well${over ? ' rd-well-over' : canDrop ? ' rd-well-can-drop' : ''}`}
      data-testid={testId}
    >
      <div className="rd-well-title">
        {icon}
        <span>{title}</span>
      </div>
      <div className="rd-well-body">
        {empty ? (
          <Typography.Text type="secondary" className="rd-well-hint">
            {hint}
          </Typography.Text>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
