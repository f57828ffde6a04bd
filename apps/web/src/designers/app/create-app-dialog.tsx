import { App, Form, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../shared/api/api-problem';
import { appsApi, type AppSummary } from './apps-api';
import { KeyNameFields, type KeyNameValues } from './key-name-form';

/** "New app": a name, a key derived from it. */
export function CreateAppDialog(props: { open: boolean; onClose: () => void; onCreated: (app: AppSummary) => void }) {
  const { open, onClose, onCreated } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<KeyNameValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: KeyNameValues) => {
    setBusy(true);
    try {
      const app = await appsApi.createApp(values.key, values.name.trim());
      message.success(t('designer.createApp.created', { name: values.name.trim() }));
      form.resetFields();
      onCreated(app);
    } catch (error) {
      const keyError = isApiProblem(error) ? error.errors.find((e) => e.path.endsWith('/key')) : undefined;
      if (keyError || (isApiProblem(error) && error.status === 409))
        form.setFields([{ name: 'key', errors: [keyError?.message ?? t('designer.createForm.keyTaken')] }]);
      else
        message.error(
          t('designer.createApp.failed', {
            message: isApiProblem(error) ? (error.detail ?? error.title) : String(error),
          }),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('designer.createApp.title')}
      okText={t('designer.createApp.submit')}
      cancelText={t('designer.page.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ ...({ 'data-testid': 'create-app-submit' } as ButtonProps) }}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} preserve={false}>
        <KeyNameFields
          form={form}
          fallbackPrefix="app"
          testIdPrefix="create-app"
          labels={{
            name: t('designer.createApp.name'),
            namePlaceholder: t('designer.createApp.namePlaceholder'),
            nameRequired: t('designer.createApp.nameRequired'),
            key: t('designer.createApp.key'),
            keyHelp: t('designer.createApp.keyHelp'),
            keyInvalid: t('designer.createApp.keyInvalid'),
          }}
        />
      </Form>
    </Modal>
  );
}
