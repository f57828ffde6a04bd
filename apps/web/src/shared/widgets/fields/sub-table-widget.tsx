import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, Tooltip, Typography } from 'antd';
import type { FieldDefinition, Locale } from '@tessera/schema';
import { useTranslation } from 'react-i18next';
import type { FieldWidget } from './field-widget';
import { fieldLabel, isRecordObject } from './field-format';
import { EmptyValue } from './empty-value';
import { widgetFor } from './field-widget-registry';

type Row = Record<string, unknown>;

function readRows(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter(isRecordObject) : [];
}

const columnFields = (fields: readonly FieldDefinition[]) => fields.filter((f) => !widgetFor(f).layout);

function columnWidth(field: FieldDefinition): number {
  if (field.type === 'number' || field.type === 'amount' || field.type === 'percent' || field.type === 'formula')
    return 140;
  if (field.type === 'switch' || field.type === 'rating') return 120;
  return 180;
}

function RowsTable({ fields, rows, locale }: { fields: readonly FieldDefinition[]; rows: Row[]; locale: Locale }) {
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
      rowKey={(row) => (typeof row.id === 'string' ? row.id : rows.indexOf(row))}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={columnFields(fields).map((f) => {
        const widget = widgetFor(f);
        return {
          key: f.key,
          title: fieldLabel(f, locale),
          width: columnWidth(f),
          render: (_: unknown, row: Row) => <widget.Display field={f} value={row[f.key]} locale={locale} compact />,
        };
      })}
    />
  );
}

/** sub_table (子表单): an editable table of rows — add, remove, reorder; row formulas are computed by the form. */
export const subTableWidget: FieldWidget<'sub_table'> = {
  Input({ field, value, onChange, locale, disabled, nestedErrors }) {
    const { t } = useTranslation();
    const rows = readRows(value);
    const fields = columnFields(field.fields);
    const emit = (next: Row[]) => onChange(next);
    const setCell = (index: number, key: string, cell: unknown) =>
      emit(rows.map((row, i) => (i === index ? { ...row, [key]: cell } : row)));
    const move = (index: number, by: number) => {
      const next = [...rows];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row);
      emit(next);
    };
    const full = field.maxRows !== undefined && rows.length >= field.maxRows;
    return (
      <Flex vertical gap={8} data-testid={`sub-table-${field.key}`}>
        <Table<Row>
          size="small"
          bordered
          pagination={false}
          rowKey={(row) => (typeof row.id === 'string' ? row.id : rows.indexOf(row))}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('runtime.widgets.noRows') }}
          columns={[
            {
              key: '#',
              title: '#',
              width: 44,
              render: (_: unknown, _row: Row, index: number) => (
                <Typography.Text type="secondary">{index + 1}</Typography.Text>
              ),
            },
            ...fields.map((f) => {
              const widget = widgetFor(f);
              return {
                key: f.key,
                title: (
                  <span>
                    {f.required && <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }}>*</span>}
                    {fieldLabel(f, locale)}
                  </span>
                ),
                width: columnWidth(f),
                render: (_: unknown, row: Row, index: number) => {
                  const error = nestedErrors?.[`/${index}/${f.key}`];
                  return (
                    <Tooltip title={error} open={error ? undefined : false} color="red">
                      <div style={{ minWidth: columnWidth(f) - 16 }}>
                        <widget.Input
                          field={f}
                          value={row[f.key]}
                          locale={locale}
                          record={row}
                          disabled={disabled || f.readOnly}
                          invalid={Boolean(error)}
                          onChange={(cell) => setCell(index, f.key, cell)}
                        />
                      </div>
                    </Tooltip>
                  );
                },
              };
            }),
            {
              key: 'actions',
              width: 112,
              fixed: 'right' as const,
              render: (_: unknown, _row: Row, index: number) => (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={disabled || index === 0}
                    aria-label={t('runtime.widgets.moveUp')}
                    onClick={() => move(index, -1)}
                  />
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={disabled || index === rows.length - 1}
                    aria-label={t('runtime.widgets.moveDown')}
                    onClick={() => move(index, 1)}
                  />
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={disabled}
                    aria-label={t('runtime.common.remove')}
                    onClick={() => emit(rows.filter((_, i) => i !== index))}
                  />
                </Space>
              ),
            },
          ]}
        />
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          disabled={disabled || full}
          onClick={() => emit([...rows, {}])}
          data-testid={`sub-table-add-${field.key}`}
        >
          {t('runtime.widgets.addRow')}
        </Button>
      </Flex>
    );
  },
  Display({ field, value, locale, compact }) {
    const { t } = useTranslation();
    const rows = readRows(value);
    if (rows.length === 0) return <EmptyValue />;
    if (compact) return <Typography.Text>{t('runtime.widgets.rowCount', { count: rows.length })}</Typography.Text>;
    return <RowsTable fields={field.fields} rows={rows} locale={locale} />;
  },
  wide: true,
};
