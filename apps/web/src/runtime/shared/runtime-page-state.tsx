import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FormRuntimeState } from './use-form-runtime';

/** Loading, not-published and error states shared by the runtime pages. */
export function RuntimePageState({ state, onRetry }: { state: FormRuntimeState; onRetry: () => void }) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (state.status === 'unpublished')
    return (
      <Result
        status="info"
        title={t('runtime.form.notPublishedTitle')}
        subTitle={t('runtime.form.notPublishedHint')}
        extra={
          <Link to="/">
            <Button>{t('runtime.common.backHome')}</Button>
          </Link>
        }
      />
    );
  if (state.status === 'error')
    return (
      <Result
        status={state.problem?.status === 404 ? '404' : state.problem?.status === 403 ? '403' : 'error'}
        title={state.problem?.status === 404 ? t('runtime.errors.formNotFound') : t('runtime.errors.loadFailed')}
        subTitle={state.problem?.detail}
        extra={<Button onClick={onRetry}>{t('runtime.common.retry')}</Button>}
      />
    );
  return null;
}
