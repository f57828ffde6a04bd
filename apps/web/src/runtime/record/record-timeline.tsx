import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { FormDefinition } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient, callApi } from '../../shared/api/api-client';
import { useLanguage } from '../../shared/i18n/use-language';
import type { RecordHistoryItem } from '../../shared/widgets/fields/field-api-types';
import { fieldLabel, formatFieldValue, isRecordObject } from '../../shared/widgets/fields/field-format';

const ACTION_COLORS: Record<string, string> = { created: 'green', updated: 'blue', deleted: 'red', restored: 'orange' };
const KNOWN_ACTIONS = ['created', 'updated', 'deleted', 'restored'] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];
const isKnown = (a: string): a is KnownAction => (KNOWN_ACTIONS as readonly string[]).includes(a);

function actionOf(raw: string): string {
  // 'record.updated' or 'updated'
  return raw.split('.').pop() ?? raw;
}

/** The record's activity: who did what when, and for changes each field's before → after in the user's language. */
export function RecordTimeline({
  formKey,
  recordId,
  definition,
  refreshKey,
}: {
  formKey: string;
  recordId: string;
  definition: FormDefinition;
  refreshKey: number;
}) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const [entries, setEntries] = useState<RecordHistoryItem[] | null>(null);

  useEffect(() => {
    let alive = true;
    callApi(
      apiClient.GET('/api/v1/forms/{formKey}/records/{recordId}/history', { params: { path: { formKey, recordId } } }),
    )
      .then((list) => alive && setEntries(list))
      .catch(() => alive && setEntries([]));
    return () => {
      alive = false;
    };
  }, [formKey, recordId, refreshKey]);

  if (entries === null) return <Skeleton active />;
  if (entries.length === 0) return <Empty description={t('runtime.timeline.empty')} />;

  const text = (key: string, value: unknown) => {
    const field = definition.fields.find((f) => f.key === key);
    if (value === null || value === undefined || value === '') return t('runtime.timeline.emptyValue');
    if (!field) return typeof value === 'string' ? value : JSON.stringify(value);
    return formatFieldValue(field, value, locale) || t('runtime.timeline.emptyValue');
  };
  const labelOf = (key: string) => {
    const field = definition.fields.find((f) => f.key === key);
    return field ? fieldLabel(field, locale) : key;
  };
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Timeline
      data-testid="record-timeline"
      items={entries.map((entry) => {
        const action = actionOf(entry.action);
        const before = isRecordObject(entry.before) ? entry.before : {};
        const after = isRecordObject(entry.after) ? entry.after : {};
        const changed =
          action === 'updated'
            ? Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
            : [];
        return {
          key: entry.id,
          color: ACTION_COLORS[action] ?? 'gray',
          content: (
            <Flex vertical gap={4} data-testid="timeline-entry">
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{entry.actorName ?? t('runtime.timeline.system')}</Typography.Text>
                <Tag color={ACTION_COLORS[action]} bordered={false}>
                  {isKnown(action) ? t(`runtime.timeline.actions.${action}`) : action}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {when.format(new Date(entry.at))}
                </Typography.Text>
              </Flex>
              {changed.map((key) => (
                <Typography.Text key={key} style={{ fontSize: 13 }} data-testid="timeline-change">
                  <Typography.Text type="secondary">
                    {t('runtime.timeline.fieldLabel', { label: labelOf(key) })}
                  </Typography.Text>
                  <Typography.Text delete type="secondary">
                    {text(key, before[key])}
                  </Typography.Text>
                  {' → '}
                  <Typography.Text>{text(key, after[key])}</Typography.Text>
                </Typography.Text>
              ))}
            </Flex>
          ),
        };
      })}
    />
  );
}
