import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { FormDefinition } from '@tessera/schema';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchFile,
  ImportRefused,
  uploadFile,
  type FileFormat,
  type ImportMode,
  type ImportReport,
  type ImportRowError,
} from '../../shared/api/upload-file';
import { useLanguage } from '../../shared/i18n/use-language';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { downloadFile } from '../dashboards/download-file';
import { problemMessage } from '../shared/problem-message';
import { autoMapping, csvHeaders, importableFields, upsertCandidates } from './import-columns';

type Step = 0 | 1 | 2 | 3;
type CommitMode = Exclude<ImportMode, 'dry_run'>;

/**
 * Import records from a CSV or XLSX file: choose the file, map its columns to fields (matched by key or label in
 * either language), optionally upsert on a unique field, check with a dry run, then import all-or-nothing or
 * skipping the invalid rows. CSV headers are read in the browser; for XLSX (no spreadsheet parser in the bundle)
 * a dry run with an empty mapping makes the server list every column as ignored, which gives the header row.
 */
export function ImportWizard({
  formKey,
  definition,
  open,
  onClose,
  onImported,
}: {
  formKey: string;
  definition: FormDefinition;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { message } = App.useApp();
  const fields = useMemo(() => importableFields(definition), [definition]);
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<{ blob: File; format: FileFormat } | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [upsertField, setUpsertField] = useState<string | undefined>();
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<CommitMode>('skip_invalid');
  const [result, setResult] = useState<ImportReport | null>(null);
  const [refused, setRefused] = useState<{ text: string; report?: ImportReport } | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setStep(0);
    setFile(null);
    setHeaders([]);
    setMapping({});
    setUpsertField(undefined);
    setCheck(null);
    setResult(null);
    setRefused(null);
  };
  const close = () => {
    if (result) onImported();
    reset();
    onClose();
  };

  const labelOf = (key: string | null) => {
    const field = key ? definition.fields.find((f) => f.key === key) : undefined;
    return field ? fieldLabel(field, locale) : (key ?? '');
  };
  const mapped = Object.fromEntries(Object.entries(mapping).filter(([h]) => headers.includes(h)));
  const candidates = upsertCandidates(fields).filter((f) => Object.values(mapped).includes(f.key));

  const choose = async (blob: File) => {
    const name = blob.name.toLowerCase();
    const format: FileFormat | undefined = name.endsWith('.xlsx') ? 'xlsx' : name.endsWith('.csv') ? 'csv' : undefined;
    if (!format) {
      message.error(t('runtime.import.unsupported'));
      return;
    }
    setBusy(true);
    setRefused(null);
    try {
      const found =
        format === 'csv'
          ? await csvHeaders(blob)
          : (await uploadFile(formKey, blob, format, { mode: 'dry_run', mapping: {}, locale })).ignoredColumns;
      if (found.length === 0) {
        message.error(t('runtime.import.noHeaders'));
        return;
      }
      setFile({ blob, format });
      setHeaders(found);
      setMapping(autoMapping(found, fields));
      setUpsertField(undefined);
      setCheck(null);
      setStep(1);
    } catch (error) {
      message.error(problemMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const send = async (sendMode: ImportMode): Promise<ImportReport | null> => {
    if (!file) return null;
    setBusy(true);
    setRefused(null);
    try {
      return await uploadFile(formKey, file.blob, file.format, {
        mode: sendMode,
        mapping: mapped,
        upsertField,
        locale,
      });
    } catch (error) {
      const detail = error instanceof ImportRefused && error.errors[0] ? `: ${error.errors[0].message}` : '';
      setRefused({
        text:
          error instanceof ImportRefused && error.report
            ? t('runtime.import.refused')
            : `${problemMessage(error, t)}${detail}`,
        report: error instanceof ImportRefused ? error.report : undefined,
      });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const dryRun = async () => {
    const report = await send('dry_run');
    if (!report) return;
    setCheck(report);
    setMode(report.invalidRows > 0 ? 'skip_invalid' : 'all_or_nothing');
    setStep(2);
  };

  const commit = async () => {
    const report = await send(mode);
    if (!report) return;
    setResult(report);
    setStep(3);
  };

  const templateLink = (format: FileFormat) => (
    <Typography.Link
      data-testid={`import-template-${format}`}
      onClick={() =>
        void fetchFile(
          format === 'csv'
            ? '/api/v1/forms/{formKey}/import/template.csv'
            : '/api/v1/forms/{formKey}/import/template.xlsx',
          formKey,
          { locale },
          `${formKey}-template.${format}`,
        )
          .then(({ blob, fileName }) => downloadFile(blob, fileName))
          .catch((error: unknown) => message.error(problemMessage(error, t)))
      }
    >
      <DownloadOutlined /> {format === 'csv' ? t('runtime.import.templateCsv') : t('runtime.import.templateXlsx')}
    </Typography.Link>
  );

  const errorTable = (errors: ImportRowError[], count: number) => (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t('runtime.import.errorsTitle', { count })}</Typography.Text>
      <Table<ImportRowError>
        data-testid="import-errors"
        size="small"
        rowKey={(e, i) => `${e.row}-${e.column ?? ''}-${i ?? 0}`}
        dataSource={errors}
        pagination={errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
        columns={[
          { key: 'row', title: t('runtime.import.row'), dataIndex: 'row', width: 70 },
          {
            key: 'column',
            title: t('runtime.import.column'),
            width: 180,
            render: (_: unknown, e: ImportRowError) => e.column ?? labelOf(e.field),
          },
          { key: 'message', title: t('runtime.import.problem'), dataIndex: 'message' },
        ]}
      />
    </Flex>
  );

  const refusedAlert = refused && (
    <Flex vertical gap={8}>
      <Alert type="error" showIcon title={refused.text} data-testid="import-refused" />
      {refused.report &&
        refused.report.errors.length > 0 &&
        errorTable(refused.report.errors, refused.report.errorCount)}
    </Flex>
  );

  const body = () => {
    if (step === 0)
      return (
        <Flex vertical gap={16}>
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? t('runtime.import.reading') : t('runtime.import.dropHint')}</p>
            <p className="ant-upload-hint">{t('runtime.import.formats')}</p>
          </Upload.Dragger>
          <Space size={16} wrap>
            <Typography.Text type="secondary">{t('runtime.import.templates')}</Typography.Text>
            {templateLink('csv')}
            {templateLink('xlsx')}
          </Space>
          {refusedAlert}
        </Flex>
      );
    if (step === 1)
      return (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t('runtime.import.mappingHint', { file: file?.blob.name ?? '' })}
          </Typography.Text>
          <Table<{ header: string }>
            data-testid="import-mapping"
            size="small"
            rowKey="header"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={headers.map((header) => ({ header }))}
            columns={[
              { key: 'header', title: t('runtime.import.fileColumn'), dataIndex: 'header' },
              {
                key: 'field',
                title: t('runtime.import.field'),
                width: 300,
                render: (_: unknown, { header }: { header: string }) => (
                  <Select<string>
                    style={{ width: '100%' }}
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('runtime.import.skipColumn')}
                    value={mapping[header]}
                    data-testid={`import-map-${header}`}
                    options={fields.map((f) => ({
                      value: f.key,
                      label: `${fieldLabel(f, locale)} (${f.key})`,
                      disabled: Object.entries(mapping).some(([h, k]) => k === f.key && h !== header),
                    }))}
                    onChange={(key?: string) =>
                      setMapping((m) => {
                        const { [header]: _old, ...rest } = m;
                        return key ? { ...rest, [header]: key } : rest;
                      })
                    }
                  />
                ),
              },
            ]}
          />
          <Flex align="center" gap={8} wrap>
            <Typography.Text>{t('runtime.import.upsert')}</Typography.Text>
            <Select<string>
              style={{ width: 280 }}
              allowClear
              placeholder={t('runtime.import.upsertNone')}
              value={upsertField}
              onChange={(key?: string) => setUpsertField(key)}
              options={candidates.map((f) => ({ value: f.key, label: fieldLabel(f, locale) }))}
              notFoundContent={t('runtime.import.upsertEmpty')}
              data-testid="import-upsert"
            />
          </Flex>
          {refusedAlert}
        </Flex>
      );
    if (step === 2 && check)
      return (
        <Flex vertical gap={12}>
          <Flex gap={32} wrap data-testid="import-summary">
            <Statistic title={t('runtime.import.rows')} value={check.rows} />
            <Statistic title={t('runtime.import.willCreate')} value={check.created} />
            <Statistic title={t('runtime.import.willUpdate')} value={check.updated} />
            <Statistic
              title={t('runtime.import.invalidRows')}
              value={check.invalidRows}
              styles={{ content: { color: check.invalidRows ? '#cf1322' : undefined } }}
            />
          </Flex>
          {check.ignoredColumns.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('runtime.import.ignored', {
                columns: check.ignoredColumns.join(locale === 'zh-CN' ? '、' : ', '),
              })}
            />
          )}
          {check.errors.length > 0 ? (
            errorTable(check.errors, check.errorCount)
          ) : (
            <Alert type="success" showIcon title={t('runtime.import.allValid')} />
          )}
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as CommitMode)} data-testid="import-mode">
            <Space orientation="vertical">
              <Radio value="skip_invalid">{t('runtime.import.skipInvalid')}</Radio>
              <Radio value="all_or_nothing">{t('runtime.import.allOrNothing')}</Radio>
            </Space>
          </Radio.Group>
          {refusedAlert}
        </Flex>
      );
    if (step === 3 && result)
      return (
        <Result
          status={result.skipped > 0 ? 'warning' : 'success'}
          title={t('runtime.import.done')}
          subTitle={
            <span data-testid="import-result">
              {t('runtime.import.resultSummary', {
                created: result.created,
                updated: result.updated,
                skipped: result.skipped,
              })}
            </span>
          }
        />
      );
    return null;
  };

  const footer = (
    <Flex justify="flex-end" gap={8}>
      {step === 1 && <Button onClick={() => setStep(0)}>{t('runtime.import.back')}</Button>}
      {step === 2 && <Button onClick={() => setStep(1)}>{t('runtime.import.back')}</Button>}
      {step < 3 && <Button onClick={close}>{t('runtime.common.cancel')}</Button>}
      {step === 1 && (
        <Button
          type="primary"
          loading={busy}
          disabled={Object.keys(mapped).length === 0}
          onClick={() => void dryRun()}
          data-testid="import-dry-run"
        >
          {t('runtime.import.check')}
        </Button>
      )}
      {step === 2 && (
        <Button
          type="primary"
          loading={busy}
          disabled={check !== null && check.rows - check.invalidRows === 0}
          onClick={() => void commit()}
          data-testid="import-confirm"
        >
          {t('runtime.import.confirm')}
        </Button>
      )}
      {step === 3 && (
        <Button type="primary" onClick={close} data-testid="import-close">
          {t('runtime.import.close')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Modal
      open={open}
      width={860}
      title={t('runtime.import.title')}
      onCancel={close}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      <div data-testid="import-wizard">
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 20 }}
          items={[
            { title: t('runtime.import.stepFile') },
            { title: t('runtime.import.stepMapping') },
            { title: t('runtime.import.stepCheck') },
            { title: t('runtime.import.stepDone') },
          ]}
        />
        {body()}
      </div>
    </Modal>
  );
}
