import { Alert, Button, Card, Flex, Layout, Result, Skeleton, Typography } from 'antd';
import type { FormDefinition } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiClient, callApi } from '../../shared/api/api-client';
import { isApiProblem, type ApiProblemError } from '../../shared/api/api-problem';
import { BrandLogo } from '../../shared/widgets/brand-logo';
import type { PublicFormItem } from '../../shared/widgets/fields/field-api-types';
import { LanguageSwitch } from '../../shared/widgets/language-switch';
import { RecordForm } from '../record-form/record-form';
import { problemMessage } from '../shared/problem-message';

type State =
  { status: 'loading' } | { status: 'missing' } | { status: 'ready'; form: PublicFormItem } | { status: 'done' };

/** /p/:token — a published form shared by public link: fill it in without signing in, then a thank-you page. */
export function PublicFormPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [serverErrors, setServerErrors] = useState<ApiProblemError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let alive = true;
    callApi(apiClient.GET('/api/v1/public/forms/{token}', { params: { path: { token } } }))
      .then((form) => alive && setState({ status: 'ready', form }))
      .catch(() => alive && setState({ status: 'missing' }));
    return () => {
      alive = false;
    };
  }, [token]);

  const submit = async (values: Record<string, unknown>) => {
    setFailure(null);
    try {
      await callApi(
        apiClient.POST('/api/v1/public/forms/{token}/submissions', { params: { path: { token } }, body: { values } }),
      );
      setServerErrors([]);
      setState({ status: 'done' });
    } catch (error) {
      if (isApiProblem(error) && error.errors.length) setServerErrors(error.errors);
      setFailure(
        isApiProblem(error) && error.status === 429
          ? t('runtime.public.rateLimited', { seconds: error.retryAfterSeconds ?? 60 })
          : problemMessage(error, t),
      );
      throw error;
    }
  };

  let body;
  if (state.status === 'loading') body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (state.status === 'missing')
    body = <Result status="404" title={t('runtime.public.missingTitle')} subTitle={t('runtime.public.missingHint')} />;
  else if (state.status === 'done')
    body = (
      <Result
        status="success"
        title={t('runtime.public.thanksTitle')}
        subTitle={t('runtime.public.thanksHint')}
        data-testid="public-thanks"
        extra={
          <Button
            onClick={() => {
              setRound((r) => r + 1);
              setState({ status: 'loading' });
              callApi(apiClient.GET('/api/v1/public/forms/{token}', { params: { path: { token } } }))
                .then((form) => setState({ status: 'ready', form }))
                .catch(() => setState({ status: 'missing' }));
            }}
          >
            {t('runtime.public.again')}
          </Button>
        }
      />
    );
  else {
    const definition = state.form.definition as unknown as FormDefinition;
    body = (
      <>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {state.form.name}
        </Typography.Title>
        {definition.description && (
          <Typography.Paragraph type="secondary">{definition.description}</Typography.Paragraph>
        )}
        {failure && (
          <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="public-error" />
        )}
        <RecordForm key={round} definition={definition} mode="create" serverErrors={serverErrors} onSubmit={submit} />
      </>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fb' }}>
      <Flex justify="space-between" align="center" style={{ padding: '16px 24px' }}>
        <Flex align="center" gap={10}>
          <BrandLogo size={24} />
          {state.status === 'ready' && <Typography.Text type="secondary">{state.form.tenantName}</Typography.Text>}
        </Flex>
        <LanguageSwitch size="small" />
      </Flex>
      <Flex justify="center" style={{ padding: '8px 16px 48px' }}>
        <Card style={{ width: '100%', maxWidth: 760 }} data-testid="public-form">
          {body}
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', paddingBottom: 24, fontSize: 12 }}>
        {t('runtime.public.poweredBy')}
      </Typography.Text>
    </Layout>
  );
}
