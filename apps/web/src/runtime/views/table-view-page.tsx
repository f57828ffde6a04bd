import { AppstoreOutlined, DeleteOutlined, TableOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Segmented } from 'antd';
import { localizedText } from '@tessera/schema';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLanguage } from '../../shared/i18n/use-language';
import { PageHeading } from '../../shared/widgets/page-heading';
import { RuntimePageState } from '../shared/runtime-page-state';
import { useApps } from '../shared/use-apps';
import { useFormRuntime } from '../shared/use-form-runtime';
import { KanbanBoard } from './kanban-board';
import { RecordsTableView } from './records-table-view';

type ViewName = 'table' | 'kanban' | 'trash';
const VIEWS: ViewName[] = ['table', 'kanban', 'trash'];

/** /forms/:formKey — the records of a published form: table, kanban or trash (?view=). */
export function TableViewPage() {
  const { formKey = '' } = useParams();
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const [params, setParams] = useSearchParams();
  const view: ViewName = VIEWS.find((v) => v === params.get('view')) ?? 'table';
  const runtime = useFormRuntime(formKey);
  const { apps } = useApps();
  const app = runtime.status === 'ready' ? apps?.find((a) => a.id === runtime.form.appId) : undefined;

  if (runtime.status !== 'ready') return <RuntimePageState state={runtime} onRetry={runtime.reload} />;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">{t('runtime.common.home')}</Link> },
          { title: app ? localizedText(app.name, locale) : '…' },
        ]}
      />
      <PageHeading
        title={runtime.definition.name}
        subtitle={runtime.definition.description}
        extra={
          <Segmented<ViewName>
            value={view}
            onChange={(v) => setParams(v === 'table' ? {} : { view: v })}
            data-testid="view-switch"
            options={[
              { value: 'table', label: t('runtime.views.table'), icon: <TableOutlined /> },
              { value: 'kanban', label: t('runtime.views.kanban'), icon: <AppstoreOutlined /> },
              { value: 'trash', label: t('runtime.views.trash'), icon: <DeleteOutlined /> },
            ]}
          />
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        {view === 'kanban' ? (
          <KanbanBoard key={formKey} runtime={runtime} />
        ) : (
          <RecordsTableView key={`${formKey}-${view}`} runtime={runtime} trash={view === 'trash'} />
        )}
      </Card>
    </>
  );
}
