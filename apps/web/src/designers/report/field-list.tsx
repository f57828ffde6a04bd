import { NumberOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Typography } from 'antd';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useDrag } from 'react-dnd';
import { useTranslation } from 'react-i18next';
import { FIELD_DRAG, RECORD_COUNT_REF, type FieldDragItem } from './drag-types';
import { FieldTypeIcon } from './field-type-icon';
import type { SourceField } from './source-fields';

function FieldItem({ fieldRef, label, icon }: { fieldRef: string; label: string; icon: ReactNode }) {
  const node = useRef<HTMLDivElement>(null);
  const [{ dragging }, connect] = useDrag<FieldDragItem, unknown, { dragging: boolean }>(
    () => ({ type: FIELD_DRAG, item: { ref: fieldRef }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [fieldRef],
  );
  connect(node);
  return (
    <div
      ref={node}
      className="rd-field"
      style={{ opacity: dragging ? 0.4 : 1 }}
      data-testid={`report-field-${fieldRef}`}
      title={label}
    >
      <span className="rd-field-icon">{icon}</span>
      <span className="rd-field-label">{label}</span>
    </div>
  );
}

/** The left pane: the source form's fields and its related forms' fields, searchable, to drag into the wells. */
export function FieldList({ fields }: { fields: readonly SourceField[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const map = new Map<string, SourceField[]>();
    for (const f of fields) {
      if (needle && !f.label.toLowerCase().includes(needle) && !f.ref.includes(needle)) continue;
      map.set(f.group, [...(map.get(f.group) ?? []), f]);
    }
    return [...map];
  }, [fields, query]);
  return (
    <div className="rd-fields" data-testid="report-field-list">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('reports.designer.searchFields')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <Typography.Text type="secondary" className="rd-pane-hint">
        {t('reports.designer.dragHint')}
      </Typography.Text>
      <FieldItem fieldRef={RECORD_COUNT_REF} label={t('reports.designer.recordCount')} icon={<NumberOutlined />} />
      {groups.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.designer.noFields')} />
      )}
      {groups.map(([group, list]) => (
        <div key={group}>
          <div className="rd-group-title">{group}</div>
          {list.map((f) => (
            <FieldItem key={f.ref} fieldRef={f.ref} label={f.label} icon={<FieldTypeIcon field={f} />} />
          ))}
        </div>
      ))}
    </div>
  );
}
