import { AppstoreOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { localizedText } from '@tessera/schema';
import { Alert, Button, Card, Col, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiProblem } from '../../shared/api/api-problem';
import { useLanguage } from '../../shared/i18n/use-language';
import { appsApi, type AppSummary } from './apps-api';
import { CreateAppDialog } from './create-app-dialog';
import { CreateFormDialog } from './create-form-dialog';

function designPath(appId: string, formKey: string): string {
  return `/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(formKey)}/design`;
}

/** The home page's apps: each with its forms (open the designer), plus "New app" and "New form" for admins. */
export function AppsOverview({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [apps, setApps] = useState<AppSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creatingApp, setCreatingApp] = useState(false);
  const [formApp, setFormApp] = useState<string | null>(null);

  const load = useCallback(() => {
    appsApi
      .list()
      .then((list) => {
        setApps(list);
        setError(null);
      })
      .catch((problem: unknown) =>
        setError(isApiProblem(problem) ? (problem.detail ?? problem.title) : t('designer.apps.loadFailed')),
      );
  }, [t]);
  useEffect(load, [load]);

  return (
    <section data-testid="apps-overview" style={{ marginTop: 24 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('designer.apps.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('designer.apps.subtitle')}</Typography.Text>
        </div>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingApp(true)} data-testid="new-app">
            {t('designer.apps.newApp')}
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={t('designer.apps.loadFailed')} description={error} />}
      {!apps && !error && <Skeleton active />}
      {apps?.length === 0 && <Empty description={t('designer.apps.empty')} />}
      <Row gutter={[16, 16]}>
        {apps?.map((app) => (
          <Col key={app.id} xs={24} md={12} xl={8}>
            <Card
              data-testid={`app-card-${app.key}`}
              title={
                <Flex align="center" gap={8}>
                  <AppstoreOutlined style={{ color: app.color ?? undefined }} />
                  {localizedText(app.name, language)}
                </Flex>
              }
              extra={
                canCreate && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setFormApp(app.id)}
                    data-testid={`new-form-${app.key}`}
                  >
                    {t('designer.apps.newForm')}
                  </Button>
                )
              }
            >
              {app.forms.length === 0 ? (
                <Typography.Text type="secondary">{t('designer.apps.noForms')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={app.forms}
                  renderItem={(form) => (
                    <List.Item
                      actions={
                        canCreate
                          ? [
                              <Link
                                key="design"
                                to={designPath(app.id, form.key)}
                                data-testid={`design-form-${form.key}`}
                              >
                                <EditOutlined /> {t('designer.apps.design')}
                              </Link>,
                            ]
                          : []
                      }
                    >
                      <Flex gap={8} align="center">
                        <Link to={`/forms/${encodeURIComponent(form.key)}`}>{localizedText(form.name, language)}</Link>
                        {form.publishedVersion ? (
                          <Tag color="green">{t('designer.apps.published', { version: form.publishedVersion })}</Tag>
                        ) : (
                          <Tag>{t('designer.apps.draft')}</Tag>
                        )}
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <CreateAppDialog
        open={creatingApp}
        onClose={() => setCreatingApp(false)}
        onCreated={(app) => {
          setCreatingApp(false);
          load();
          setFormApp(app.id);
        }}
      />
      <CreateFormDialog
        appId={formApp}
        onClose={() => setFormApp(null)}
        onCreated={(form) => {
          const appId = formApp;
          setFormApp(null);
          if (appId) void navigate(designPath(appId, form.key));
        }}
      />
    </section>
  );
}
