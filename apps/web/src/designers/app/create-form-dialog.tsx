import { App, Form, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../shared/api/api-problem';
import { appsApi, type CreatedForm } from './apps-api';
import { KeyNameFields, type KeyNameValues } from './key-name-form';

/** "New form" inside an app: a name and a key (the table name) derived from it. */
export function CreateFormDialog(props: {
  appId: string | null;
  onClose: () => void;
  onCreated: (form: CreatedForm) => void;
}) {
  const { appId, onClose, onCreated } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<KeyNameValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: KeyNameValues) => {
    if (!appId) return;
    setBusy(true);
    try {
      const created = await appsApi.createForm(appId, values.key, values.name.trim());
      message.success(t('designer.createForm.created', { name: values.name.trim() }));
      onCreated(created);
    } catch (error) {
      const text = isApiProblem(error)
        ? error.status === 409
          ? t('designer.createForm.keyTaken')
          : (error.errors[0]?.message ?? error.detail ?? error.title)
        : String(error);
      form.setFields([{ name: 'key', errors: [text] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={appId !== null}
      title={t('designer.createForm.title')}
      okText={t('designer.createForm.submit')}
      cancelText={t('designer.page.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ ...({ 'data-testid': 'create-form-submit' } as ButtonProps) }}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} preserve={false}>
        <KeyNameFields
          form={form}
          fallbackPrefix="form"
          testIdPrefix="create-form"
          labels={{
            name: t('designer.createForm.name'),
            namePlaceholder: t('designer.createForm.namePlaceholder'),
            nameRequired: t('designer.createForm.nameRequired'),
            key: t('designer.createForm.key'),
            keyHelp: t('designer.createForm.keyHelp'),
            keyInvalid: t('designer.createApp.keyInvalid'),
          }}
        />
      </Form>
    </Modal>
  );
}
