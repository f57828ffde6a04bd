import { App, Drawer } from 'antd';
import type { FormDefinition } from '@tessera/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient, callApi } from '../../shared/api/api-client';
import { isApiProblem, type ApiProblemError } from '../../shared/api/api-problem';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { RecordForm } from '../record-form/record-form';
import { problemMessage } from '../shared/problem-message';

/** A drawer with the form in create mode: POST /records, field errors from the server mapped back. */
export function RecordCreateDrawer({
  formKey,
  definition,
  open,
  onClose,
  onCreated,
}: {
  formKey: string;
  definition: FormDefinition;
  open: boolean;
  onClose: () => void;
  onCreated: (record: RecordItem) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [serverErrors, setServerErrors] = useState<ApiProblemError[]>([]);
  const [generation, setGeneration] = useState(0);

  const submit = async (values: Record<string, unknown>) => {
    try {
      const record = await callApi(
        apiClient.POST('/api/v1/forms/{formKey}/records', { params: { path: { formKey } }, body: { values } }),
      );
      setServerErrors([]);
      setGeneration((g) => g + 1);
      message.success(t('runtime.record.created'));
      onCreated(record);
    } catch (error) {
      if (isApiProblem(error) && error.errors.length) setServerErrors(error.errors);
      message.error(problemMessage(error, t));
      throw error;
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('runtime.record.newTitle', { form: definition.name })}
      size="large"
      destroyOnHidden
      data-testid="record-create-drawer"
      styles={{ body: { paddingTop: 12 } }}
    >
      <RecordForm
        key={generation}
        definition={definition}
        mode="create"
        serverErrors={serverErrors}
        onSubmit={submit}
        onCancel={onClose}
      />
    </Drawer>
  );
}
