import { CopyOutlined, DeleteOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import type { FieldDefinition, MetadataIssue } from '@tessera/schema';
import { Button, Tooltip } from 'antd';
import { memo, useRef, type MouseEvent, type ReactNode } from 'react';
import { useDrag } from 'react-dnd';
import { useTranslation } from 'react-i18next';
import { useDesignerCommands } from './designer-context';
import { DRAG, type FieldDragItem } from './drag-items';
import { FieldCardPreview } from './field-card-preview';
import { FieldTypeIcon } from './field-type-icon';
import { LAYOUT_TYPES } from './field-type-groups';
import { SubTableColumns } from './sub-table-columns';
import { useCardDrop } from './use-card-drop';
import { useLocalized } from './use-localized';

export interface FieldCardProps {
  field: FieldDefinition;
  container: string;
  rowId: string;
  columnIndex: number;
  span: number;
  selected: boolean;
  /** The selected column when the field is a sub-table. */
  selectedSub?: string | undefined;
  issues?: readonly MetadataIssue[] | undefined;
  /** Issues by `subTable.column` (sub-table cards only). */
  issuesByField?: ReadonlyMap<string, readonly MetadataIssue[]> | undefined;
  /** Body of a container card (the rows of a tabs field). */
  body?: ReactNode;
}

function stop(event: MouseEvent) {
  event.stopPropagation();
}

/** One field on the canvas: drag to move, click to select, drop targets on its four sides. */
export const FieldCard = memo(function FieldCard(props: FieldCardProps) {
  const { field, container, rowId, columnIndex, span, selected, selectedSub, issues, issuesByField, body } = props;
  const { t } = useTranslation();
  const localized = useLocalized();
  const commands = useDesignerCommands();
  const ref = useRef<HTMLDivElement>(null);

  const [{ isDragging }, connectDrag] = useDrag<FieldDragItem, void, { isDragging: boolean }>(
    () => ({
      type: DRAG.field,
      item: { key: field.key },
      collect: (monitor) => ({ isDragging: monitor.isDragging() }),
    }),
    [field.key],
  );
  const zone = useCardDrop({
    ref,
    fieldKey: field.key,
    container,
    rowId,
    columnIndex,
    verticalOnly: LAYOUT_TYPES.has(field.type),
  });
  connectDrag(ref);

  const issueCount = issues?.length ?? 0;
  const className = [
    'fd-card',
    selected && selectedSub === undefined ? 'is-selected' : '',
    issueCount > 0 ? 'has-issues' : '',
    isDragging ? 'is-dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const label = localized(field.label);

  return (
    <div
      ref={ref}
      className={className}
      style={{ gridColumn: `span ${span}` }}
      data-testid={`canvas-field-${field.key}`}
      data-field-type={field.type}
      onClick={(event) => {
        event.stopPropagation();
        commands.select({ key: field.key });
      }}
    >
      {zone && <div className={`fd-drop-line ${zone}`} />}
      {selected && selectedSub === undefined && (
        <div className="fd-card-actions" onClick={stop}>
          {field.type !== 'tabs' && (
            <Tooltip title={t('designer.canvas.duplicate')}>
              <Button
                size="small"
                shape="circle"
                icon={<CopyOutlined />}
                data-testid="canvas-duplicate"
                aria-label={t('designer.canvas.duplicate')}
                onClick={() => commands.duplicate({ key: field.key })}
              />
            </Tooltip>
          )}
          <Tooltip title={t('designer.canvas.remove')}>
            <Button
              size="small"
              shape="circle"
              danger
              icon={<DeleteOutlined />}
              data-testid="canvas-remove"
              aria-label={t('designer.canvas.remove')}
              onClick={() => commands.remove({ key: field.key })}
            />
          </Tooltip>
        </div>
      )}
      {field.type === 'section' ? (
        <div className="fd-section">
          <FieldTypeIcon type={field.type} />
          {localized(field.title) || label}
        </div>
      ) : field.type === 'divider' ? (
        <div className="fd-divider">{field.title ? <span>{localized(field.title)}</span> : null}</div>
      ) : (
        <>
          <div className="fd-card-label">
            {field.required && <span className="fd-required">*</span>}
            <span className="fd-card-label-text">{label}</span>
            <span className="fd-card-meta">
              {issueCount > 0 && (
                <Tooltip title={issues?.map((issue) => issue.message).join('\n')}>
                  <ExclamationCircleFilled style={{ color: '#ff4d4f' }} data-testid="field-issue-marker" />
                </Tooltip>
              )}
              {field.hidden && <span>{t('designer.canvas.hidden')}</span>}
              <FieldTypeIcon type={field.type} />
              <span>{field.key}</span>
            </span>
          </div>
          {field.type === 'sub_table' ? (
            <SubTableColumns field={field} selectedSub={selected ? selectedSub : undefined} issues={issuesByField} />
          ) : field.type === 'tabs' ? (
            body
          ) : (
            <FieldCardPreview field={field} />
          )}
        </>
      )}
    </div>
  );
});
