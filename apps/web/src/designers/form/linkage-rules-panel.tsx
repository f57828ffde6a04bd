import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LinkageRule } from '@tessera/schema';
import { Alert, Button, Card, Empty, Flex, Form, Select, Typography } from 'antd';
import { memo, useMemo, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { ConditionBuilder } from '../../shared/widgets/condition-builder/condition-builder';
import { conditionFieldsOf } from './condition-fields';
import { orderedKeys, type DesignerDocument } from './designer-document';
import type { DesignerIssues } from './designer-issues';
import type { DesignerAction } from './designer-state';
import { compact } from './field-update';
import { useLocalized } from './use-localized';

const ACTIONS = ['show', 'hide', 'require', 'readOnly'] as const;

/** Form-level linkage rules (联动): a visual condition, then the fields to show, hide, require or make read-only. */
export const LinkageRulesPanel = memo(function LinkageRulesPanel(props: {
  document: DesignerDocument;
  issues: DesignerIssues;
  dispatch: Dispatch<DesignerAction>;
}) {
  const { document, issues, dispatch } = props;
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localized = useLocalized();
  const fields = useMemo(
    () => orderedKeys(document).map((key) => document.fields[key]!),
    // the field list changes with fields and layout, not with linkage edits
    [document.fields, document.containers],
  );
  const conditionFields = useMemo(() => conditionFieldsOf(fields, language), [fields, language]);
  const targetOptions = fields.map((field) => ({
    value: field.key,
    label: `${localized(field.label)} (${field.key})`,
  }));
  const rules = document.linkage;

  const setRules = (next: readonly LinkageRule[], tag?: string) => dispatch({ type: 'setLinkage', linkage: next, tag });
  const setRule = (index: number, rule: LinkageRule, tag?: string) =>
    setRules(
      rules.map((candidate, position) => (position === index ? rule : candidate)),
      tag ? `${index}.${tag}` : undefined,
    );
  const ruleIssues = (index: number) => issues.form.filter((issue) => issue.path.startsWith(`/linkage/${index}/`));

  return (
    <div data-testid="linkage-panel">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('designer.linkage.description')}
      </Typography.Paragraph>
      {rules.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.linkage.empty')} />}
      {rules.map((rule, index) => (
        <Card
          key={index}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid={`linkage-rule-${index}`}
          title={t('designer.linkage.rule', { n: index + 1 })}
          extra={
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('designer.linkage.remove')}
              onClick={() => setRules(rules.filter((_, position) => position !== index))}
            />
          }
        >
          {ruleIssues(index).map((issue, position) => (
            <Alert key={position} type="error" showIcon title={issue.message} style={{ marginBottom: 8 }} />
          ))}
          <Form layout="vertical" size="small">
            <Form.Item label={t('designer.linkage.when')}>
              <ConditionBuilder
                fields={conditionFields}
                value={rule.when}
                onChange={(when) => setRule(index, { ...rule, when: when ?? { and: [] } }, 'when')}
              />
            </Form.Item>
            {ACTIONS.map((action) => (
              <Form.Item key={action} label={t(`designer.linkage.${action}`)}>
                <Select
                  mode="multiple"
                  allowClear
                  value={rule[action] ?? []}
                  placeholder={t('designer.linkage.fieldsPlaceholder')}
                  options={targetOptions}
                  optionFilterProp="label"
                  onChange={(keys: string[]) =>
                    setRule(index, compact({ ...rule, [action]: keys.length ? keys : undefined }))
                  }
                  data-testid={`linkage-${action}-${index}`}
                />
              </Form.Item>
            ))}
          </Form>
        </Card>
      ))}
      <Flex>
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => setRules([...rules, { when: { and: [] } }])}
          data-testid="linkage-add"
        >
          {t('designer.linkage.add')}
        </Button>
      </Flex>
    </div>
  );
});
