import { ExportOutlined } from '@ant-design/icons';
import type { DrillPoint } from '@tessera/report-engine';
import type { FieldDefinition, FormDefinition } from '@tessera/schema';
import { localizedText } from '@tessera/schema';
import { Alert, Button, Drawer, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiClient, callApi } from '../../shared/api/api-client';
import { reportApi, type StoredReport, type WireCondition } from '../../shared/charts/report-api';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { FieldValue } from '../../shared/widgets/fields/field-value';
import { loadForm, publishedDefinition } from '../../shared/widgets/fields/use-published-definition';

const PAGE_SIZE = 20;
const MAX_COLUMNS = 6;
const NOT_A_COLUMN = new Set([
  'section',
  'divider',
  'tabs',
  'sub_table',
  'signature',
  'image',
  'attachment',
  'rich_text',
]);

export interface DrillTarget {
  report: StoredReport;
  point: DrillPoint;
  /** What was clicked, as drawn ("won", "2024年3月"). */
  label: string;
  /** The dashboard filters (and cross filter) as conditions on this report's fields. */
  conditions: WireCondition[];
}

interface Page {
  total: number;
  condition: WireCondition;
  records: RecordItem[];
}

/** The records behind a clicked chart element, a page at a time, with a link to the form's filtered table. */
export function DrillDownDrawer({ target, onClose }: { target: DrillTarget | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | 'error'>();
  const [form, setForm] = useState<FormDefinition>();
  const formKey = target?.report.definition.source.form;

  useEffect(() => setOffset(0), [target]);
  useEffect(() => {
    if (!formKey) return;
    let alive = true;
    loadForm(formKey)
      .then((f) => alive && setForm(publishedDefinition(f) ?? undefined))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [formKey]);
  useEffect(() => {
    if (!target || !formKey) return;
    let alive = true;
    setPage(undefined);
    (async () => {
      const drill = await reportApi.drillDown(target.report.key, target.point, target.conditions, PAGE_SIZE, offset);
      const records = drill.recordIds.length
        ? (
            await callApi(
              apiClient.POST('/api/v1/forms/{formKey}/records/query', {
                params: { path: { formKey } },
                body: {
                  filter: { field: 'id', op: 'in', value: drill.recordIds },
                  limit: drill.recordIds.length,
                  total: false,
                },
              }),
            )
          ).items
        : [];
      const order = new Map(drill.recordIds.map((id, i) => [id, i]));
      records.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      if (alive) setPage({ total: drill.total, condition: drill.condition, records });
    })().catch(() => alive && setPage('error'));
    return () => {
      alive = false;
    };
  }, [target, formKey, offset]);

  const fields: FieldDefinition[] = (form?.fields ?? [])
    .filter((f) => !NOT_A_COLUMN.has(f.type) && !f.hidden)
    .slice(0, MAX_COLUMNS);
  const columns: ColumnsType<RecordItem> = fields.map((field) => ({
    key: field.key,
    title: localizedText(field.label, language) || field.key,
    ellipsis: true,
    render: (_: unknown, record: RecordItem) => (
      <FieldValue
        field={field}
        value={record.values[field.key]}
        display={record.display[field.key]}
        locale={language}
        compact
      />
    ),
  }));
  const tableLink =
    page && page !== 'error' && formKey
      ? `/forms/${formKey}?filter=${encodeURIComponent(JSON.stringify(page.condition))}`
      : undefined;

  return (
    <Drawer
      open={target !== undefined}
      onClose={onClose}
      size="large"
      title={
        <Flex vertical>
          <span>{target?.report.definition.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
            {t('reports.drill.point', { name: target?.label ?? '' })}
          </Typography.Text>
        </Flex>
      }
      extra={
        tableLink && (
          <Link to={tableLink} data-testid="drill-open-table">
            <Button icon={<ExportOutlined />}>{t('reports.drill.openInTable')}</Button>
          </Link>
        )
      }
      data-testid="drill-drawer"
    >
      {page === 'error' ? (
        <Alert type="error" showIcon title={t('reports.drill.loadFailed')} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text strong data-testid="drill-total" data-total={page?.total}>
            {page ? t('reports.drill.total', { count: page.total }) : ' '}
          </Typography.Text>
          <Table<RecordItem>
            size="small"
            rowKey="id"
            loading={!page}
            columns={columns}
            dataSource={page?.records ?? []}
            locale={{ emptyText: t('reports.drill.empty') }}
            scroll={{ x: 'max-content' }}
            onRow={(record) => ({
              style: { cursor: 'pointer' },
              onClick: () => window.open(`/forms/${formKey}/records/${record.id}`, '_blank', 'noopener'),
            })}
            pagination={{
              current: Math.floor(offset / PAGE_SIZE) + 1,
              pageSize: PAGE_SIZE,
              total: page?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => setOffset((p - 1) * PAGE_SIZE),
            }}
            data-testid="drill-records"
          />
        </Flex>
      )}
    </Drawer>
  );
}
