import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Skeleton, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiClient, callApi } from '../../shared/api/api-client';
import { isApiProblem, type ApiProblemError } from '../../shared/api/api-problem';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { recordTitle } from '../../shared/widgets/fields/record-title';
import { PageHeading } from '../../shared/widgets/page-heading';
import { RecordForm } from '../record-form/record-form';
import { problemMessage } from '../shared/problem-message';
import { RuntimePageState } from '../shared/runtime-page-state';
import { useFormRuntime } from '../shared/use-form-runtime';
import { ConflictDialog } from './conflict-dialog';
import { RecordTimeline } from './record-timeline';
import { RelatedRecords } from './related-records';

type Conflict = { mine: Record<string, unknown>; theirs: RecordItem };

/** /forms/:formKey/records/:recordId — the 360° view: fields (edit in place), related records, timeline. */
export function RecordPage() {
  const { formKey = '', recordId = '' } = useParams();
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const runtime = useFormRuntime(formKey);
  const [record, setRecord] = useState<RecordItem | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [serverErrors, setServerErrors] = useState<ApiProblemError[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [overwriting, setOverwriting] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);

  useEffect(() => {
    let alive = true;
    setRecord(null);
    callApi(apiClient.GET('/api/v1/forms/{formKey}/records/{recordId}', { params: { path: { formKey, recordId } } }))
      .then((r) => alive && setRecord(r))
      .catch((e: unknown) => alive && setLoadError(e));
    return () => {
      alive = false;
    };
  }, [formKey, recordId]);

  if (runtime.status !== 'ready') return <RuntimePageState state={runtime} onRetry={runtime.reload} />;
  if (loadError)
    return (
      <Result
        status={isApiProblem(loadError) && loadError.status === 404 ? '404' : 'error'}
        title={problemMessage(loadError, t)}
        extra={
          <Link to={`/forms/${formKey}`}>
            <Button>{t('runtime.record.backToList')}</Button>
          </Link>
        }
      />
    );
  if (!record) return <Skeleton active paragraph={{ rows: 10 }} />;

  const { definition } = runtime;
  const saved = (updated: RecordItem) => {
    setRecord(updated);
    setEditing(false);
    setServerErrors([]);
    setConflict(null);
    setHistoryKey((k) => k + 1);
    message.success(t('runtime.record.saved'));
  };

  const patch = (version: number, values: Record<string, unknown>) =>
    callApi(
      apiClient.PATCH('/api/v1/forms/{formKey}/records/{recordId}', {
        params: { path: { formKey, recordId } },
        body: { version, values },
      }),
    );

  const save = async (values: Record<string, unknown>) => {
    if (Object.keys(values).length === 0) {
      setEditing(false);
      return;
    }
    try {
      saved(await patch(record.version, values));
    } catch (error) {
      if (isApiProblem(error) && error.status === 409) {
        const theirs = await callApi(
          apiClient.GET('/api/v1/forms/{formKey}/records/{recordId}', { params: { path: { formKey, recordId } } }),
        ).catch(() => null);
        if (theirs && theirs.version !== record.version) {
          setConflict({ mine: values, theirs });
          throw error;
        }
      }
      if (isApiProblem(error) && error.errors.length) setServerErrors(error.errors);
      message.error(problemMessage(error, t));
      throw error;
    }
  };

  const overwrite = async () => {
    if (!conflict) return;
    setOverwriting(true);
    try {
      saved(await patch(conflict.theirs.version, conflict.mine));
    } catch (error) {
      message.error(problemMessage(error, t));
    } finally {
      setOverwriting(false);
    }
  };

  const remove = async () => {
    try {
      await callApi(
        apiClient.DELETE('/api/v1/forms/{formKey}/records/{recordId}', { params: { path: { formKey, recordId } } }),
      );
      message.success(t('runtime.bulk.deleted', { count: 1 }));
      void navigate(`/forms/${formKey}`);
    } catch (error) {
      message.error(problemMessage(error, t));
    }
  };

  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const title = recordTitle(record, definition, locale);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={`/forms/${formKey}`}>{definition.name}</Link> }, { title }]}
      />
      <PageHeading
        title={title}
        subtitle={t('runtime.record.meta', {
          creator: record.display.created_by ?? '—',
          created: when.format(new Date(record.createdAt)),
          updated: when.format(new Date(record.updatedAt)),
        })}
        extra={
          <Space>
            <Link to={`/forms/${formKey}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('runtime.record.backToList')}</Button>
            </Link>
            {!editing && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="record-edit">
                {t('runtime.common.edit')}
              </Button>
            )}
            <Popconfirm
              title={t('runtime.record.deleteConfirm')}
              okText={t('runtime.common.delete')}
              cancelText={t('runtime.common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void remove()}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('runtime.common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        }
      />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={15}>
          <Card title={t('runtime.record.fields')} data-testid="record-fields">
            <RecordForm
              key={`${record.id}@${record.version}-${editing ? 'edit' : 'read'}`}
              definition={definition}
              initialValues={record.values}
              display={record.display}
              mode="edit"
              readOnly={!editing}
              serverErrors={serverErrors}
              onSubmit={save}
              onCancel={() => {
                setEditing(false);
                setServerErrors([]);
              }}
            />
          </Card>
          <Card title={t('runtime.record.related')} style={{ marginTop: 20 }}>
            <RelatedRecords formKey={formKey} appId={runtime.form.appId} recordId={record.id} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card>
            <Tabs
              items={[
                {
                  key: 'timeline',
                  label: t('runtime.record.timeline'),
                  children: (
                    <RecordTimeline
                      formKey={formKey}
                      recordId={record.id}
                      definition={definition}
                      refreshKey={historyKey}
                    />
                  ),
                },
                {
                  key: 'info',
                  label: t('runtime.record.info'),
                  children: (
                    <Descriptions column={1} size="small">
                      <Descriptions.Item label={t('runtime.system.created_by')}>
                        {String(record.display.created_by ?? '—')}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('runtime.system.created_at')}>
                        {when.format(new Date(record.createdAt))}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('runtime.system.updated_at')}>
                        {when.format(new Date(record.updatedAt))}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('runtime.system.owner_id')}>
                        {String(record.display.owner_id ?? '—')}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('runtime.record.version')}>{record.version}</Descriptions.Item>
                    </Descriptions>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {conflict && (
        <ConflictDialog
          definition={definition}
          mine={conflict.mine}
          theirs={conflict.theirs}
          overwriting={overwriting}
          onCancel={() => setConflict(null)}
          onReload={() => {
            setRecord(conflict.theirs);
            setConflict(null);
            setEditing(false);
            setServerErrors([]);
            setHistoryKey((k) => k + 1);
          }}
          onOverwrite={() => void overwrite()}
        />
      )}
    </>
  );
}
