import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { Condition } from '@tessera/schema';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
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
import { ExportButton } from './export-button';
import { FilterButton } from './filter-button';
import { ImportWizard } from './import-wizard';
import { RecordCreateDrawer } from './record-create-drawer';
import { columnChoices, tableColumns } from './table-columns';
import { useColumnPrefs, type ColumnPrefs } from './use-column-prefs';
import { useRecordQuery } from './use-record-query';
import type { ViewSnapshot } from './use-saved-views';

type Sort = { field: string; direction: 'asc' | 'desc' };

/** Column prefs of a saved view: its columns shown (in the form's order), the system columns as the browser keeps them. */
function viewPrefs(columns: readonly string[], keys: readonly string[], stored: ColumnPrefs): ColumnPrefs {
  return {
    hidden: keys.filter((k) => (k.startsWith('$') ? stored.hidden.includes(k) : !columns.includes(k))),
    widths: stored.widths,
  };
}

/**
 * The table view (or the trash): search, filter, sort, columns, pages, bulk edit/delete with undo, create, import
 * and export. `initial` (a saved view or a drill-down filter) seeds the state; remount (React `key`) to apply
 * another. `onStateChange` reports the state a saved view would store; `toolbar` goes before the filter.
 */
export function RecordsTableView({
  runtime,
  trash = false,
  initial,
  onStateChange,
  toolbar,
}: {
  runtime: FormRuntime;
  trash?: boolean;
  initial?: ViewSnapshot;
  onStateChange?: (state: ViewSnapshot) => void;
  toolbar?: ReactNode;
}) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { form, definition, compiled } = runtime;
  const formKey = form.key;
  const directory = useDirectory();
  const [search, setSearch] = useState(initial?.search ?? '');
  const [filter, setFilter] = useState<Condition | undefined>(initial?.filter);
  const [sort, setSort] = useState<Sort | undefined>(initial?.sort);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [bulkEditing, setBulkEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [storedPrefs, setStoredPrefs] = useColumnPrefs(formKey);
  const choices = useMemo(() => columnChoices(definition, locale, t), [definition, locale, t]);
  // a saved view's columns live with the view, not in this browser's preferences
  const [ownPrefs, setOwnPrefs] = useState<ColumnPrefs | undefined>(() =>
    initial?.columns
      ? viewPrefs(
          initial.columns,
          choices.map((c) => c.key),
          storedPrefs,
        )
      : undefined,
  );
  const prefs = ownPrefs ?? storedPrefs;
  const setPrefs = ownPrefs ? setOwnPrefs : setStoredPrefs;
  const visibleFields = useMemo(
    () => choices.filter((c) => !c.key.startsWith('$') && !prefs.hidden.includes(c.key)).map((c) => c.key),
    [choices, prefs.hidden],
  );

  const conditionFields = useMemo(
    () => conditionFieldsOf(compiled, directory, locale, t),
    [compiled, directory, locale, t],
  );
  const kinds = useMemo(() => new Map(conditionFields.map((f) => [f.key, f.kind])), [conditionFields]);
  const effectiveFilter = useMemo(() => completeCondition(filter, (k) => kinds.get(k)), [filter, kinds]);
  useEffect(() => {
    onStateChange?.({ filter: effectiveFilter, sort, search: search || undefined, columns: visibleFields });
  }, [onStateChange, effectiveFilter, sort, search, visibleFields]);
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
            defaultValue={initial?.search}
            placeholder={t('runtime.table.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(q) => {
              setSearch(q.trim());
              setPage((p) => ({ ...p, current: 1 }));
            }}
            data-testid="table-search"
          />
          {toolbar}
          <FilterButton
            fields={conditionFields}
            value={filter}
            onApply={(next) => {
              setFilter(next);
              setPage((p) => ({ ...p, current: 1 }));
            }}
          />
          <ColumnChooser choices={choices} prefs={prefs} onChange={setPrefs} />
          {!trash && (
            <ExportButton
              formKey={formKey}
              filter={effectiveFilter}
              search={search}
              sort={sort}
              fields={visibleFields}
            />
          )}
          {!trash && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-button">
              {t('runtime.import.button')}
            </Button>
          )}
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
      {!trash && (
        <ImportWizard
          formKey={formKey}
          definition={definition}
          open={importing}
          onClose={() => setImporting(false)}
          onImported={query.reload}
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
