import { Empty, Skeleton, Table, Tabs, Typography } from 'antd';
import type { FormDefinition, RelationField } from '@tessera/schema';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';
import { fieldLabel } from '../../shared/widgets/fields/field-format';
import { FieldValue } from '../../shared/widgets/fields/field-value';
import { widgetFor } from '../../shared/widgets/fields/field-widget-registry';
import { recordTitle, titleFieldOf } from '../../shared/widgets/fields/record-title';
import { loadForm, publishedDefinition } from '../../shared/widgets/fields/use-published-definition';
import { useApps } from '../shared/use-apps';
import { useRecordQuery } from '../views/use-record-query';

interface Backlink {
  formKey: string;
  definition: FormDefinition;
  field: RelationField;
}

function RelatedList({ link, recordId }: { link: Backlink; recordId: string }) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const query = useRecordQuery(link.formKey, {
    filter: { field: link.field.key, op: link.field.relation.multiple ? 'contains' : 'eq', value: recordId },
    limit: 50,
    offset: 0,
    sort: [{ field: 'created_at', direction: 'desc' }],
  });
  const title = titleFieldOf(link.definition);
  const extra = link.definition.fields
    .filter(
      (f) =>
        f.key !== title?.key &&
        f.key !== link.field.key &&
        !widgetFor(f).layout &&
        !widgetFor(f).wide &&
        f.type !== 'sub_table',
    )
    .slice(0, 3);
  return (
    <Table<RecordItem>
      size="small"
      rowKey="id"
      loading={query.loading}
      dataSource={query.items}
      pagination={false}
      locale={{ emptyText: t('runtime.related.none') }}
      columns={[
        {
          key: '$title',
          title: title ? fieldLabel(title, locale) : t('runtime.related.record'),
          render: (_: unknown, r) => (
            <Link to={`/forms/${link.formKey}/records/${r.id}`}>{recordTitle(r, link.definition, locale)}</Link>
          ),
        },
        ...extra.map((f) => ({
          key: f.key,
          title: fieldLabel(f, locale),
          render: (_: unknown, r: RecordItem) => (
            <FieldValue field={f} value={r.values[f.key]} display={r.display[f.key]} locale={locale} compact />
          ),
        })),
      ]}
      footer={
        query.total > query.items.length
          ? () => <Typography.Text type="secondary">{t('runtime.table.total', { count: query.total })}</Typography.Text>
          : undefined
      }
    />
  );
}

/** Records of the app's other forms whose relation field points at this record, one tab per relation. */
export function RelatedRecords({ formKey, appId, recordId }: { formKey: string; appId: string; recordId: string }) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const { apps } = useApps();
  const [links, setLinks] = useState<Backlink[] | null>(null);
  const siblings = useMemo(
    () =>
      apps
        ?.find((a) => a.id === appId)
        ?.forms.filter((f) => f.publishedVersion !== null)
        .map((f) => f.key),
    [apps, appId],
  );
  const siblingKey = siblings?.join(',');

  useEffect(() => {
    if (siblingKey === undefined) return;
    let alive = true;
    Promise.all(
      siblingKey
        .split(',')
        .filter(Boolean)
        .map((key) =>
          loadForm(key)
            .then((form) => ({ key, definition: publishedDefinition(form) }))
            .catch(() => ({ key, definition: null })),
        ),
    ).then((forms) => {
      if (!alive) return;
      const found: Backlink[] = [];
      for (const { key, definition } of forms) {
        if (!definition) continue;
        for (const field of definition.fields)
          if (field.type === 'relation' && field.relation.form === formKey)
            found.push({ formKey: key, definition, field });
      }
      setLinks(found);
    });
    return () => {
      alive = false;
    };
  }, [siblingKey, formKey]);

  if (links === null) return <Skeleton active />;
  if (links.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('runtime.related.noRelations')} />;
  return (
    <Tabs
      size="small"
      items={links.map((link) => ({
        key: `${link.formKey}.${link.field.key}`,
        label: `${link.definition.name} · ${fieldLabel(link.field, locale)}`,
        children: <RelatedList link={link} recordId={recordId} />,
      }))}
    />
  );
}
