import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Card, Flex, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { BRAND_COLOR } from '../shared/widgets/tessera-theme';
import { BrandLogo } from '../shared/widgets/brand-logo';
import { FullPageSpinner } from '../shared/widgets/full-page-spinner';
import { LanguageSwitch } from '../shared/widgets/language-switch';
import { LoginForm } from './login-form';
import { useAuth } from './use-auth';

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login') return from;
  }
  return '/';
}

function LoginHero() {
  const { t } = useTranslation();
  const points = [t('auth.login.heroPoint1'), t('auth.login.heroPoint2'), t('auth.login.heroPoint3')];
  return (
    <Flex
      vertical
      justify="space-between"
      style={{
        flex: '0 0 44%',
        padding: '40px 56px',
        color: '#fff',
        background: `radial-gradient(circle at 20% 20%, #6a7bf0 0%, transparent 55%), linear-gradient(150deg, ${BRAND_COLOR} 0%, #27308f 100%)`,
      }}
    >
      <BrandLogo size={32} inverted />
      <div style={{ maxWidth: 440 }}>
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 34, lineHeight: 1.3 }}>
          {t('auth.login.heroTitle')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.82)', fontSize: 16 }}>
          {t('auth.login.heroBody')}
        </Typography.Paragraph>
        <Flex vertical gap={12} style={{ marginTop: 28 }}>
          {points.map((point) => (
            <Flex key={point} gap={10} align="center" style={{ fontSize: 15 }}>
              <CheckCircleFilled style={{ color: '#9ee6ff' }} />
              <span>{point}</span>
            </Flex>
          ))}
        </Flex>
      </div>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.6)' }}>
        {t('auth.login.footer', { year: new Date().getFullYear() })}
      </Typography.Text>
    </Flex>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, login, sessionExpired } = useAuth();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const target = redirectTarget(location.state);

  if (status === 'loading') return <FullPageSpinner />;
  if (status === 'authenticated') return <Navigate to={target} replace />;

  return (
    <Flex style={{ minHeight: '100vh' }}>
      {screens.lg && <LoginHero />}
      <Flex vertical style={{ flex: 1, padding: 24 }}>
        <Flex justify={screens.lg ? 'flex-end' : 'space-between'} align="center">
          {!screens.lg && <BrandLogo />}
          <LanguageSwitch size="small" />
        </Flex>
        <Flex flex={1} align="center" justify="center">
          <Card style={{ width: '100%', maxWidth: 420 }} styles={{ body: { padding: 36 } }} variant="borderless">
            <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }} data-testid="page-heading">
              {t('auth.login.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 28 }}>
              {t('auth.login.subtitle')}
            </Typography.Paragraph>
            {sessionExpired && (
              <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 20 }} />
            )}
            <LoginForm onSubmit={login} />
          </Card>
        </Flex>
      </Flex>
    </Flex>
  );
}
