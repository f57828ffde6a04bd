import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { fieldTypeModule } from '@tessera/form-engine';
import {
  isReservedFieldKey,
  isValidFieldKey,
  type FieldDefinition,
  type JsonValue,
  type LocalizedText,
} from '@tessera/schema';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Slider,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { memo, useMemo, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppRecord } from './designer-api';
import type { DesignerDocument } from './designer-document';
import { issueKey, type DesignerIssues } from './designer-issues';
import type { DesignerAction, Selection } from './designer-state';
import { FieldTypeIcon } from './field-type-icon';
import { isComputedType, LAYOUT_TYPES } from './field-type-groups';
import { FieldTypeSettings } from './field-type-settings';
import { compact, numberOrUndefined } from './field-update';
import { deriveFieldKey } from './key-derivation';
import { languageText, setLanguageText } from './localized-text-input';
import { newFieldTexts } from './new-field-texts';
import { useLocalized } from './use-localized';

/** Types whose value can be made unique / indexed (stored in a column of their own, compared as scalars). */
const UNIQUE_TYPES = new Set([
  'text',
  'email',
  'phone',
  'url',
  'number',
  'amount',
  'percent',
  'date',
  'datetime',
  'select',
  'radio',
]);

export interface FieldPropertiesPanelProps {
  document: DesignerDocument;
  selection: Selection | null;
  field: FieldDefinition | undefined;
  issues: DesignerIssues;
  lockedKeys: ReadonlySet<string>;
  manualKeys: ReadonlySet<string>;
  appForms: readonly AppRecord['forms'][number][];
  formKey: string;
  dispatch: Dispatch<DesignerAction>;
}

/** When the label changes in one language and the other one is still the type's default name, drop it. */
function relabel(field: FieldDefinition, label: LocalizedText | undefined, language: 'zh-CN' | 'en-US'): LocalizedText {
  if (!label) return '';
  const other = language === 'zh-CN' ? 'en-US' : 'zh-CN';
  const defaultName = languageText(newFieldTexts.typeName(field.type), other);
  return languageText(field.label, other) === defaultName ? (setLanguageText(label, other, '') ?? '') : label;
}

function DefaultValueInput(props: { field: FieldDefinition; onChange: (value: JsonValue | undefined) => void }) {
  const { field, onChange } = props;
  const localized = useLocalized();
  const value = field.defaultValue;
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'url':
    case 'date':
    case 'time':
    case 'datetime':
      return (
        <Input
          value={typeof value === 'string' ? value : ''}
          placeholder={field.type === 'date' ? 'YYYY-MM-DD' : undefined}
          onChange={(event) => onChange(event.target.value || undefined)}
          data-testid="setting-default"
        />
      );
    case 'number':
    case 'amount':
    case 'percent':
    case 'duration':
    case 'rating':
      return (
        <InputNumber
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange(numberOrUndefined(next))}
          data-testid="setting-default"
        />
      );
    case 'switch':
      return <Switch checked={value === true} onChange={(checked) => onChange(checked || undefined)} />;
    case 'select':
    case 'radio':
    case 'multi_select':
    case 'checkbox': {
      const multiple = field.type === 'multi_select' || field.type === 'checkbox';
      return (
        <Select
          allowClear
          mode={multiple ? 'multiple' : undefined}
          value={value ?? undefined}
          options={field.options.map((option) => ({ value: option.value, label: localized(option.label) }))}
          onChange={(next: JsonValue | undefined) =>
            onChange(Array.isArray(next) && next.length === 0 ? undefined : (next ?? undefined))
          }
        />
      );
    }
    default:
      return null;
  }
}

