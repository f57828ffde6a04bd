import { FileImageOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { FileField } from '@tessera/schema';
import { App, Button, Image, List, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiProblem } from '../../api/api-problem';
import { fetchStoredFile, uploadStoredFile, type UploadedFile } from '../../api/upload-file';
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

/** The server's answer as a field value entry: the engine's schema calls the content type `mimeType`. */
function toStoredFile(uploaded: UploadedFile): StoredFile {
  return { id: uploaded.id, name: uploaded.name, size: uploaded.size, mimeType: uploaded.type, url: uploaded.url };
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

/** The accept list in force: the field's, else images only for an image field. */
function acceptList(field: FileField): string[] | undefined {
  if (field.accept?.length) return field.accept;
  return field.type === 'image' ? ['image/*'] : undefined;
}

/** Whether a picked file matches an accept list entry: '.pdf' by extension, 'image/*' or 'image/png' by type. */
export function acceptsFile(accept: readonly string[], file: { name: string; type: string }): boolean {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '') return false;
    if (entry.startsWith('.')) return name.endsWith(entry);
    if (entry.endsWith('/*')) return type.startsWith(entry.slice(0, -1));
    return type === entry;
  });
}

/** Why a picked file is not uploaded (checked before any byte is sent), or undefined when it may go. */
function rejection(field: FileField, file: File, t: TFunction, locale: string): string | undefined {
  const accept = acceptList(field);
  // An image value must carry an image/* type (the server validates mimeType), whatever the extension says.
  const typeOk =
    (accept === undefined || acceptsFile(accept, file)) && (field.type !== 'image' || file.type.startsWith('image/'));
  if (!typeOk)
    return t('runtime.widgets.fileTypeRejected', { name: file.name, accept: (accept ?? ['image/*']).join(', ') });
  if (field.maxFileSize !== undefined && file.size > field.maxFileSize)
    return t('runtime.widgets.fileTooLarge', { name: file.name, limit: sizeText(field.maxFileSize, locale) });
  if (file.size === 0) return t('runtime.widgets.fileEmpty', { name: file.name });
  return undefined;
}

function uploadFailure(error: unknown, t: TFunction): string {
  if (!isApiProblem(error)) return t('runtime.errors.unexpected');
  if (error.isNetworkError) return t('runtime.errors.network');
  if (error.status === 413) return t('runtime.widgets.uploadTooLarge');
  return error.detail ?? error.title;
}

/**
 * An object URL of a stored file's content, fetched with the bearer token (an <img src="/api/..."> would be sent
 * without it); revoked when the id changes or the component goes away.
 */
