import { AppstoreOutlined, DeleteOutlined, TableOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Card, Segmented, Spin } from 'antd';
import { localizedText, type Condition } from '@tessera/schema';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLanguage } from '../../shared/i18n/use-language';
import { PageHeading } from '../../shared/widgets/page-heading';
import { RuntimePageState } from '../shared/runtime-page-state';
import { useApps } from '../shared/use-apps';
import { useFormRuntime } from '../shared/use-form-runtime';
import { KanbanBoard } from './kanban-board';
import { RecordsTableView } from './records-table-view';
import { snapshotOf, useSavedViews, type SavedView, type ViewSnapshot } from './use-saved-views';
import { ViewsMenu } from './views-menu';

type Mode = 'table' | 'kanban' | 'trash';
const MODES: Mode[] = ['table', 'kanban', 'trash'];
const modeOf = (value: string | null): Mode | undefined => MODES.find((m) => m === value);

/** A `?filter=` condition (dashboards' drill-down links): JSON of an object, else ignored. */
function parseFilter(text: string | null): Condition | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Condition) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * /forms/:formKey — the records of a published form: table, kanban or trash (`?mode=`), a saved view (`?view=<id>`)
 * or a filter from a link (`?filter=<condition JSON>`).
 */
export function TableViewPage() {
  const { formKey = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language: locale } = useLanguage();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  // `?view=kanban|trash` was the mode before saved views took the parameter
  const legacyMode = modeOf(viewParam);
  const viewId = legacyMode ? undefined : (viewParam ?? undefined);
  const filterParam = params.get('filter');
  const urlFilter = useMemo(() => parseFilter(filterParam), [filterParam]);
  const saved = useSavedViews(formKey);
  const active: SavedView | undefined = viewId ? saved.views?.find((v) => v.id === viewId) : undefined;
  const mode: Mode = active
    ? active.kind === 'kanban'
      ? 'kanban'
      : 'table'
    : (modeOf(params.get('mode')) ?? legacyMode ?? 'table');
  const runtime = useFormRuntime(formKey);
  const { apps } = useApps();
  const app = runtime.status === 'ready' ? apps?.find((a) => a.id === runtime.form.appId) : undefined;

  const snapshot = useRef<ViewSnapshot>({});
  const onStateChange = useCallback((state: ViewSnapshot) => {
    snapshot.current = state;
  }, []);
  const initial = useMemo<ViewSnapshot | undefined>(
    () => (active ? snapshotOf(active) : urlFilter ? { filter: urlFilter } : undefined),
    [active, urlFilter],
  );

  const viewsLoaded = saved.views !== null;
  useEffect(() => {
    if (!viewId || !viewsLoaded || active) return;
    message.warning(t('runtime.savedViews.notFound'));
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete('view');
        return next;
      },
      { replace: true },
    );
  }, [viewId, viewsLoaded, active, message, t, setParams]);

  const select = (view: SavedView | undefined) =>
    setParams(view ? { view: view.id } : mode === 'kanban' ? { mode: 'kanban' } : {});

  if (runtime.status !== 'ready') return <RuntimePageState state={runtime} onRetry={runtime.reload} />;
  const waiting = viewId !== undefined && !active;
  const menu =
    mode === 'trash' ? undefined : (
      <ViewsMenu
        views={saved}
        active={active}
        kind={mode === 'kanban' ? 'kanban' : 'table'}
        snapshot={() => snapshot.current}
        onSelect={select}
      />
    );
  const key = `${formKey}-${mode}-${active ? `${active.id}-${active.version}` : (filterParam ?? '')}`;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">{t('runtime.common.home')}</Link> },
          { title: app ? localizedText(app.name, locale) : '…' },
        ]}
      />
      <PageHeading
        title={runtime.definition.name}
        subtitle={runtime.definition.description}
        extra={
          <Segmented<Mode>
            value={mode}
            onChange={(m) => setParams(m === 'table' ? {} : { mode: m })}
            data-testid="view-switch"
            options={[
              { value: 'table', label: t('runtime.views.table'), icon: <TableOutlined /> },
              { value: 'kanban', label: t('runtime.views.kanban'), icon: <AppstoreOutlined /> },
              { value: 'trash', label: t('runtime.views.trash'), icon: <DeleteOutlined /> },
            ]}
          />
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        {waiting ? (
          <Spin style={{ display: 'block', margin: '48px auto' }} />
        ) : mode === 'kanban' ? (
          <KanbanBoard key={key} runtime={runtime} initial={initial} onStateChange={onStateChange} toolbar={menu} />
        ) : (
          <RecordsTableView
            key={key}
            runtime={runtime}
            trash={mode === 'trash'}
            initial={mode === 'trash' ? undefined : initial}
            onStateChange={onStateChange}
            toolbar={menu}
          />
        )}
      </Card>
    </>
  );
}
