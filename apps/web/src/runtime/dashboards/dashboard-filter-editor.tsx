import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DASHBOARD_FILTER_TYPES, type DashboardFilter, type DashboardFilterType } from '@tessera/schema';
import { Button, Card, Empty, Flex, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceField } from '../../designers/report/source-fields';
import { useSourceFields } from '../../designers/report/use-source-fields';
import type { StoredReport } from '../../shared/charts/report-api';

/** Whether a report field can take a dashboard filter of the given type. */
export function fieldFits(type: DashboardFilterType, field: SourceField): boolean {
  switch (type) {
    case 'date_range':
      return field.temporal;
    case 'owner':
      return field.kind === 'uuid' && (field.type === 'member' || field.type === 'system' || field.type === 'owner');
    case 'department':
      return field.type === 'department';
    case 'select':
      return field.kind === 'text';
  }
}

/** The best field for a filter type: a form field before a system column. */
function bestField(type: DashboardFilterType, fields: readonly SourceField[]): SourceField | undefined {
  const fitting = fields.filter((f) => fieldFits(type, f) && !f.ref.includes('.'));
  if (type === 'owner') return fitting.find((f) => f.ref === 'owner_id') ?? fitting[0];
  if (type === 'select') return fitting.find((f) => f.options) ?? fitting[0];
  return fitting.find((f) => f.type !== 'system') ?? fitting[0];
}

function MappingRow({
  report,
  filter,
  onChange,
}: {
  report: StoredReport;
  filter: DashboardFilter;
  onChange: (field: string | undefined, options?: string[]) => void;
}) {
  const { t } = useTranslation();
  const source = useSourceFields(report.definition.source.form);
  const fields = source.status === 'ready' ? source.fields.filter((f) => fieldFits(filter.type, f)) : [];
  const mapped = filter.mappings[report.key];
  // a filter without a mapping for this report is mapped once to the report's most likely field
  const autoMapped = useRef(false);
  useEffect(() => {
    if (source.status !== 'ready' || mapped !== undefined || autoMapped.current) return;
    autoMapped.current = true;
    const best = bestField(filter.type, source.fields);
    if (best)
      onChange(
        best.ref,
        best.options?.map((o) => o.value),
      );
  }, [source, mapped, filter.type, onChange]);
  return (
    <Flex align="center" gap={8}>
      <Typography.Text ellipsis style={{ width: 180 }}>
        {report.definition.name}
      </Typography.Text>
      <Select
        size="small"
        allowClear
        style={{ flex: 1 }}
        loading={source.status === 'loading'}
        placeholder={t('reports.filters.notApplied')}
        value={mapped}
        options={fields.map((f) => ({ value: f.ref, label: f.label }))}
        onChange={(ref?: string) =>
          onChange(
            ref,
            fields.find((f) => f.ref === ref)?.options?.map((o) => o.value),
          )
        }
        data-testid={`filter-mapping-${report.key}`}
      />
    </Flex>
  );
}

const newFilterKey = (): string => `f_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** The dialog that defines the dashboard filters and maps each onto a field of every report on the dashboard. */
export function DashboardFilterEditor({
  open,
  filters,
  reports,
  onCancel,
  onSave,
}: {
  open: boolean;
  filters: readonly DashboardFilter[];
  reports: readonly StoredReport[];
  onCancel: () => void;
  onSave: (filters: DashboardFilter[]) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DashboardFilter[]>([...filters]);
  useEffect(() => {
    if (open) setDraft([...filters]);
  }, [open, filters]);

  const update = (i: number, patch: Partial<DashboardFilter>) =>
    setDraft((list) => list.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const add = () =>
    setDraft((list) => [
      ...list,
      { key: newFilterKey(), label: t('reports.filters.types.date_range'), type: 'date_range', mappings: {} },
    ]);

  const valid = draft.every((f) => f.label.trim());
  return (
    <Modal
      open={open}
      title={t('reports.filters.title')}
      width={640}
      onCancel={onCancel}
      onOk={() => onSave(draft.map((f) => ({ ...f, label: f.label.trim() })))}
      okButtonProps={{ disabled: !valid, id: 'filter-editor-save' }}
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="filter-editor">
        {draft.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.filters.noFilters')} />
        )}
        {draft.map((filter, i) => (
          <Card
            key={filter.key}
            size="small"
            title={
              <Flex gap={8} align="center">
                <Input
                  size="small"
                  value={filter.label}
                  status={filter.label.trim() ? undefined : 'error'}
                  placeholder={t('reports.filters.label')}
                  onChange={(e) => update(i, { label: e.target.value })}
                  style={{ maxWidth: 220 }}
                  data-testid="filter-label"
                />
                <Select<DashboardFilterType>
                  size="small"
                  value={filter.type}
                  style={{ width: 140 }}
                  options={DASHBOARD_FILTER_TYPES.map((type) => ({
                    value: type,
                    label: t(`reports.filters.types.${type}`),
                  }))}
                  onChange={(type) => update(i, { type, mappings: {}, options: undefined })}
                  data-testid="filter-type"
                />
              </Flex>
            }
            extra={
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('reports.filters.remove')}
                onClick={() => setDraft((list) => list.filter((_, j) => j !== i))}
              />
            }
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.filters.mappings')}
            </Typography.Text>
            <Flex vertical gap={6} style={{ marginTop: 6 }}>
              {reports.map((report) => (
                <MappingRow
                  key={`${report.key}:${filter.type}`}
                  report={report}
                  filter={filter}
                  onChange={(field, options) =>
                    setDraft((list) =>
                      list.map((f, j) => {
                        if (j !== i) return f;
                        const mappings = { ...f.mappings };
                        if (field) mappings[report.key] = field;
                        else delete mappings[report.key];
                        const merged =
                          f.type === 'select' && options ? [...new Set([...(f.options ?? []), ...options])] : f.options;
                        return { ...f, mappings, options: merged };
                      }),
                    )
                  }
                />
              ))}
            </Flex>
            {filter.type === 'select' && (
              <Select
                mode="tags"
                size="small"
                style={{ width: '100%', marginTop: 10 }}
                placeholder={t('reports.filters.optionsPlaceholder')}
                value={filter.options ?? []}
                onChange={(options: string[]) => update(i, { options })}
              />
            )}
          </Card>
        ))}
        <Button icon={<PlusOutlined />} onClick={add} data-testid="filter-add">
          {t('reports.filters.add')}
        </Button>
      </Flex>
    </Modal>
  );
}
