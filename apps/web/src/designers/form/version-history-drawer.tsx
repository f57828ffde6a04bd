import { Alert, Drawer, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { isApiProblem } from '../../shared/api/api-problem';
import { designerApi, type FormVersion } from './designer-api';

/** The published versions of the form, newest first. */
export function VersionHistoryDrawer({ formKey, onClose }: { formKey: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [versions, setVersions] = useState<FormVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    designerApi
      .versions(formKey)
      .then(setVersions)
      .catch((problem: unknown) =>
        setError(isApiProblem(problem) ? (problem.detail ?? problem.title) : String(problem)),
      );
  }, [formKey]);
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Drawer open width={420} title={t('designer.versions.title')} onClose={onClose} data-testid="versions-drawer">
      {error && <Alert type="error" showIcon title={error} />}
      {!versions && !error && <Skeleton active />}
      {versions?.length === 0 && <Empty description={t('designer.versions.empty')} />}
      {versions && versions.length > 0 && (
        <List
          dataSource={versions}
          renderItem={(version, index) => (
            <List.Item data-testid={`version-${version.version}`}>
              <List.Item.Meta
                title={
                  <>
                    <Typography.Text strong>
                      {t('designer.versions.version', { version: version.version })}
                    </Typography.Text>{' '}
                    {index === 0 && <Tag color="green">{t('designer.versions.current')}</Tag>}
                  </>
                }
                description={
                  <>
                    <div>
                      {t('designer.versions.publishedAt', { time: format.format(new Date(version.publishedAt)) })}
                    </div>
                    <div>
                      {t('designer.versions.fields', { count: version.definition.fields.length })} ·{' '}
                      {t('designer.versions.ddl', { count: version.ddl.length })}
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
