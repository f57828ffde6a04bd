import { ExclamationCircleFilled } from '@ant-design/icons';
import type { MetadataIssue, SubTableField } from '@tessera/schema';
import { memo, useCallback, useRef, useState } from 'react';
import { useDrag, useDrop, type DropTargetMonitor } from 'react-dnd';
import { useTranslation } from 'react-i18next';
import { useDesignerCommands } from './designer-context';
import { issueKey } from './designer-issues';
import { DRAG, type PaletteDragItem, type SubFieldDragItem } from './drag-items';
import { FieldTypeIcon } from './field-type-icon';
import { NOT_IN_SUB_TABLE } from './field-type-groups';
import { useLocalized } from './use-localized';

type Item = PaletteDragItem | SubFieldDragItem;

function canTake(parent: string, item: Item, type: string | symbol | null): boolean {
  if (type === DRAG.palette && 'fieldType' in item) return !NOT_IN_SUB_TABLE.has(item.fieldType);
  return type === DRAG.subField && 'parent' in item && item.parent === parent;
}

/** Drop handling shared by the columns and the end zone of a sub-table strip. */
function useSubDrop(parent: string, index: () => number, hover?: (monitor: DropTargetMonitor<Item>) => void) {
  const commands = useDesignerCommands();
  return useDrop<Item, void, { isOver: boolean }>(
    () => ({
      accept: [DRAG.palette, DRAG.subField],
      hover: (_, monitor) => hover?.(monitor),
      canDrop: (item, monitor) => canTake(parent, item, monitor.getItemType()),
      drop: (item, monitor) => {
        if (monitor.didDrop()) return;
        const at = index();
        if ('fieldType' in item)
          commands.drop({ kind: 'palette', fieldType: item.fieldType }, { kind: 'sub', parent, index: at });
        else commands.moveSubField(parent, item.key, at);
      },
      collect: (monitor) => ({ isOver: monitor.isOver({ shallow: true }) && monitor.canDrop() }),
    }),
    [parent, commands, index, hover],
  );
}

function SubColumn(props: {
  parent: string;
  column: SubTableField['fields'][number];
  index: number;
  selected: boolean;
  issues: readonly MetadataIssue[] | undefined;
}) {
  const { parent, column, index, selected, issues } = props;
  const localized = useLocalized();
  const commands = useDesignerCommands();
  const ref = useRef<HTMLDivElement>(null);
  const [side, setSide] = useState<'left' | 'right'>('left');
  const [, connectDrag] = useDrag<SubFieldDragItem>(
    () => ({ type: DRAG.subField, item: { parent, key: column.key } }),
    [parent, column.key],
  );
  const sideRef = useRef(side);
  sideRef.current = side;
  const indexRef = useRef(index);
  indexRef.current = index;
  const dropIndex = useCallback(() => (sideRef.current === 'left' ? indexRef.current : indexRef.current + 1), []);
  const hover = useCallback((monitor: DropTargetMonitor<Item>) => {
    const offset = monitor.getClientOffset();
    const rect = ref.current?.getBoundingClientRect();
    if (!offset || !rect) return;
    const next = offset.x - rect.left < rect.width / 2 ? 'left' : 'right';
    setSide((current) => (current === next ? current : next));
  }, []);
  const [{ isOver }, connectDrop] = useSubDrop(parent, dropIndex, hover);
  connectDrag(ref);
  connectDrop(ref);

  return (
    <div
      ref={ref}
      className={`fd-sub-column${selected ? ' is-selected' : ''}${issues?.length ? ' has-issues' : ''}`}
      data-testid={`sub-column-${parent}-${column.key}`}
      onClick={(event) => {
        event.stopPropagation();
        commands.select({ key: parent, sub: column.key });
      }}
    >
      {isOver && <div className={`fd-drop-line ${side}`} />}
      <div style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 500 }}>
        {column.required && <span className="fd-required">*</span>}
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {localized(column.label)}
        </span>
        {issues?.length ? <ExclamationCircleFilled style={{ color: '#ff4d4f' }} /> : null}
      </div>
      <div style={{ color: 'rgba(0,0,0,0.4)', display: 'flex', gap: 4, marginTop: 2 }}>
        <FieldTypeIcon type={column.type} />
        <span>{column.key}</span>
      </div>
    </div>
  );
}

/** The nested canvas of a sub-table: its columns left to right; drop fields in to add columns. */
export const SubTableColumns = memo(function SubTableColumns(props: {
  field: SubTableField;
  selectedSub: string | undefined;
  issues: ReadonlyMap<string, readonly MetadataIssue[]> | undefined;
}) {
  const { field, selectedSub, issues } = props;
  const { t } = useTranslation();
  const countRef = useRef(field.fields.length);
  countRef.current = field.fields.length;
  const endIndex = useCallback(() => countRef.current, []);
  const [{ isOver }, connectEnd] = useSubDrop(field.key, endIndex);
  const endRef = useRef<HTMLDivElement>(null);
  connectEnd(endRef);
  return (
    <div className="fd-sub-strip" data-testid={`sub-table-${field.key}`}>
      {field.fields.map((column, index) => (
        <SubColumn
          key={column.key}
          parent={field.key}
          column={column}
          index={index}
          selected={selectedSub === column.key}
          issues={issues?.get(issueKey(field.key, column.key))}
        />
      ))}
      <div ref={endRef} className={`fd-sub-drop${isOver ? ' is-over' : ''}`} data-testid={`sub-drop-${field.key}`}>
        {t('designer.canvas.subTableDrop')}
      </div>
    </div>
  );
});
