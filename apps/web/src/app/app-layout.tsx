import { Flex, Layout } from 'antd';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../shared/widgets/language-switch';
import { AppSidebar } from './app-sidebar';
import { UserMenu } from './user-menu';
import { useUserLocale } from './use-user-locale';

/** The signed-in shell: apps sidebar on the left; header with language switch and user menu; the page below. */
export function AppLayout() {
  useUserLocale();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppSidebar />
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" gap={16}>
            <LanguageSwitch size="small" />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: '28px 32px' }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
