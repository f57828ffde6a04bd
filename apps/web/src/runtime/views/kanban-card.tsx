import { Card, Flex, Typography } from 'antd';
import type { FieldDefinition, FormDefinition, Locale } from '@tessera/schema';
import { useRef } from 'react';
import { useDrag } from 'react-dnd';
import { useNavigate } from 'react-router';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { FieldValue } from '../../shared/widgets/fields/field-value';
import { recordTitle } from '../../shared/widgets/fields/record-title';

export const KANBAN_CARD = 'kanban-card';

export interface KanbanDragItem {
  id: string;
  from: string | null;
}

/** One record on the board: its title and a few fields; drag it to another column. */
export function KanbanCard({
  record,
  definition,
  groupValue,
  detailFields,
  locale,
  formKey,
}: {
  record: RecordItem;
  definition: FormDefinition;
  groupValue: string | null;
  detailFields: FieldDefinition[];
  locale: Locale;
  formKey: string;
}) {
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  const [{ dragging }, drag] = useDrag<KanbanDragItem, unknown, { dragging: boolean }>(
    () => ({
      type: KANBAN_CARD,
      item: { id: record.id, from: groupValue },
      collect: (monitor) => ({ dragging: monitor.isDragging() }),
    }),
    [record.id, groupValue],
  );
  drag(ref);
  return (
    <div ref={ref} data-testid={`kanban-card-${record.id}`} style={{ opacity: dragging ? 0.4 : 1, cursor: 'grab' }}>
      <Card size="small" hoverable onClick={() => void navigate(`/forms/${formKey}/records/${record.id}`)}>
        <Typography.Text strong ellipsis style={{ display: 'block', marginBottom: detailFields.length ? 6 : 0 }}>
          {recordTitle(record, definition, locale)}
        </Typography.Text>
        <Flex vertical gap={2}>
          {detailFields.map((f) => (
            <Flex key={f.key} gap={6} style={{ fontSize: 12, minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
                {fieldLabel(f, locale)}
              </Typography.Text>
              <div style={{ minWidth: 0, overflow: 'hidden' }}>
                <FieldValue
                  field={f}
                  value={record.values[f.key]}
                  display={record.display[f.key]}
                  locale={locale}
                  compact
                />
              </div>
            </Flex>
          ))}
        </Flex>
      </Card>
    </div>
  );
}
