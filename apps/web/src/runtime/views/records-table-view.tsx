import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { Condition } from '@tessera/schema';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiClient, callApi } from '../../shared/api/api-client';
import { useLanguage } from '../../shared/i18n/use-language';
import { completeCondition } from '../../shared/widgets/condition-builder/condition-model';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { useDirectory } from '../../shared/widgets/fields/use-directory';
import { problemMessage } from '../shared/problem-message';
import type { FormRuntime } from '../shared/use-form-runtime';
import { BulkEditDialog } from './bulk-edit-dialog';
import { ColumnChooser } from './column-chooser';
import { conditionFieldsOf } from './condition-fields';
import { FilterButton } from './filter-button';
import { RecordCreateDrawer } from './record-create-drawer';
import { columnChoices, tableColumns } from './table-columns';
import { useColumnPrefs } from './use-column-prefs';
import { useRecordQuery } from './use-record-query';

type Sort = { field: string; direction: 'asc' | 'desc' };

/** The table view (or the trash): search, filter, sort, columns, pages, bulk edit/delete with undo, create. */
export function RecordsTableView({ runtime, trash = false }: { runtime: FormRuntime; trash?: boolean }) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { form, definition, compiled } = runtime;
  const formKey = form.key;
  const directory = useDirectory();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Condition | undefined>();
  const [sort, setSort] = useState<Sort | undefined>();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [bulkEditing, setBulkEditing] = useState(false);
  const [prefs, setPrefs] = useColumnPrefs(formKey);

  const conditionFields = useMemo(
    () => conditionFieldsOf(compiled, directory, locale, t),
    [compiled, directory, locale, t],
  );
  const kinds = useMemo(() => new Map(conditionFields.map((f) => [f.key, f.kind])), [conditionFields]);
  const effectiveFilter = useMemo(() => completeCondition(filter, (k) => kinds.get(k)), [filter, kinds]);
  const query = useRecordQuery(formKey, {
    filter: effectiveFilter,
    search,
    sort: sort ? [sort] : [{ field: trash ? 'updated_at' : 'created_at', direction: 'desc' }],
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
    deleted: trash ? 'only' : undefined,
  });
  const selectedRecords = query.items.filter((r) => selected.includes(r.id));

  const restore = async (ids: string[]) => {
    try {
      await Promise.all(
        ids.map((recordId) =>
          callApi(
            apiClient.POST('/api/v1/forms/{formKey}/records/{recordId}/restore', {
              params: { path: { formKey, recordId } },
            }),
          ),
        ),
      );
      message.success(t('runtime.bulk.restored', { count: ids.length }));
      query.reload();
    } catch (error) {
      message.error(problemMessage(error, t));
    }
  };

  const bulkDelete = async () => {
    const ids = [...selected];
    try {
      await callApi(
        apiClient.POST('/api/v1/forms/{formKey}/records/bulk', {
          params: { path: { formKey } },
          body: { delete: ids },
        }),
      );
      setSelected([]);
      query.reload();
      const key = `deleted-${Date.now()}`;
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <Space>
            {t('runtime.bulk.deleted', { count: ids.length })}
            <Typography.Link
              data-testid="undo-delete"
              onClick={() => {
                message.destroy(key);
                void restore(ids);
              }}
            >
              <UndoOutlined /> {t('runtime.bulk.undo')}
            </Typography.Link>
          </Space>
        ),
      });
    } catch (error) {
      message.error(problemMessage(error, t));
    }
  };

  const columns = tableColumns(compiled, prefs, sort, locale, t);
  if (trash)
    columns.push({
      key: '$restore',
      title: '',
      width: 110,
      fixed: 'right',
      render: (_: unknown, record: RecordItem) => (
        <Button
          size="small"
          icon={<UndoOutlined />}
          onClick={() => void restore([record.id])}
          data-testid="restore-record"
        >
          {t('runtime.table.restore')}
        </Button>
      ),
    });

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('runtime.table.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(q) => {
              setSearch(q.trim());
              setPage((p) => ({ ...p, current: 1 }));
            }}
            data-testid="table-search"
          />
          <FilterButton
            fields={conditionFields}
            value={filter}
            onApply={(next) => {
              setFilter(next);
              setPage((p) => ({ ...p, current: 1 }));
            }}
          />
          <ColumnChooser choices={columnChoices(definition, locale, t)} prefs={prefs} onChange={setPrefs} />
        </Space>
        <Space wrap>
          {selected.length > 0 && !trash && (
            <>
              <Typography.Text type="secondary">
                {t('runtime.bulk.selected', { count: selected.length })}
              </Typography.Text>
              <Button icon={<EditOutlined />} onClick={() => setBulkEditing(true)} data-testid="bulk-edit">
                {t('runtime.bulk.edit')}
              </Button>
              <Popconfirm
                title={t('runtime.bulk.deleteConfirm', { count: selected.length })}
                okText={t('runtime.common.delete')}
                cancelText={t('runtime.common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => void bulkDelete()}
              >
                <Button danger icon={<DeleteOutlined />} data-testid="bulk-delete">
                  {t('runtime.common.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
          {selected.length > 0 && trash && (
            <Button icon={<UndoOutlined />} onClick={() => void restore(selected).then(() => setSelected([]))}>
              {t('runtime.table.restoreSelected', { count: selected.length })}
            </Button>
          )}
          {!trash && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-record"
            >
              {t('runtime.table.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <Table<RecordItem>
        data-testid="records-table"
        rowKey="id"
        size="middle"
        bordered={false}
        loading={query.loading}
        dataSource={query.items}
        columns={columns}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          preserveSelectedRowKeys: false,
        }}
        onRow={(record) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('.ant-table-selection-column, button, a')) return;
            if (!trash) void navigate(`/forms/${formKey}/records/${record.id}`);
          },
          style: { cursor: trash ? undefined : 'pointer' },
        })}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('runtime.table.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const column = typeof s?.columnKey === 'string' ? s.columnKey.replace(/^\$/, '') : undefined;
          setSort(s?.order && column ? { field: column, direction: s.order === 'ascend' ? 'asc' : 'desc' } : undefined);
          setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
        }}
        locale={{ emptyText: trash ? t('runtime.table.trashEmpty') : t('runtime.table.empty') }}
      />
      {!trash && (
        <RecordCreateDrawer
          formKey={formKey}
          definition={definition}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            query.reload();
          }}
        />
      )}
      {bulkEditing && (
        <BulkEditDialog
          formKey={formKey}
          definition={definition}
          records={selectedRecords}
          open={bulkEditing}
          onClose={() => setBulkEditing(false)}
          onDone={() => {
            setBulkEditing(false);
            setSelected([]);
            query.reload();
          }}
        />
      )}
    </Flex>
  );
}
