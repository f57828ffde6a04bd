import { RocketOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Tag, theme, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/use-auth';
import { PageHeading } from '../shared/widgets/page-heading';

// apps with their forms, "New app" / "New form" (lazy: keeps the designer's code out of the first load)
const AppsOverview = lazy(async () => ({ default: (await import('../designers/app/apps-overview')).AppsOverview }));

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { token } = theme.useToken();
  if (!me) return null;
  return (
    <>
      <PageHeading title={me.tenant.name} subtitle={t('home.welcome', { name: me.name })} />
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={14}>
          <Card>
            <Flex gap={16} align="flex-start">
              <RocketOutlined style={{ fontSize: 28, color: token.colorPrimary }} />
              <div>
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {t('home.gettingStartedTitle')}
                </Typography.Title>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  {t('home.intro', { tenant: me.tenant.name })} {t('home.gettingStartedBody')}
                </Typography.Paragraph>
              </div>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.workspace')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.tenantCode')}>
                <Typography.Text code>{me.tenant.slug}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.account')}>{me.email}</Descriptions.Item>
              <Descriptions.Item label={t('home.role')}>
                <Tag color={me.isAdmin ? 'blue' : 'default'}>
                  {me.isAdmin ? t('shell.userMenu.admin') : t('shell.userMenu.member')}
                </Tag>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Suspense fallback={null}>
        <AppsOverview canCreate={me.isAdmin} />
      </Suspense>
    </>
  );
}
