import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import type { Condition } from '@tessera/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchFile, type FileFormat } from '../../shared/api/upload-file';
import { useLanguage } from '../../shared/i18n/use-language';
import { downloadFile } from '../dashboards/download-file';
import { problemMessage } from '../shared/problem-message';
import type { ViewSort } from './use-saved-views';

/** Downloads the records the table shows (filter, search, sort, visible columns) as CSV or XLSX in the UI language. */
export function ExportButton({
  formKey,
  filter,
  search,
  sort,
  fields,
}: {
  formKey: string;
  filter: Condition | undefined;
  search: string;
  sort: ViewSort | undefined;
  fields: string[];
}) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const exportAs = async (format: FileFormat) => {
    setBusy(true);
    try {
      const { blob, fileName } = await fetchFile(
        '/api/v1/forms/{formKey}/export',
        formKey,
        {
          format,
          locale,
          filter: filter ? JSON.stringify(filter) : undefined,
          q: search || undefined,
          sort: sort ? `${sort.direction === 'desc' ? '-' : ''}${sort.field}` : undefined,
          fields: fields.length ? fields.join(',') : undefined,
        },
        `${formKey}.${format}`,
      );
      downloadFile(blob, fileName);
    } catch (error) {
      message.error(problemMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: <span data-testid="export-csv">{t('runtime.export.csv')}</span> },
          { key: 'xlsx', label: <span data-testid="export-xlsx">{t('runtime.export.xlsx')}</span> },
        ],
        onClick: ({ key }) => void exportAs(key === 'xlsx' ? 'xlsx' : 'csv'),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-button">
        {t('runtime.export.button')}
      </Button>
    </Dropdown>
  );
}
