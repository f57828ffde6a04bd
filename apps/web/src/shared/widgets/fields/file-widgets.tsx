import { FileImageOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldWidget } from './field-widget';
import { isRecordObject } from './field-format';
import { EmptyValue } from './empty-value';

/** One stored file: the metadata the form engine's file schema accepts. */
export interface StoredFile {
  id: string;
  name: string;
  size?: number;
  mimeType?: string;
  url?: string;
}

export function readFiles(value: unknown): StoredFile[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecordObject).flatMap((f) =>
    typeof f.id === 'string' && typeof f.name === 'string'
      ? [
          {
            id: f.id,
            name: f.name,
            size: typeof f.size === 'number' ? f.size : undefined,
            mimeType: typeof f.mimeType === 'string' ? f.mimeType : undefined,
            url: typeof f.url === 'string' ? f.url : undefined,
          },
        ]
      : [],
  );
}

function sizeText(bytes: number | undefined, locale: string): string {
  if (bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)} ${units[u]}`;
}

const safeUrl = (url: string | undefined) => (url && /^(https?:|\/)/i.test(url) ? url : undefined);

/**
 * image and attachment. The server has no upload endpoint yet, so the widget keeps each picked file's metadata
 * (id, name, size, type) in the record; the bytes are not sent anywhere.
 */
export const fileWidget: FieldWidget<'image' | 'attachment'> = {
  Input({ field, value, onChange, locale, disabled, id }) {
    const { t } = useTranslation();
    const files = readFiles(value);
    const full = field.maxFiles !== undefined && files.length >= field.maxFiles;
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Upload
          id={id}
          multiple
          showUploadList={false}
          accept={field.accept?.join(',') ?? (field.type === 'image' ? 'image/*' : undefined)}
          disabled={disabled || full}
          beforeUpload={(file) => {
            const next: StoredFile = {
              id: crypto.randomUUID(),
              name: file.name,
              size: file.size,
              mimeType: file.type || (field.type === 'image' ? 'image/png' : 'application/octet-stream'),
            };
            onChange([...readFiles(value), next]);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={disabled || full}>
            {field.type === 'image' ? t('runtime.widgets.pickImages') : t('runtime.widgets.pickFiles')}
          </Button>
        </Upload>
        {files.length > 0 && (
          <List
            size="small"
            bordered
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <Typography.Link
                    key="remove"
                    type="danger"
                    disabled={disabled}
                    onClick={() => {
                      const rest = files.filter((x) => x.id !== f.id);
                      onChange(rest.length ? rest : null);
                    }}
                  >
                    {t('runtime.common.remove')}
                  </Typography.Link>,
                ]}
              >
                <Space>
                  {field.type === 'image' ? <FileImageOutlined /> : <PaperClipOutlined />}
                  {f.name}
                  <Typography.Text type="secondary">{sizeText(f.size, locale)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('runtime.widgets.metadataOnly')}
        </Typography.Text>
      </Space>
    );
  },
  Display({ field, value, compact, locale }) {
    const files = readFiles(value);
    if (files.length === 0) return <EmptyValue />;
    if (compact)
      return (
        <Typography.Text ellipsis>
          <PaperClipOutlined /> {files.map((f) => f.name).join(', ')}
        </Typography.Text>
      );
    return (
      <Space direction="vertical" size={2}>
        {files.map((f) => {
          const url = safeUrl(f.url);
          return (
            <Space key={f.id} size={6}>
              {field.type === 'image' ? <FileImageOutlined /> : <PaperClipOutlined />}
              {url ? (
                <Typography.Link href={url} target="_blank" rel="noreferrer">
                  {f.name}
                </Typography.Link>
              ) : (
                <Typography.Text>{f.name}</Typography.Text>
              )}
              <Typography.Text type="secondary">{sizeText(f.size, locale)}</Typography.Text>
            </Space>
          );
        })}
      </Space>
    );
  },
};
