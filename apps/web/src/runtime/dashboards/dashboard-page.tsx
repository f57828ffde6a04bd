import {
  CheckOutlined,
  EditOutlined,
  FilterOutlined,
  FullscreenExitOutlined,
  FullscreenOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { dashboardFilterConditions, type DrillPoint } from '@tessera/report-engine';
import type { DashboardDefinition, DashboardFilterValue, DashboardItem } from '@tessera/schema';
import { App, Button, Empty, Flex, Input, Result, Select, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiProblem } from '../../shared/api/api-problem';
import { drillPointForClick, type ChartClick } from '../../shared/charts/chart-click';
import { reportApi, type StoredDashboard, type StoredReport, type WireCondition } from '../../shared/charts/report-api';
import { useLanguage } from '../../shared/i18n/use-language';
import { DashboardCard } from './dashboard-card';
import { DashboardFilterBar, type FilterValues } from './dashboard-filter-bar';
import { DashboardFilterEditor } from './dashboard-filter-editor';
import { DashboardGrid } from './dashboard-grid';
import { DrillDownDrawer, type DrillTarget } from './drill-down-drawer';
import { DEFAULT_SIZE, firstFreeSpot, placeItem } from './grid-layout';
import { ReportPalette } from './report-palette';
import { useDashboardRun } from './use-dashboard-run';
import { useFullscreen } from './use-fullscreen';
import { useValueLabels } from './use-value-labels';
import './dashboard.css';

const REFRESH_CHOICES = [0, 30, 60, 300, 900];
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';

interface CrossFilter {
  reportKey: string;
  point: DrillPoint;
  label: string;
}

/** What part of a dashboard definition makes its charts' data change (not the layout). */
const runKeyOf = (d: DashboardDefinition): string =>
  JSON.stringify([d.items.map((i) => i.reportKey).sort(), d.filters, d.crossFilter]);

/**
 * A dashboard (/dashboards/:key): its charts on the grid with the dashboard filters; click to drill down or
 * to cross-filter; auto refresh and full screen. Edit mode (?edit=1 or the Edit button) adds reports from a
 * palette, moves/resizes them and edits the filters; every change is saved at once (with the version read).
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language } = useLanguage();
  const { key = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const editing = search.get('edit') === '1';
  const [stored, setStored] = useState<StoredDashboard | 'error'>();
  const [saved, setSaved] = useState<DashboardDefinition>();
  const [reports, setReports] = useState<Map<string, StoredReport>>(new Map());
  const [filterValues, setFilterValues] = useState<FilterValues>({});
  const [cross, setCross] = useState<CrossFilter>();
  const [drill, setDrill] = useState<DrillTarget>();
  const [filterEditorOpen, setFilterEditorOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { fullscreen, toggle: toggleFullscreen } = useFullscreen(root);
  const versionRef = useRef(0);
  const saveChain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let alive = true;
    (async () => {
      const dashboard = await reportApi.getDashboard(key);
      const list = await reportApi.listReports(dashboard.appId);
      if (!alive) return;
      versionRef.current = dashboard.version;
      setStored(dashboard);
      setSaved(dashboard.definition);
      setReports(new Map(list.map((r) => [r.key, r])));
    })().catch(() => alive && setStored('error'));
    return () => {
      alive = false;
    };
  }, [key]);

  const definition = stored && stored !== 'error' ? stored.definition : undefined;
  const run = useDashboardRun(
    key,
    saved ? runKeyOf(saved) : '',
    filterValues,
    cross && saved?.crossFilter ? { reportKey: cross.reportKey, point: cross.point } : undefined,
    language,
    saved?.refreshSeconds ?? 0,
  );

  const onDashboardReports = useMemo(
    () =>
      (definition?.items ?? []).map((i) => reports.get(i.reportKey)).filter((r): r is StoredReport => r !== undefined),
    [definition?.items, reports],
  );
  const valueLabels = useValueLabels(onDashboardReports, language);

  /** Shows the change at once and saves it after the saves before it (each with the version it got back). */
  const persist = useCallback(
    (next: DashboardDefinition) => {
      setStored((s) => (s && s !== 'error' ? { ...s, definition: next } : s));
      setSaving(true);
      saveChain.current = saveChain.current.then(async () => {
        try {
          const result = await reportApi.updateDashboard(key, versionRef.current, next);
          versionRef.current = result.version;
          setSaved(result.definition);
        } catch (error) {
          message.error(
            isApiProblem(error) && error.status === 409
              ? t('reports.dashboard.conflict')
              : t('reports.dashboard.saveFailed'),
          );
        } finally {
          setSaving(false);
        }
      });
    },
    [key, message, t],
  );

  const addReport = useCallback(
    (reportKey: string, at?: { x: number; y: number }) => {
      if (!definition || definition.items.some((i) => i.reportKey === reportKey)) return;
      const spot = at ?? firstFreeSpot(definition.items, DEFAULT_SIZE.w, DEFAULT_SIZE.h);
      const item: DashboardItem = { reportKey, ...spot, ...DEFAULT_SIZE };
      persist({ ...definition, items: placeItem(definition.items, item) });
    },
    [definition, persist],
  );
  const changeLayout = useCallback(
    (items: DashboardItem[]) => definition && persist({ ...definition, items }),
    [definition, persist],
  );

  const conditionsFor = useCallback(
    (reportKey: string): WireCondition[] =>
      saved
        ? (dashboardFilterConditions(saved, reportKey, filterValues, {
            timeZone: TIME_ZONE,
          }) as unknown as WireCondition[])
        : [],
    [saved, filterValues],
  );

  const clickPoint = (reportKey: string, click: ChartClick) => {
    const report = reports.get(reportKey);
    const rows = run.results?.get(reportKey)?.rows ?? [];
    if (!report) return;
    const point = drillPointForClick(report.definition, rows, click);
    if (!point) return;
    const label = click.name || report.definition.name;
    if (saved?.crossFilter) {
      setCross((c) => (c && c.reportKey === reportKey && c.label === label ? undefined : { reportKey, point, label }));
      return;
    }
    setDrill({ report, point, label, conditions: conditionsFor(reportKey) });
  };

  if (stored === undefined)
    return (
      <Flex justify="center" style={{ padding: 80 }}>
        <Spin size="large" />
      </Flex>
    );
  if (stored === 'error' || !definition) return <Result status="404" title={t('reports.dashboard.notFound')} />;

  const placed = new Set(definition.items.map((i) => i.reportKey));
  const setEditing = (on: boolean) => setSearch(on ? { edit: '1' } : {}, { replace: true });
  const setFilter = (filterKey: string, value: DashboardFilterValue | undefined) =>
    setFilterValues((values) => {
      const next = { ...values };
      if (value) next[filterKey] = value;
      else delete next[filterKey];
      return next;
    });

  const crossReport = cross ? reports.get(cross.reportKey) : undefined;
  return (
    <DndProvider backend={HTML5Backend}>
      <div ref={root} className={`db-root${fullscreen ? ' db-root-fullscreen' : ''}`} data-testid="dashboard-page">
        <Flex align="center" gap={12} wrap className="db-toolbar">
          {editing ? (
            <Input
              value={definition.name}
              onChange={(e) => setStored({ ...stored, definition: { ...definition, name: e.target.value } })}
              onBlur={() => definition.name.trim() && persist(definition)}
              className="db-title-input"
              variant="borderless"
              data-testid="dashboard-name"
            />
          ) : (
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-heading">
              {definition.name}
            </Typography.Title>
          )}
          <Flex flex={1} />
          {run.ranAt && !editing && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.dashboard.updatedAt', {
                time: run.ranAt.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }),
              })}
            </Typography.Text>
          )}
          {editing ? (
            <>
              {saving && <Spin size="small" />}
              <Button
                icon={<FilterOutlined />}
                onClick={() => setFilterEditorOpen(true)}
                data-testid="dashboard-edit-filters"
              >
                {t('reports.filters.edit')}
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setEditing(false)}
                data-testid="dashboard-done"
              >
                {t('reports.dashboard.done')}
              </Button>
            </>
          ) : (
            <>
              <Tooltip title={t('reports.dashboard.crossFilterHint')}>
                <Flex align="center" gap={6}>
                  <Switch
                    size="small"
                    checked={definition.crossFilter}
                    onChange={(crossFilter) => {
                      setCross(undefined);
                      persist({ ...definition, crossFilter });
                    }}
                    data-testid="dashboard-cross-filter"
                  />
                  <Typography.Text>{t('reports.dashboard.crossFilter')}</Typography.Text>
                </Flex>
              </Tooltip>
              <Select
                size="middle"
                value={definition.refreshSeconds}
                style={{ width: 150 }}
                prefix={<ReloadOutlined />}
                options={REFRESH_CHOICES.map((n) => ({
                  value: n,
                  label:
                    n === 0
                      ? t('reports.dashboard.off')
                      : n < 60
                        ? t('reports.dashboard.everySeconds', { n })
                        : t('reports.dashboard.everyMinutes', { n: n / 60 }),
                }))}
                onChange={(refreshSeconds: number) => persist({ ...definition, refreshSeconds })}
                aria-label={t('reports.dashboard.autoRefresh')}
                data-testid="dashboard-auto-refresh"
              />
              <Tooltip title={t('reports.dashboard.refresh')}>
                <Button
                  icon={<ReloadOutlined spin={run.loading} />}
                  onClick={run.refresh}
                  aria-label={t('reports.dashboard.refresh')}
                />
              </Tooltip>
              <Tooltip title={fullscreen ? t('reports.dashboard.exitFullScreen') : t('reports.dashboard.fullScreen')}>
                <Button
                  icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
                  onClick={toggleFullscreen}
                  aria-label={t('reports.dashboard.fullScreen')}
                  data-testid="dashboard-fullscreen"
                />
              </Tooltip>
              {!fullscreen && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="dashboard-edit">
                  {t('reports.dashboard.edit')}
                </Button>
              )}
            </>
          )}
        </Flex>
        <DashboardFilterBar filters={definition.filters} values={filterValues} onChange={setFilter} />
        {cross && crossReport && (
          <Flex align="center" gap={8} className="db-cross-bar" data-testid="dashboard-cross-filter-tag">
            <Tag color="blue" closable onClose={() => setCross(undefined)} style={{ marginInlineEnd: 0 }}>
              {t('reports.dashboard.crossFilteredBy', { name: cross.label })}
            </Tag>
            <Button
              size="small"
              type="link"
              onClick={() =>
                setDrill({
                  report: crossReport,
                  point: cross.point,
                  label: cross.label,
                  conditions: conditionsFor(cross.reportKey),
                })
              }
            >
              {t('reports.dashboard.viewRecords')}
            </Button>
          </Flex>
        )}
        <div className={editing ? 'db-edit-layout' : undefined}>
          {editing && (
            <ReportPalette appId={stored.appId} reports={[...reports.values()]} placedKeys={placed} onAdd={addReport} />
          )}
          <div style={{ flex: 1, minWidth: 0 }}>
            <DashboardGrid
              items={definition.items}
              editing={editing}
              onLayoutChange={changeLayout}
              onDropReport={addReport}
              empty={
                <Empty
                  className="db-empty"
                  description={
                    <Flex vertical gap={4}>
                      <Typography.Text strong>{t('reports.dashboard.emptyTitle')}</Typography.Text>
                      <Typography.Text type="secondary">
                        {editing ? t('reports.dashboard.emptyEdit') : t('reports.dashboard.emptyView')}
                      </Typography.Text>
                    </Flex>
                  }
                />
              }
              renderItem={(item, chrome) => (
                <DashboardCard
                  reportKey={item.reportKey}
                  report={reports.get(item.reportKey)}
                  result={run.results?.get(item.reportKey)}
                  height={chrome.height}
                  locale={language}
                  valueLabels={valueLabels.get(item.reportKey)}
                  editing={editing}
                  filtering={cross?.reportKey === item.reportKey}
                  onHandlePointerDown={chrome.onHandlePointerDown}
                  onPointClick={(click) => clickPoint(item.reportKey, click)}
                  onRemove={() =>
                    persist({ ...definition, items: definition.items.filter((i) => i.reportKey !== item.reportKey) })
                  }
                />
              )}
            />
          </div>
        </div>
        {run.failed && <Result status="warning" subTitle={t('reports.dashboard.loadFailed')} />}
        <DashboardFilterEditor
          open={filterEditorOpen}
          filters={definition.filters}
          reports={onDashboardReports}
          onCancel={() => setFilterEditorOpen(false)}
          onSave={(filters) => {
            setFilterEditorOpen(false);
            persist({ ...definition, filters });
          }}
        />
        <DrillDownDrawer target={drill} onClose={() => setDrill(undefined)} />
      </div>
    </DndProvider>
  );
}
