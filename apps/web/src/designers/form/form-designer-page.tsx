import { Button, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../shared/api/api-problem';
import { FullPageSpinner } from '../../shared/widgets/full-page-spinner';
import { designerApi, type AppRecord, type FormRecord } from './designer-api';
import { FormDesigner } from './form-designer';
import './form-designer.css';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; form: FormRecord; app: AppRecord | null };

/** Route `/apps/:appId/forms/:formKey/design`: loads the form (and its app's forms) and opens the designer. */
export function FormDesignerPage() {
  const { t } = useTranslation();
  const { appId = '', formKey = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    try {
      const [form, app] = await Promise.all([
        designerApi.loadForm(formKey),
        designerApi.loadApp(appId).catch(() => null),
      ]);
      setLoaded({ status: 'ready', form, app });
      setGeneration((n) => n + 1);
    } catch (error) {
      setLoaded({ status: 'failed', message: isApiProblem(error) ? (error.detail ?? error.title) : String(error) });
    }
  }, [appId, formKey]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loaded.status === 'loading') return <FullPageSpinner />;
  if (loaded.status === 'failed') {
    return (
      <Result
        status="warning"
        title={t('designer.page.loadFailed')}
        subTitle={loaded.message}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <DndProvider backend={HTML5Backend}>
      <FormDesigner key={generation} form={loaded.form} app={loaded.app} onReload={load} />
    </DndProvider>
  );
}
