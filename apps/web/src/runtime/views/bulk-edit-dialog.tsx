import { App, Form, Modal, Select } from 'antd';
import type { FieldDefinition, FormDefinition } from '@tessera/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient, callApi } from '../../shared/api/api-client';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';
import { isWritable } from '../record-form/form-values';
import { problemMessage } from '../shared/problem-message';

const NOT_BULK = new Set(['sub_table', 'image', 'attachment', 'signature']);

/** Set one field to one value on every selected record (POST /records/bulk, each with its version). */
export function BulkEditDialog({
  formKey,
  definition,
  records,
  open,
  onClose,
  onDone,
}: {
  formKey: string;
  definition: FormDefinition;
  records: RecordItem[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { message } = App.useApp();
  const fields = definition.fields.filter((f) => isWritable(f) && !NOT_BULK.has(f.type));
  const [key, setKey] = useState<string | undefined>(fields[0]?.key);
  const [value, setValue] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const field: FieldDefinition | undefined = fields.find((f) => f.key === key);

  const apply = async () => {
    if (!field) return;
    setSaving(true);
    try {
      await callApi(
        apiClient.POST('/api/v1/forms/{formKey}/records/bulk', {
          params: { path: { formKey } },
          body: { update: records.map((r) => ({ id: r.id, version: r.version, values: { [field.key]: value } })) },
        }),
      );
      message.success(t('runtime.bulk.updated', { count: records.length }));
      onDone();
    } catch (error) {
      message.error(problemMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  const Input = field ? widgetFor(field).Input : null;
  return (
    <Modal
      open={open}
      title={t('runtime.bulk.editTitle', { count: records.length })}
      okText={t('runtime.bulk.apply')}
      cancelText={t('runtime.common.cancel')}
      confirmLoading={saving}
      onOk={() => void apply()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('runtime.bulk.field')}>
          <Select
            value={key}
            options={fields.map((f) => ({ value: f.key, label: fieldLabel(f, locale) }))}
            onChange={(k: string) => {
              setKey(k);
              setValue(null);
            }}
            data-testid="bulk-edit-field"
          />
        </Form.Item>
        {field && Input && (
          <Form.Item label={t('runtime.bulk.newValue')}>
            <Input field={field} value={value} onChange={setValue} locale={locale} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
