import { DownOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/use-auth';
import { BRAND_COLOR } from '../shared/widgets/tessera-theme';

/** Avatar + name; the menu shows the account and the Log out item. */
export function UserMenu() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  if (!me) return null;

  const items: MenuProps['items'] = [
    {
      key: 'account',
      disabled: true,
      label: (
        <Flex vertical style={{ minWidth: 180, cursor: 'default' }}>
          <Typography.Text strong>{me.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {me.email}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {me.tenant.name} · {me.isAdmin ? t('shell.userMenu.admin') : t('shell.userMenu.member')}
          </Typography.Text>
        </Flex>
      ),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('auth.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key !== 'logout') return;
    await logout();
    await navigate('/login', { replace: true });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ height: 40, paddingInline: 8 }}>
        <Flex align="center" gap={8}>
          <Avatar size={28} style={{ backgroundColor: BRAND_COLOR }}>
            {me.name.trim().slice(0, 1).toUpperCase() || '?'}
          </Avatar>
          <span>{me.name}</span>
          <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
