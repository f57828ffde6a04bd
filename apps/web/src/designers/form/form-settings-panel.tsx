import { Alert, Descriptions, Form, Input, Select } from 'antd';
import { memo, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignerDocument } from './designer-document';
import type { DesignerIssues } from './designer-issues';
import type { DesignerAction } from './designer-state';
import { LAYOUT_TYPES } from './field-type-groups';
import { useLocalized } from './use-localized';

/** Form-level settings: name, description, title field; and the problems that belong to no field. */
export const FormSettingsPanel = memo(function FormSettingsPanel(props: {
  document: DesignerDocument;
  issues: DesignerIssues;
  dispatch: Dispatch<DesignerAction>;
}) {
  const { document, issues, dispatch } = props;
  const { t } = useTranslation();
  const localized = useLocalized();
  const { meta } = document;
  const titleOptions = Object.values(document.fields)
    .filter((field) => !LAYOUT_TYPES.has(field.type) && field.type !== 'sub_table')
    .map((field) => ({ value: field.key, label: `${localized(field.label)} (${field.key})` }));
  return (
    <Form layout="vertical" size="small" data-testid="form-settings">
      {issues.form.map((issue, index) => (
        <Alert key={index} type="error" showIcon title={issue.message} style={{ marginBottom: 8 }} />
      ))}
      <Form.Item label={t('designer.formSettings.name')}>
        <Input
          value={meta.name}
          maxLength={200}
          onChange={(event) => dispatch({ type: 'setMeta', meta: { name: event.target.value }, tag: 'name' })}
        />
      </Form.Item>
      <Form.Item label={t('designer.formSettings.description')}>
        <Input.TextArea
          value={meta.description}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(event) =>
            dispatch({ type: 'setMeta', meta: { description: event.target.value || undefined }, tag: 'description' })
          }
        />
      </Form.Item>
      <Form.Item label={t('designer.formSettings.titleField')} extra={t('designer.formSettings.titleFieldHelp')}>
        <Select
          allowClear
          value={meta.titleField}
          options={titleOptions}
          placeholder={t('designer.properties.selectPlaceholder')}
          onChange={(titleField?: string) => dispatch({ type: 'setMeta', meta: { titleField } })}
        />
      </Form.Item>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('designer.formSettings.key')}>
          <code>{meta.key}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('designer.formSettings.fieldCount')}>
          {Object.keys(document.fields).length}
        </Descriptions.Item>
      </Descriptions>
    </Form>
  );
});
