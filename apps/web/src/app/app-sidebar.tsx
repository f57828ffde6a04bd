import { AppstoreOutlined } from '@ant-design/icons';
import { Empty, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SidebarAppsMenu } from '../runtime/shared/sidebar-apps-menu';
import { useApps } from '../runtime/shared/use-apps';
import { BrandLogo } from '../shared/widgets/brand-logo';

export const SIDEBAR_WIDTH = 248;

/** The left sidebar: brand, then one tree per app: forms, dashboards, reports (an empty state when there are none). */
export function AppSidebar() {
  const { t } = useTranslation();
  const { apps } = useApps();
  return (
    <Layout.Sider
      width={SIDEBAR_WIDTH}
      breakpoint="md"
      collapsedWidth={0}
      data-testid="sidebar"
      style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)', position: 'sticky', top: 0, height: '100vh' }}
    >
      <Flex align="center" style={{ height: 56, padding: '0 20px' }}>
        <Link to="/" aria-label="Tessera">
          <BrandLogo size={26} />
        </Link>
      </Flex>
      <nav
        aria-label={t('shell.sidebar.apps')}
        style={{ padding: '12px 12px', overflowY: 'auto', height: 'calc(100vh - 56px)' }}
      >
        <Flex align="center" gap={8} style={{ padding: '4px 8px 8px' }}>
          <AppstoreOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          <Typography.Text type="secondary" strong style={{ fontSize: 12, letterSpacing: 0.4 }}>
            {t('shell.sidebar.apps')}
          </Typography.Text>
        </Flex>
        {apps && apps.length > 0 ? (
          <SidebarAppsMenu apps={apps} />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            style={{ marginTop: 32 }}
            description={
              <Flex vertical gap={4} data-testid="sidebar-apps-empty">
                <Typography.Text>{t('shell.sidebar.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('shell.sidebar.emptyHint')}
                </Typography.Text>
              </Flex>
            }
          />
        )}
      </nav>
    </Layout.Sider>
  );
}
