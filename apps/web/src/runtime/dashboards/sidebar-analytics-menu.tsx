import { BarChartOutlined, DashboardOutlined, PlusOutlined } from '@ant-design/icons';
import { Flex, Menu, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { reportApi, type StoredDashboard, type StoredReport } from '../../shared/charts/report-api';
import { useLanguage } from '../../shared/i18n/use-language';
import type { AppItem } from '../../shared/widgets/fields/field-api-types';
import { onAnalyticsChanged } from './analytics-events';
import { NewDashboardDialog } from './new-dashboard-dialog';

interface AppAnalytics {
  dashboards: StoredDashboard[];
  reports: StoredReport[];
}

function nameIn(name: AppItem['name'], locale: 'zh-CN' | 'en-US'): string {
  if (typeof name === 'string') return name;
  return name[locale] ?? name['zh-CN'] ?? name['en-US'] ?? '';
}

/** The sidebar's "Reports & dashboards" section: per app its dashboards and reports, and "new" actions. */
export function SidebarAnalyticsMenu({ apps }: { apps: AppItem[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [lists, setLists] = useState<Record<string, AppAnalytics>>({});
  const [creatingIn, setCreatingIn] = useState<string>();
  const appIds = apps.map((a) => a.id).join(',');

  const reload = useCallback(() => {
    for (const appId of appIds.split(',').filter(Boolean))
      Promise.all([reportApi.listDashboards(appId), reportApi.listReports(appId)])
        .then(([dashboards, reports]) => setLists((all) => ({ ...all, [appId]: { dashboards, reports } })))
        .catch(() => undefined);
  }, [appIds]);
  useEffect(() => {
    reload();
    return onAnalyticsChanged(reload);
  }, [reload]);

  const selected = /^\/(dashboards|reports)\/([^/]+)/.exec(pathname);
  return (
    <>
      <Flex align="center" gap={8} style={{ padding: '16px 8px 8px' }}>
        <DashboardOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
        <Typography.Text type="secondary" strong style={{ fontSize: 12, letterSpacing: 0.4 }}>
          {t('reports.dashboard.analytics')}
        </Typography.Text>
      </Flex>
      <Menu
        mode="inline"
        data-testid="sidebar-analytics"
        style={{ borderInlineEnd: 'none', background: 'transparent' }}
        defaultOpenKeys={apps.map((a) => `analytics:${a.id}`)}
        selectedKeys={selected ? [`${selected[1] === 'dashboards' ? 'dashboard' : 'report'}:${selected[2]}`] : []}
        onClick={({ key }) => {
          const [kind, id] = key.split(':');
          if (kind === 'dashboard') void navigate(`/dashboards/${id}`);
          else if (kind === 'report') void navigate(`/reports/${id}/design`);
          else if (kind === 'new-report') void navigate(`/apps/${id}/reports/new`);
          else if (kind === 'new-dashboard') setCreatingIn(id);
        }}
        items={apps.map((app) => ({
          key: `analytics:${app.id}`,
          label: nameIn(app.name, language),
          icon: <BarChartOutlined />,
          children: [
            ...(lists[app.id]?.dashboards ?? []).map((d) => ({
              key: `dashboard:${d.key}`,
              icon: <DashboardOutlined />,
              label: d.definition.name,
              'data-testid': `sidebar-dashboard-${d.key}`,
            })),
            ...(lists[app.id]?.reports ?? []).map((r) => ({
              key: `report:${r.key}`,
              icon: <BarChartOutlined />,
              label: r.definition.name,
              'data-testid': `sidebar-report-${r.key}`,
            })),
            {
              key: `new-dashboard:${app.id}`,
              icon: <PlusOutlined />,
              label: t('reports.dashboard.newDashboard'),
              'data-testid': `sidebar-new-dashboard-${app.key}`,
            },
            {
              key: `new-report:${app.id}`,
              icon: <PlusOutlined />,
              label: t('reports.dashboard.newReport'),
              'data-testid': `sidebar-new-report-${app.key}`,
            },
          ],
        }))}
      />
      <NewDashboardDialog appId={creatingIn} onClose={() => setCreatingIn(undefined)} />
    </>
  );
}
