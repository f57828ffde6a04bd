import { App, Empty, Flex, Select, Spin, Typography } from 'antd';
import { localizedText, type FieldDefinition, type SingleChoiceField } from '@tessera/schema';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useTranslation } from 'react-i18next';
import { apiClient, callApi } from '../../shared/api/api-client';
import { isApiProblem } from '../../shared/api/api-problem';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { titleFieldOf } from '../../shared/widgets/fields/record-title';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';
import { problemMessage } from '../shared/problem-message';
import type { FormRuntime } from '../shared/use-form-runtime';
import { KanbanCard, type KanbanDragItem } from './kanban-card';
import { KanbanColumn } from './kanban-column';
import { useRecordQuery } from './use-record-query';
import type { ViewSnapshot } from './use-saved-views';

const BOARD_LIMIT = 500;
const PRESET_COLORS: Record<string, string> = {
  blue: '#1677ff',
  green: '#52c41a',
  red: '#ff4d4f',
  orange: '#fa8c16',
  gold: '#faad14',
  purple: '#722ed1',
  cyan: '#13c2c2',
  magenta: '#eb2f96',
  volcano: '#fa541c',
  lime: '#a0d911',
  geekblue: '#2f54eb',
};

const isSingleChoice = (f: FieldDefinition): f is SingleChoiceField => f.type === 'select' || f.type === 'radio';

/**
 * Kanban view: records grouped by a single-select field; dropping a card PATCHes the field (with the version).
 * `initial` (a saved view) gives the group field and a filter; `onStateChange` reports what a saved view stores.
 */
export function KanbanBoard({
  runtime,
  initial,
  onStateChange,
  toolbar,
}: {
  runtime: FormRuntime;
  initial?: ViewSnapshot;
  onStateChange?: (state: ViewSnapshot) => void;
  toolbar?: ReactNode;
}) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { message } = App.useApp();
  const { form, definition } = runtime;
  const groupFields = definition.fields.filter(isSingleChoice);
  const storageKey = `tessera.kanban.${form.key}`;
  const [groupKey, setGroupKey] = useState<string | undefined>(
    () =>
      groupFields.find((f) => f.key === (initial?.groupBy ?? window.localStorage.getItem(storageKey)))?.key ??
      groupFields[0]?.key,
  );
  useEffect(() => {
    onStateChange?.({ groupBy: groupKey, filter: initial?.filter, sort: initial?.sort, search: initial?.search });
  }, [onStateChange, groupKey, initial]);
  const groupField = groupFields.find((f) => f.key === groupKey);
  const query = useRecordQuery(form.key, {
    filter: initial?.filter,
    search: initial?.search,
    limit: BOARD_LIMIT,
    offset: 0,
    sort: [initial?.sort ?? { field: 'updated_at', direction: 'desc' }],
  });
  const [moved, setMoved] = useState<Record<string, string | null>>({});

  const title = titleFieldOf(definition);
  const detailFields = useMemo(
    () =>
      definition.fields
        .filter(
          (f) =>
            f.key !== groupKey &&
            f.key !== title?.key &&
            !widgetFor(f).layout &&
            !widgetFor(f).wide &&
            f.type !== 'sub_table',
        )
        .slice(0, 3),
    [definition.fields, groupKey, title],
  );

  const valueOf = useCallback(
    (r: RecordItem): string | null => {
      if (r.id in moved) return moved[r.id];
      const v = groupField ? r.values[groupField.key] : null;
      return typeof v === 'string' ? v : null;
    },
    [groupField, moved],
  );

  const onDropCard = useCallback(
    (item: KanbanDragItem, to: string | null) => {
      const record = query.items.find((r) => r.id === item.id);
      if (!record || !groupField) return;
      setMoved((m) => ({ ...m, [record.id]: to }));
      callApi(
        apiClient.PATCH('/api/v1/forms/{formKey}/records/{recordId}', {
          params: { path: { formKey: form.key, recordId: record.id } },
          body: { version: record.version, values: { [groupField.key]: to } },
        }),
      )
        .then((updated) => {
          query.patch(updated);
          setMoved((m) => {
            const { [record.id]: _done, ...rest } = m;
            return rest;
          });
        })
        .catch((error: unknown) => {
          // refused: the card snaps back to where it was
          setMoved((m) => {
            const { [record.id]: _undone, ...rest } = m;
            return rest;
          });
          const detail =
            isApiProblem(error) && error.status !== 409 && error.errors[0]?.message
              ? `: ${error.errors[0].message}`
              : '';
          message.error(`${t('runtime.kanban.moveRefused')} ${problemMessage(error, t)}${detail}`);
          if (isApiProblem(error) && error.status === 409) query.reload();
        });
    },
    [query, groupField, form.key, message, t],
  );

  if (groupFields.length === 0)
    return <Empty description={t('runtime.kanban.noGroupField')} style={{ marginTop: 48 }} />;

  const columns: { value: string | null; title: string; color?: string }[] = [
    ...(groupField?.options ?? []).map((o) => ({
      value: o.value,
      title: localizedText(o.label, locale) || o.value,
      color: o.color ? (PRESET_COLORS[o.color] ?? o.color) : undefined,
    })),
    { value: null, title: t('runtime.kanban.noValue') },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        {toolbar}
        <Typography.Text type="secondary">{t('runtime.kanban.groupBy')}</Typography.Text>
        <Select
          style={{ width: 200 }}
          value={groupKey}
          options={groupFields.map((f) => ({ value: f.key, label: fieldLabel(f, locale) }))}
          onChange={(k: string) => {
            setGroupKey(k);
            setMoved({});
            if (!initial?.groupBy) window.localStorage.setItem(storageKey, k);
          }}
          data-testid="kanban-group-by"
        />
        {query.loading && <Spin size="small" />}
      </Flex>
      <DndProvider backend={HTML5Backend}>
        <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="kanban-board">
          {columns.map((column) => {
            const cards = query.items.filter((r) => valueOf(r) === column.value);
            return (
              <KanbanColumn
                key={column.value ?? '$none'}
                value={column.value}
                title={column.title}
                color={column.color}
                count={cards.length}
                onDropCard={onDropCard}
              >
                {cards.map((r) => (
                  <KanbanCard
                    key={r.id}
                    record={r}
                    definition={definition}
                    groupValue={column.value}
                    detailFields={detailFields}
                    locale={locale}
                    formKey={form.key}
                  />
                ))}
              </KanbanColumn>
            );
          })}
        </Flex>
      </DndProvider>
    </Flex>
  );
}
