import { BarChartOutlined, DashboardOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Menu, Tag, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../auth/use-auth';
import { useLanguage } from '../../shared/i18n/use-language';
import type { AppItem } from '../../shared/widgets/fields/field-api-types';
import { NewDashboardDialog } from '../dashboards/new-dashboard-dialog';
import { useAppAnalytics } from '../dashboards/use-app-analytics';

type Name = AppItem['name'];
type Items = NonNullable<MenuProps['items']>;

/** An app or form name in the UI language (kept local: the sidebar is in the initial bundle, the engines are not). */
function nameIn(name: Name, locale: 'zh-CN' | 'en-US'): string {
  if (typeof name === 'string') return name;
  return name[locale] ?? name['zh-CN'] ?? name['en-US'] ?? '';
}

function selectedKey(pathname: string): string | undefined {
  const form = /^\/forms\/([^/]+)/.exec(pathname);
  if (form) return `form:${form[1]}`;
  const analytics = /^\/(dashboards|reports)\/([^/]+)/.exec(pathname);
  if (analytics) return `${analytics[1] === 'dashboards' ? 'dashboard' : 'report'}:${analytics[2]}`;
  return undefined;
}

/**
 * The sidebar's one tree per app: its forms (a published form opens its table, a draft is listed but not
 * openable), then its dashboards and reports, and for administrators "New dashboard" / "New report".
 */
export function SidebarAppsMenu({ apps }: { apps: AppItem[] }) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { me } = useAuth();
  const isAdmin = me?.isAdmin === true;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const analytics = useAppAnalytics(apps.map((a) => a.id));
  const [creatingIn, setCreatingIn] = useState<string>();
  const selected = selectedKey(pathname);

  const analyticsItems = (app: AppItem): Items => {
    const lists = analytics[app.id];
    const items: Items = [
      ...(lists?.dashboards ?? []).map((d) => ({
        key: `dashboard:${d.key}`,
        icon: <DashboardOutlined />,
        label: d.definition.name,
        'data-testid': `sidebar-dashboard-${d.key}`,
      })),
      ...(lists?.reports ?? []).map((r) => ({
        key: `report:${r.key}`,
        icon: <BarChartOutlined />,
        label: r.definition.name,
        'data-testid': `sidebar-report-${r.key}`,
      })),
      ...(isAdmin
        ? [
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
          ]
        : []),
    ];
    return items.length
      ? [{ type: 'group', key: `analytics:${app.id}`, label: t('reports.dashboard.analytics'), children: items }]
      : [];
  };

  return (
    <>
      <Menu
        mode="inline"
        data-testid="sidebar-apps"
        style={{ borderInlineEnd: 'none', background: 'transparent' }}
        selectedKeys={selected ? [selected] : []}
        defaultOpenKeys={apps.map((a) => `app:${a.id}`)}
        onClick={({ key }) => {
          const [kind, id] = key.split(':');
          if (kind === 'form') void navigate(`/forms/${id}`);
          else if (kind === 'dashboard') void navigate(`/dashboards/${id}`);
          else if (kind === 'report') void navigate(`/reports/${id}/design`);
          else if (kind === 'new-report') void navigate(`/apps/${id}/reports/new`);
          else if (kind === 'new-dashboard') setCreatingIn(id);
        }}
        items={apps.map((app) => ({
          key: `app:${app.id}`,
          label: nameIn(app.name, locale),
          'data-testid': `sidebar-app-${app.key}`,
          icon: (
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 3,
                background: app.color ?? '#5b6cf9',
              }}
            />
          ),
          children: [
            ...app.forms.map((form) => ({
              key: `form:${form.key}`,
              icon: <FormOutlined />,
              disabled: form.publishedVersion === null,
              'data-testid': `sidebar-form-${form.key}`,
              label: (
                <span>
                  {nameIn(form.name, locale)}
                  {form.publishedVersion === null && (
                    <Tag bordered={false} style={{ marginInlineStart: 6, fontSize: 11 }}>
                      {t('runtime.sidebar.draft')}
                    </Tag>
                  )}
                </span>
              ),
            })),
            ...analyticsItems(app),
          ],
        }))}
      />
      <NewDashboardDialog appId={creatingIn} onClose={() => setCreatingIn(undefined)} />
    </>
  );
}
