import { Button, Collapse, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The friendly page shown when rendering crashed. Plain links: the router itself may be what broke. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
      <Result
        status="500"
        title={<span data-testid="page-heading">{t('errors.crashTitle')}</span>}
        subTitle={t('errors.crashSubtitle')}
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>,
          <Button key="home" href="/">
            {t('common.backHome')}
          </Button>,
        ]}
      >
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'details',
              label: t('errors.details'),
              children: (
                <Typography.Paragraph code copyable style={{ whiteSpace: 'pre-wrap', maxWidth: 560 }}>
                  {message}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Result>
    </Flex>
  );
}
