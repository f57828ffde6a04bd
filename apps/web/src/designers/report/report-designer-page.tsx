import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import type { ReportDefinition, ValueKind } from '@tessera/schema';
import { App, Button, Flex, Input, Result, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiProblem } from '../../shared/api/api-problem';
import { reportApi } from '../../shared/charts/report-api';
import { useAppCatalog } from '../../shared/charts/use-app-catalog';
import { notifyAnalyticsChanged } from '../../runtime/dashboards/analytics-events';
import { useLanguage } from '../../shared/i18n/use-language';
import { FullPageSpinner } from '../../shared/widgets/full-page-spinner';
import { ReportDesigner } from './report-designer';
import { effectiveDefinition, newReportDefinition } from './report-draft';
import { useSourceFields } from './use-source-fields';
import './report-designer.css';

interface Loaded {
  appId: string;
  /** The stored version (undefined for a new report). */
  version?: number;
  definition?: ReportDefinition;
}

/**
 * The report designer page: /apps/:appId/reports/new and /reports/:key/design. Loads the report, keeps the
 * edited definition, saves it (create, or update with the version read: 409 when someone saved in between).
 */
export function ReportDesignerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { appId, key } = useParams();
  const catalog = useAppCatalog(language);
  const [loaded, setLoaded] = useState<Loaded | 'error' | undefined>(appId ? { appId } : undefined);
  const [definition, setDefinition] = useState<ReportDefinition>();
  const [autoChart, setAutoChart] = useState(!key);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const source = useSourceFields(definition?.source.form);
  const kindOf = useCallback(
    (ref: string): ValueKind | undefined =>
      source.status === 'ready' ? source.fields.find((f) => f.ref === ref)?.kind : undefined,
    [source],
  );

  useEffect(() => {
    if (!key) return;
    let alive = true;
    reportApi
      .getReport(key)
      .then((r) => {
        if (!alive) return;
        setLoaded({ appId: r.appId, version: r.version, definition: r.definition });
        setDefinition(r.definition);
      })
      .catch(() => alive && setLoaded('error'));
    return () => {
      alive = false;
    };
  }, [key]);

  const change = useCallback((next: ReportDefinition, chartPicked?: boolean) => {
    setDefinition(next);
    setDirty(true);
    if (chartPicked) setAutoChart(false);
  }, []);

  const pickForm = useCallback(
    (formKey: string) => {
      const fresh = newReportDefinition(formKey, definition?.name ?? t('reports.designer.untitled'));
      setDefinition({ ...fresh, key: definition?.key ?? fresh.key });
      setAutoChart(true);
      setDirty(true);
    },
    [definition, t],
  );

  if (loaded === undefined) return <FullPageSpinner />;
  if (loaded === 'error')
    return (
      <Result
        status="404"
        title={t('reports.designer.notFound')}
        extra={<Button href="/">{t('common.backHome')}</Button>}
      />
    );

  const save = async () => {
    if (!definition) return;
    const toSave = effectiveDefinition(
      { ...definition, name: definition.name.trim() || t('reports.designer.untitled') },
      kindOf,
    );
    setSaving(true);
    try {
      if (loaded.version === undefined) {
        const created = await reportApi.createReport(loaded.appId, toSave);
        setLoaded({ appId: created.appId, version: created.version, definition: created.definition });
        setDirty(false);
        notifyAnalyticsChanged();
        message.success(t('reports.designer.saved'));
        navigate(`/reports/${created.key}/design`, { replace: true });
      } else {
        const updated = await reportApi.updateReport(toSave.key, loaded.version, toSave);
        setLoaded({ appId: updated.appId, version: updated.version, definition: updated.definition });
        setDirty(false);
        message.success(t('reports.designer.saved'));
      }
    } catch (error) {
      if (isApiProblem(error) && error.status === 409) message.error(t('reports.designer.conflict'));
      else
        message.error(
          isApiProblem(error) ? (error.errors[0]?.message ?? error.title) : t('reports.designer.saveFailed'),
        );
    } finally {
      setSaving(false);
    }
  };

  const sourceForm = catalog.forms.find((f) => f.key === definition?.source.form);
  return (
    <DndProvider backend={HTML5Backend}>
      <div className="rd-root" data-testid="report-designer">
        <header className="rd-toolbar">
          <Tooltip title={t('reports.designer.back')}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('reports.designer.back')}
            />
          </Tooltip>
          <Input
            variant="borderless"
            className="rd-title-input"
            value={definition?.name ?? ''}
            placeholder={t('reports.designer.untitled')}
            disabled={!definition}
            onChange={(e) => definition && change({ ...definition, name: e.target.value })}
            data-testid="report-name"
            maxLength={200}
          />
          {sourceForm && <Tag color="blue">{sourceForm.name}</Tag>}
          <Flex flex={1} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dirty ? t('reports.designer.unsaved') : loaded.version ? t('reports.designer.allSaved') : ''}
          </Typography.Text>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={!definition || (!dirty && loaded.version !== undefined)}
            onClick={() => void save()}
            data-testid="report-save"
          >
            {t('reports.designer.save')}
          </Button>
        </header>
        <ReportDesigner
          definition={definition}
          source={source}
          autoChart={autoChart}
          forms={catalog.forms}
          onPickForm={pickForm}
          onChange={change}
        />
      </div>
    </DndProvider>
  );
}