function useStoredFileUrl(id: string): { url?: string; failed: boolean } {
  const [state, setState] = useState<{ id: string; url?: string; failed: boolean }>({ id, failed: false });
  useEffect(() => {
    const controller = new AbortController();
    let url: string | undefined;
    fetchStoredFile(id, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setState({ id, url, failed: false });
      },
      () => {
        if (!controller.signal.aborted) setState({ id, failed: true });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return state.id === id ? state : { failed: false };
}

function Thumbnail({ file, size }: { file: StoredFile; size: number }) {
  const { url, failed } = useStoredFileUrl(file.id);
  const box = { width: size, height: size, borderRadius: 4 };
  if (!url)
    return (
      <span
        data-testid={failed ? 'file-thumbnail-missing' : 'file-thumbnail-loading'}
        title={file.name}
        style={{
          ...box,
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: 'rgba(0,0,0,0.04)',
        }}
      >
        <FileImageOutlined />
      </span>
    );
  return (
    <span data-testid="file-thumbnail">
      <Image src={url} alt={file.name} width={size} height={size} style={{ ...box, objectFit: 'cover' }} />
    </span>
  );
}

/** An attachment's name: clicking fetches it with the bearer token and saves it under its own name. */
function DownloadLink({ file }: { file: StoredFile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await fetchStoredFile(file.id);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = file.name;
      anchor.click();
      // Revoked later: the download starts asynchronously after the click.
      window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch {
      message.error(t('runtime.widgets.downloadFailed', { name: file.name }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Typography.Link disabled={busy} onClick={() => void download()} title={t('runtime.widgets.download')}>
      {file.name}
    </Typography.Link>
  );
}

function FileLine({ field, file, locale }: { field: FileField; file: StoredFile; locale: string }) {
  return (
    <Space size={8}>
      {field.type === 'image' ? <Thumbnail file={file} size={40} /> : <PaperClipOutlined />}
      <DownloadLink file={file} />
      <Typography.Text type="secondary">{sizeText(file.size, locale)}</Typography.Text>
    </Space>
  );
}

interface PendingUpload {
  uid: number;
  name: string;
  percent: number;
  error?: string;
}

let nextUid = 0;

/**
 * image and attachment: each picked file is checked against the field's accept / maxFileSize / maxFiles, then
 * streamed to POST /api/v1/files; the record keeps the returned metadata (the server checks the ids exist).
 */
export const fileWidget: FieldWidget<'image' | 'attachment'> = {
  Input({ field, value, onChange, locale, disabled, id }) {
    const { t } = useTranslation();
    const files = readFiles(value);
    const [pending, setPending] = useState<PendingUpload[]>([]);
    const [rejected, setRejected] = useState<string[]>([]);
    const input = useRef<HTMLInputElement>(null);
    // Uploads finish one by one after renders that may not have happened yet: append to the newest value.
    const latest = useRef<unknown>(value);
    const controllers = useRef(new Set<AbortController>());
    useEffect(() => {
      latest.current = value;
    }, [value]);
    useEffect(() => {
      const inFlight = controllers.current;
      return () => inFlight.forEach((controller) => controller.abort());
    }, []);

    const inProgress = pending.filter((p) => p.error === undefined).length;
    const full = field.maxFiles !== undefined && files.length + inProgress >= field.maxFiles;
    const accept = acceptList(field);

    const upload = async (file: File) => {
      const uid = ++nextUid;
      const controller = new AbortController();
      controllers.current.add(controller);
      setPending((list) => [...list, { uid, name: file.name, percent: 0 }]);
      try {
        const uploaded = await uploadStoredFile(file, {
          signal: controller.signal,
          onProgress: (fraction) =>
            setPending((list) => list.map((p) => (p.uid === uid ? { ...p, percent: Math.round(fraction * 100) } : p))),
        });
        const next = [...readFiles(latest.current), toStoredFile(uploaded)];
        latest.current = next;
        onChange(next);
        setPending((list) => list.filter((p) => p.uid !== uid));
      } catch (error) {
        if (controller.signal.aborted) return;
        const reason = uploadFailure(error, t);
        setPending((list) =>
          list.map((p) =>
            p.uid === uid ? { ...p, error: t('runtime.widgets.uploadFailed', { name: file.name, reason }) } : p,
          ),
        );
      } finally {
        controllers.current.delete(controller);
      }
    };

    const pick = (event: ChangeEvent<HTMLInputElement>) => {
      const picked = Array.from(event.target.files ?? []);
      event.target.value = ''; // picking the same file again must fire change again
      const problems: string[] = [];
      let room = field.maxFiles === undefined ? Infinity : field.maxFiles - files.length - inProgress;
      const accepted: File[] = [];
      for (const file of picked) {
        const why = rejection(field, file, t, locale);
        if (why) problems.push(why);
        else if (room <= 0)
          problems.push(t('runtime.widgets.tooManyFiles', { name: file.name, count: field.maxFiles ?? 0 }));
        else {
          accepted.push(file);
          room--;
        }
      }
      setRejected(problems);
      accepted.forEach((file) => void upload(file));
    };

    const hints = [
      field.maxFiles !== undefined ? t('runtime.widgets.maxFilesHint', { count: field.maxFiles }) : '',
      field.maxFileSize !== undefined
        ? t('runtime.widgets.maxSizeHint', { size: sizeText(field.maxFileSize, locale) })
        : '',
    ].filter((h) => h !== '');

    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>
          <input
            ref={input}
            type="file"
            style={{ display: 'none' }}
            multiple={field.maxFiles !== 1}
            accept={accept?.join(',')}
            onChange={pick}
            data-testid={`file-input-${field.key}`}
          />
          <Button id={id} icon={<UploadOutlined />} disabled={disabled || full} onClick={() => input.current?.click()}>
            {field.type === 'image' ? t('runtime.widgets.pickImages') : t('runtime.widgets.pickFiles')}
          </Button>
        </span>
        {(files.length > 0 || pending.length > 0) && (
          <List size="small" bordered data-testid={`file-list-${field.key}`}>
            {files.map((f) => (
              <List.Item
                key={f.id}
                actions={[
                  <Typography.Link
                    key="remove"
                    type="danger"
                    disabled={disabled}
                    onClick={() => {
                      const rest = readFiles(latest.current).filter((x) => x.id !== f.id);
                      latest.current = rest.length ? rest : null;
                      onChange(latest.current);
                    }}
                  >
                    {t('runtime.common.remove')}
                  </Typography.Link>,
                ]}
              >
                <FileLine field={field} file={f} locale={locale} />
              </List.Item>
            ))}
            {pending.map((p) => (
              <List.Item
                key={`pending-${p.uid}`}
                actions={
                  p.error
                    ? [
                        <Typography.Link
                          key="dismiss"
                          onClick={() => setPending((list) => list.filter((x) => x.uid !== p.uid))}
                        >
                          {t('runtime.common.remove')}
                        </Typography.Link>,
                      ]
                    : []
                }
              >
                {p.error ? (
                  <Typography.Text type="danger">{p.error}</Typography.Text>
                ) : (
                  <Space style={{ width: '100%' }} aria-label={t('runtime.widgets.uploading')}>
                    {field.type === 'image' ? <FileImageOutlined /> : <PaperClipOutlined />}
                    <Typography.Text>{p.name}</Typography.Text>
                    <Progress percent={p.percent} size="small" style={{ width: 160, margin: 0 }} />
                  </Space>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {rejected.map((message) => (
          <Typography.Text key={message} type="danger" style={{ display: 'block' }}>
            {message}
          </Typography.Text>
        ))}
        {hints.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hints.join(t('runtime.widgets.hintSeparator'))}
          </Typography.Text>
        )}
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
    if (field.type === 'image')
      return (
        <Image.PreviewGroup>
          <Space wrap size={8} data-testid={`file-thumbnails-${field.key}`}>
            {files.map((f) => (
              <Thumbnail key={f.id} file={f} size={96} />
            ))}
          </Space>
        </Image.PreviewGroup>
      );
    return (
      <Space direction="vertical" size={2}>
        {files.map((f) => (
          <FileLine key={f.id} field={field} file={f} locale={locale} />
        ))}
      </Space>
    );
  },
};
