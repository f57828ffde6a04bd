import { SearchOutlined } from '@ant-design/icons';
import type { FieldType } from '@tessera/schema';
import { Empty, Input, Typography } from 'antd';
import { memo, useMemo, useRef, useState } from 'react';
import { useDrag } from 'react-dnd';
import { useTranslation } from 'react-i18next';
import { useDesignerCommands } from './designer-context';
import { DRAG, type PaletteDragItem } from './drag-items';
import { fieldTypesByGroup, PALETTE_GROUPS } from './field-type-groups';
import { FieldTypeIcon } from './field-type-icon';

function PaletteItem({ type }: { type: FieldType }) {
  const { t } = useTranslation();
  const commands = useDesignerCommands();
  const ref = useRef<HTMLDivElement>(null);
  const [, connect] = useDrag<PaletteDragItem>(() => ({ type: DRAG.palette, item: { fieldType: type } }), [type]);
  connect(ref);
  const name = t(`designer.fieldTypes.${type}`);
  return (
    <div
      ref={ref}
      className="fd-palette-item"
      role="button"
      tabIndex={0}
      data-testid={`palette-item-${type}`}
      title={name}
      onClick={() => commands.appendField(type)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          commands.appendField(type);
        }
      }}
    >
      <FieldTypeIcon type={type} />
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
    </div>
  );
}

/** The left pane: every field type, grouped, searchable in both languages; drag or click to add. */
export const FieldPalette = memo(function FieldPalette() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => fieldTypesByGroup(), []);
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return undefined;
    const zh = i18n.getFixedT('zh-CN');
    const en = i18n.getFixedT('en-US');
    return new Set(
      [...groups.values()]
        .flat()
        .filter((type) =>
          [type, zh(`designer.fieldTypes.${type}`), en(`designer.fieldTypes.${type}`)].some((text) =>
            text.toLowerCase().includes(needle),
          ),
        ),
    );
  }, [query, groups, i18n]);

  const visible = PALETTE_GROUPS.map((group) => ({
    group,
    types: (groups.get(group) ?? []).filter((type) => !matches || matches.has(type)),
  })).filter(({ types }) => types.length > 0);

  return (
    <aside className="fd-palette" data-testid="field-palette" aria-label={t('designer.palette.title')}>
      <Typography.Text strong style={{ display: 'block', margin: '0 4px 8px' }}>
        {t('designer.palette.title')}
      </Typography.Text>
      <Input
        allowClear
        size="small"
        prefix={<SearchOutlined />}
        placeholder={t('designer.palette.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="palette-search"
      />
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '8px 4px 0' }}>
        {t('designer.palette.hint')}
      </Typography.Text>
      {visible.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.palette.noMatch')} />
      )}
      {visible.map(({ group, types }) => (
        <section key={group}>
          <div className="fd-palette-group-title">{t(`designer.palette.groups.${group}`)}</div>
          <div className="fd-palette-grid">
            {types.map((type) => (
              <PaletteItem key={type} type={type} />
            ))}
          </div>
        </section>
      ))}
    </aside>
  );
});