/** The right pane: every setting of the selected field (or sub-table column). */
export const FieldPropertiesPanel = memo(function FieldPropertiesPanel(props: FieldPropertiesPanelProps) {
  const { document, selection, field, issues, lockedKeys, manualKeys, appForms, formKey, dispatch } = props;
  const { t } = useTranslation();
  const localized = useLocalized();
  const parent = selection?.sub !== undefined ? document.fields[selection.key] : undefined;
  const siblings = useMemo<readonly FieldDefinition[]>(() => {
    if (parent?.type === 'sub_table') return parent.fields;
    return Object.values(document.fields);
  }, [parent, document.fields]);
  const self = useMemo(
    () => ({ key: formKey, name: document.meta.name, fields: Object.values(document.fields) }),
    [formKey, document.meta.name, document.fields],
  );

  if (!selection || !field) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.properties.noSelection')} />;
  }

  const lockId = issueKey(selection.key, selection.sub);
  const locked = lockedKeys.has(lockId);
  const autoKey = !locked && !manualKeys.has(selection.sub === undefined ? field.key : `${selection.key}.${field.key}`);
  const fieldIssues = issues.byField.get(lockId) ?? [];
  const computed = isComputedType(field.type);
  const layout = LAYOUT_TYPES.has(field.type);
  const module = fieldTypeModule(field.type);
  const taken = new Set(siblings.map((sibling) => sibling.key).filter((key) => key !== field.key));

  const change = (next: FieldDefinition, tag?: string, manualKey?: boolean) =>
    dispatch({ type: 'replaceField', selection, field: next, tag: tag ? `${lockId}:${tag}` : undefined, manualKey });
  const set = (patch: Partial<Record<string, unknown>>, tag?: string) =>
    change(compact({ ...field, ...patch }) as FieldDefinition, tag);

  const changeLabel = (value: string, language: 'zh-CN' | 'en-US') => {
    const label = relabel(field, setLanguageText(field.label, language, value), language);
    const key = autoKey && label ? deriveFieldKey(label, taken) : field.key;
    change({ ...field, label, key }, `label.${language}`);
  };

  const keyProblem =
    field.key === ''
      ? t('designer.properties.keyInvalid')
      : !isValidFieldKey(field.key) || isReservedFieldKey(field.key)
        ? t('designer.properties.keyInvalid')
        : undefined;

  return (
    <Form layout="vertical" size="small" data-testid="field-properties">
      {parent && (
        <Button
          type="link"
          size="small"
          icon={<ArrowLeftOutlined />}
          style={{ paddingLeft: 0, marginBottom: 8 }}
          onClick={() => dispatch({ type: 'select', selection: { key: parent.key } })}
        >
          {t('designer.properties.backToSubTable')} · {localized(parent.label)}
        </Button>
      )}
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Tag icon={<FieldTypeIcon type={field.type} />} color="blue" data-testid="properties-type">
          {' '}
          {t(`designer.fieldTypes.${field.type}`)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`designer.palette.groups.${module.group}`)}
        </Typography.Text>
      </Flex>
      {fieldIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('designer.properties.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {fieldIssues.map((issue, index) => (
                <li key={index}>{issue.message}</li>
              ))}
            </ul>
          }
          data-testid="properties-issues"
        />
      )}

      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('designer.properties.basics')}
      </Divider>
      <Form.Item label={t('designer.properties.labelZh')}>
        <Input
          value={languageText(field.label, 'zh-CN')}
          onChange={(event) => changeLabel(event.target.value, 'zh-CN')}
          data-testid="prop-label-zh"
        />
      </Form.Item>
      <Form.Item label={t('designer.properties.labelEn')}>
        <Input
          value={languageText(field.label, 'en-US')}
          onChange={(event) => changeLabel(event.target.value, 'en-US')}
          data-testid="prop-label-en"
        />
      </Form.Item>
      <Form.Item
        label={t('designer.properties.key')}
        extra={locked ? t('designer.properties.keyLocked') : t('designer.properties.keyHelp')}
        validateStatus={keyProblem ? 'error' : undefined}
        help={keyProblem}
      >
        <Input
          value={field.key}
          disabled={locked}
          prefix={locked ? <LockOutlined /> : undefined}
          style={{ fontFamily: 'monospace' }}
          onChange={(event) => {
            const key = event.target.value.trim();
            if (taken.has(key)) return;
            change({ ...field, key }, 'key', true);
          }}
          data-testid="prop-key"
        />
      </Form.Item>
      {!layout && (
        <>
          <Form.Item label={t('designer.properties.helpZh')}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              value={languageText(field.help, 'zh-CN')}
              onChange={(event) => set({ help: setLanguageText(field.help, 'zh-CN', event.target.value) }, 'help.zh')}
            />
          </Form.Item>
          <Form.Item label={t('designer.properties.helpEn')}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              value={languageText(field.help, 'en-US')}
              onChange={(event) => set({ help: setLanguageText(field.help, 'en-US', event.target.value) }, 'help.en')}
            />
          </Form.Item>
        </>
      )}
      {!computed && (
        <>
          <Form.Item label={t('designer.properties.placeholderZh')}>
            <Input
              value={languageText(field.placeholder, 'zh-CN')}
              onChange={(event) =>
                set({ placeholder: setLanguageText(field.placeholder, 'zh-CN', event.target.value) }, 'placeholder.zh')
              }
            />
          </Form.Item>
          <Form.Item label={t('designer.properties.placeholderEn')}>
            <Input
              value={languageText(field.placeholder, 'en-US')}
              onChange={(event) =>
                set({ placeholder: setLanguageText(field.placeholder, 'en-US', event.target.value) }, 'placeholder.en')
              }
            />
          </Form.Item>
        </>
      )}

      {!layout && (
        <>
          <Divider titlePlacement="start" plain>
            {t('designer.properties.validation')}
          </Divider>
          <Flex wrap gap={4} style={{ marginBottom: 12 }}>
            {!computed && (
              <Checkbox
                checked={field.required === true}
                onChange={(event) => set({ required: event.target.checked || undefined })}
                data-testid="prop-required"
              >
                {t('designer.properties.required')}
              </Checkbox>
            )}
            {!computed && (
              <Checkbox
                checked={field.readOnly === true}
                onChange={(event) => set({ readOnly: event.target.checked || undefined })}
              >
                {t('designer.properties.readOnly')}
              </Checkbox>
            )}
            <Checkbox
              checked={field.hidden === true}
              onChange={(event) => set({ hidden: event.target.checked || undefined })}
            >
              {t('designer.properties.hidden')}
            </Checkbox>
            {UNIQUE_TYPES.has(field.type) && selection.sub === undefined && (
              <Checkbox
                checked={field.unique === true}
                onChange={(event) => set({ unique: event.target.checked || undefined })}
              >
                {t('designer.properties.unique')}
              </Checkbox>
            )}
            {UNIQUE_TYPES.has(field.type) && selection.sub === undefined && (
              <Checkbox
                checked={field.indexed === true}
                onChange={(event) => set({ indexed: event.target.checked || undefined })}
              >
                {t('designer.properties.indexed')}
              </Checkbox>
            )}
          </Flex>
        </>
      )}

      {!computed && (
        <>
          <Form.Item label={t('designer.properties.defaultValue')}>
            <DefaultValueInput field={field} onChange={(defaultValue) => set({ defaultValue }, 'defaultValue')} />
          </Form.Item>
          <Form.Item
            label={t('designer.properties.defaultFormula')}
            extra={t('designer.properties.defaultFormulaHelp')}
          >
            <Input
              value={field.defaultFormula}
              style={{ fontFamily: 'monospace' }}
              onChange={(event) => set({ defaultFormula: event.target.value || undefined }, 'defaultFormula')}
            />
          </Form.Item>
        </>
      )}

      <Divider titlePlacement="start" plain>
        {t('designer.properties.settings')}
      </Divider>
      <FieldTypeSettings
        field={field}
        siblings={siblings}
        appForms={appForms}
        self={self}
        onChange={(next, tag) => change(next, tag)}
      />

      {selection.sub === undefined && !layout && (
        <>
          <Divider titlePlacement="start" plain>
            {t('designer.properties.layout')}
          </Divider>
          <Form.Item label={t('designer.properties.width')}>
            <Flex align="center" gap={12}>
              <Checkbox
                checked={field.width === undefined}
                onChange={(event) => set({ width: event.target.checked ? undefined : 12 })}
              >
                {t('designer.properties.widthAuto')}
              </Checkbox>
              <Slider
                style={{ flex: 1 }}
                min={1}
                max={24}
                disabled={field.width === undefined}
                value={field.width ?? 24}
                marks={{ 6: '6', 12: '12', 18: '18', 24: '24' }}
                onChange={(width: number) => set({ width }, 'width')}
              />
            </Flex>
          </Form.Item>
        </>
      )}
    </Form>
  );
});
