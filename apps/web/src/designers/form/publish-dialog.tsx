import { Alert, App, Collapse, Empty, List, Modal, Spin, Tag, Typography, type ButtonProps } from 'antd';
import type { LocalizedText } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../shared/api/api-problem';
import { designerApi, type FormRecord, type PublishPreview } from './designer-api';
import { toDefinition, type DesignerDocument } from './designer-document';
import { groupIssues, type DesignerIssues } from './designer-issues';
import { useLocalized } from './use-localized';

const KIND_COLORS = { added: 'green', changed: 'blue', hidden: 'orange' } as const;

type Stage =
  | { stage: 'loading' }
  | { stage: 'ready'; preview: PublishPreview; revision: number }
  | { stage: 'failed'; message: string };

/**
 * Publish: saves the draft if needed, shows what publishing changes (added / changed / hidden fields, the DDL),
 * blocks on refused (destructive) changes and on problems, then publishes the revision.
 */
export function PublishDialog(props: {
  formKey: string;
  dirty: boolean;
  revision: number;
  document: DesignerDocument;
  save: () => Promise<number | null>;
  onClose: () => void;
  onPublished: (form: FormRecord) => void;
  onIssues: (issues: DesignerIssues) => void;
}) {
  const { formKey, dirty, revision, document, save, onClose, onPublished, onIssues } = props;
  const { t } = useTranslation();
  const localized = useLocalized();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ stage: 'loading' });
  const [publishing, setPublishing] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const at = dirty ? await save() : revision;
      if (at === null) return onClose();
      try {
        const preview = await designerApi.publishPreview(formKey);
        if (!cancelled) setStage({ stage: 'ready', preview, revision: at });
      } catch (error) {
        if (!cancelled)
          setStage({ stage: 'failed', message: isApiProblem(error) ? (error.detail ?? error.title) : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
    // once, when the dialog opens
  }, []);

  const blocked = stage.stage !== 'ready' || stage.preview.refused.length > 0 || stage.preview.issues.length > 0;

  const publish = async () => {
    if (stage.stage !== 'ready') return;
    setPublishing(true);
    try {
      const result = await designerApi.publish(formKey, stage.revision);
      message.success(t('designer.publish.success', { version: result.publishedVersion ?? 1 }));
      onPublished(result);
    } catch (error) {
      if (isApiProblem(error) && error.status === 400 && error.errors.length)
        onIssues(groupIssues(toDefinition(document), error.errors));
      const text = isApiProblem(error) ? (error.errors[0]?.message ?? error.detail ?? error.title) : String(error);
      message.error(t('designer.publish.failed', { message: text }));
    } finally {
      setPublishing(false);
    }
  };

  const fromVersion = stage.stage === 'ready' ? stage.preview.fromVersion : null;
  return (
    <Modal
      open
      width={640}
      title={t('designer.publish.title')}
      okText={t('designer.publish.confirm')}
      cancelText={t('designer.page.cancel')}
      okButtonProps={{
        disabled: blocked,
        loading: publishing,
        ...({ 'data-testid': 'publish-confirm' } as ButtonProps),
      }}
      onOk={() => void publish()}
      onCancel={onClose}
      data-testid="publish-dialog"
    >
      <div data-testid="publish-dialog-body">
        {stage.stage === 'loading' && (
          <div style={{ textAlign: 'center', padding: 32 }}>
            <Spin />
            <div style={{ marginTop: 8 }}>{t('designer.publish.loading')}</div>
          </div>
        )}
        {stage.stage === 'failed' && <Alert type="error" showIcon title={stage.message} />}
        {stage.stage === 'ready' && (
          <>
            <Typography.Paragraph type="secondary">
              {fromVersion
                ? t('designer.publish.fromVersion', { from: fromVersion, to: fromVersion + 1 })
                : t('designer.publish.firstVersion')}
            </Typography.Paragraph>
            {stage.preview.issues.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('designer.publish.issuesTitle')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                    {stage.preview.issues.map((issue, index) => (
                      <li key={index}>{issue.message}</li>
                    ))}
                  </ul>
                }
                data-testid="publish-issues"
              />
            )}
            {stage.preview.refused.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('designer.publish.refusedTitle')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                    {stage.preview.refused.map((refused, index) => (
                      <li key={index}>{refused.message}</li>
                    ))}
                  </ul>
                }
                data-testid="publish-refused"
              />
            )}
            {stage.preview.changes.some((change) => change.kind === 'hidden') && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('designer.publish.hiddenWarning')} />
            )}
            <Typography.Title level={5}>{t('designer.publish.changes')}</Typography.Title>
            {stage.preview.changes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.publish.noChanges')} />
            ) : (
              <List
                size="small"
                bordered
                style={{ maxHeight: 280, overflowY: 'auto' }}
                dataSource={stage.preview.changes}
                renderItem={(change) => (
                  <List.Item data-testid={`publish-change-${change.field}`}>
                    <Tag color={KIND_COLORS[change.kind]}>{t(`designer.publish.kinds.${change.kind}`)}</Tag>
                    <Typography.Text style={{ flex: 1 }}>{localized(change.label as LocalizedText)}</Typography.Text>
                    <Typography.Text code>{change.field}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
            {stage.preview.ddl.length > 0 && (
              <Collapse
                size="small"
                style={{ marginTop: 12 }}
                items={[
                  {
                    key: 'ddl',
                    label: t('designer.publish.ddl', { count: stage.preview.ddl.length }),
                    children: (
                      <pre style={{ fontSize: 11, margin: 0, whiteSpace: 'pre-wrap' }}>
                        {stage.preview.ddl.join(';\n')}
                      </pre>
                    ),
                  },
                ]}
              />
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
