import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { nextAutoNumber } from '@tessera/form-engine';
import type { FieldDefinition, LocalizedText } from '@tessera/schema';
import { Button, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppRecord } from './designer-api';
import { compact, numberOrUndefined, type FieldChange } from './field-update';
import { FormulaEditor } from './formula-editor';
import { LocalizedTextInput } from './localized-text-input';
import { newFieldTexts } from './new-field-texts';
import { OptionsEditor } from './options-editor';
import { LookupRollupSettings, RelationSettings } from './relation-settings';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'];
const MEGABYTE = 1024 * 1024;

function MinMax(props: {
  min: number | undefined;
  max: number | undefined;
  onChange: (min: number | undefined, max: number | undefined) => void;
  labels?: { min: string; max: string };
  precision?: number;
}) {
  const { t } = useTranslation();
  const labels = props.labels ?? { min: t('designer.properties.min'), max: t('designer.properties.max') };
  return (
    <Flex gap={8}>
      <Form.Item label={labels.min} style={{ flex: 1 }}>
        <InputNumber
          style={{ width: '100%' }}
          value={props.min}
          onChange={(value) => props.onChange(numberOrUndefined(value), props.max)}
          data-testid="setting-min"
        />
      </Form.Item>
      <Form.Item label={labels.max} style={{ flex: 1 }}>
        <InputNumber
          style={{ width: '100%' }}
          value={props.max}
          onChange={(value) => props.onChange(props.min, numberOrUndefined(value))}
          data-testid="setting-max"
        />
      </Form.Item>
    </Flex>
  );
}

function autoNumberExample(pattern: string): string {
  try {
    return nextAutoNumber(pattern, new Date(), 1);
  } catch {
    return pattern;
  }
}

export interface FieldTypeSettingsProps {
  field: FieldDefinition;
  /** The fields next to this one (the form's, or the sub-table's columns). */
  siblings: readonly FieldDefinition[];
  appForms: readonly AppRecord['forms'][number][];
  self: { key: string; name: string; fields: readonly FieldDefinition[] };
  onChange: FieldChange;
}

/** The settings specific to a field type (validation ranges, options, relation, formula, layout…). */
export function FieldTypeSettings(props: FieldTypeSettingsProps) {
  const { field, siblings, appForms, self, onChange } = props;
  const { t } = useTranslation();
  const set = (patch: Record<string, unknown>, tag?: string) =>
    onChange(compact({ ...field, ...patch }) as FieldDefinition, tag);

  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'rich_text':
    case 'email':
    case 'phone':
    case 'url':
      return (
        <>
          <MinMax
            labels={{ min: t('designer.properties.minLength'), max: t('designer.properties.maxLength') }}
            min={'minLength' in field ? field.minLength : undefined}
            max={field.maxLength}
            onChange={(minLength, maxLength) =>
              field.type === 'email' || field.type === 'phone' || field.type === 'url'
                ? set({ maxLength })
                : set({ minLength, maxLength })
            }
          />
          <Form.Item label={t('designer.properties.pattern')}>
            <Input
              value={field.pattern}
              placeholder={t('designer.properties.patternPlaceholder')}
              style={{ fontFamily: 'monospace' }}
              onChange={(event) => set({ pattern: event.target.value || undefined }, 'pattern')}
              data-testid="setting-pattern"
            />
          </Form.Item>
          {field.pattern && (
            <LocalizedTextInput
              labels={{ zh: t('designer.properties.patternMessageZh'), en: t('designer.properties.patternMessageEn') }}
              value={field.patternMessage}
              onChange={(patternMessage, language) => set({ patternMessage }, `patternMessage.${language}`)}
            />
          )}
        </>
      );
    case 'number':
    case 'percent':
    case 'amount':
      return (
        <>
          <MinMax min={field.min} max={field.max} onChange={(min, max) => set({ min, max })} />
          <Flex gap={8}>
            <Form.Item label={t('designer.properties.precision')} style={{ flex: 1 }}>
              <InputNumber
                min={0}
                max={10}
                style={{ width: '100%' }}
                value={field.precision}
                onChange={(value) => set({ precision: numberOrUndefined(value) })}
              />
            </Form.Item>
            {field.type === 'amount' && (
              <Form.Item label={t('designer.properties.currency')} style={{ flex: 1 }}>
                <Select
                  value={field.currency ?? 'CNY'}
                  options={CURRENCIES.map((currency) => ({ value: currency, label: currency }))}
                  onChange={(currency: string) => set({ currency })}
                />
              </Form.Item>
            )}
          </Flex>
        </>
      );
    case 'duration':
      return <MinMax min={field.min} max={field.max} onChange={(min, max) => set({ min, max })} />;
    case 'date':
    case 'datetime':
    case 'time': {
      const placeholder = field.type === 'date' ? 'YYYY-MM-DD' : field.type === 'time' ? 'HH:MM' : 'YYYY-MM-DDTHH:MM';
      return (
        <Flex gap={8}>
          <Form.Item label={t('designer.properties.dateMin')} style={{ flex: 1 }}>
            <Input
              value={field.min}
              placeholder={placeholder}
              onChange={(event) => set({ min: event.target.value || undefined }, 'min')}
            />
          </Form.Item>
          <Form.Item label={t('designer.properties.dateMax')} style={{ flex: 1 }}>
            <Input
              value={field.max}
              placeholder={placeholder}
              onChange={(event) => set({ max: event.target.value || undefined }, 'max')}
            />
          </Form.Item>
        </Flex>
      );
    }
    case 'select':
    case 'radio':
    case 'multi_select':
    case 'checkbox':
      return (
        <>
          <Form.Item label={t('designer.properties.options')}>
            <OptionsEditor options={field.options} onChange={(options, tag) => set({ options }, tag)} />
          </Form.Item>
          {(field.type === 'multi_select' || field.type === 'checkbox') && (
            <MinMax
              labels={{ min: t('designer.properties.minItems'), max: t('designer.properties.maxItems') }}
              min={field.minItems}
              max={field.maxItems}
              onChange={(minItems, maxItems) => set({ minItems, maxItems })}
            />
          )}
        </>
      );
    case 'rating':
      return (
        <Form.Item label={t('designer.properties.ratingMax')}>
          <InputNumber
            min={1}
            max={10}
            value={field.max ?? 5}
            onChange={(value) => set({ max: numberOrUndefined(value) })}
          />
        </Form.Item>
      );
    case 'member':
    case 'department':
      return (
        <Form.Item label={t('designer.properties.multiple')}>
          <Switch checked={field.multiple === true} onChange={(multiple) => set({ multiple: multiple || undefined })} />
        </Form.Item>
      );
    case 'region':
      return (
        <Form.Item label={t('designer.properties.regionLevel')}>
          <Select
            value={field.level ?? 'district'}
            options={(['province', 'city', 'district', 'address'] as const).map((level) => ({
              value: level,
              label: t(`designer.properties.regionLevels.${level}`),
            }))}
            onChange={(level) => set({ level })}
          />
        </Form.Item>
      );
    case 'image':
    case 'attachment':
      return (
        <>
          <Flex gap={8}>
            <Form.Item label={t('designer.properties.maxFiles')} style={{ flex: 1 }}>
              <InputNumber
                min={1}
                style={{ width: '100%' }}
                value={field.maxFiles}
                onChange={(value) => set({ maxFiles: numberOrUndefined(value) })}
              />
            </Form.Item>
            <Form.Item label={t('designer.properties.maxFileSize')} style={{ flex: 1 }}>
              <InputNumber
                min={1}
                style={{ width: '100%' }}
                value={field.maxFileSize === undefined ? undefined : Math.round(field.maxFileSize / MEGABYTE)}
                onChange={(value) => {
                  const megabytes = numberOrUndefined(value);
                  set({ maxFileSize: megabytes === undefined ? undefined : megabytes * MEGABYTE });
                }}
              />
            </Form.Item>
          </Flex>
          <Form.Item label={t('designer.properties.accept')}>
            <Select
              mode="tags"
              value={field.accept ?? []}
              placeholder={t('designer.properties.acceptPlaceholder')}
              onChange={(accept: string[]) => set({ accept: accept.length ? accept : undefined })}
            />
          </Form.Item>
        </>
      );
    case 'auto_number':
      return (
        <Form.Item
          label={t('designer.properties.autoNumberPattern')}
          extra={
            <>
              <div>{t('designer.properties.autoNumberHelp')}</div>
              <div>
                {t('designer.properties.autoNumberExample', { example: autoNumberExample(field.autoNumber.pattern) })}
              </div>
            </>
          }
        >
          <Input
            value={field.autoNumber.pattern}
            style={{ fontFamily: 'monospace' }}
            onChange={(event) => set({ autoNumber: { pattern: event.target.value } }, 'autoNumber')}
            data-testid="setting-auto-number"
          />
        </Form.Item>
      );
    case 'formula':
      return <FormulaEditor field={field} siblings={siblings} onChange={onChange} />;
    case 'relation':
      return <RelationSettings field={field} appForms={appForms} self={self} onChange={onChange} />;
    case 'lookup':
    case 'rollup':
      return <LookupRollupSettings field={field} fields={siblings} self={self} onChange={onChange} />;
    case 'sub_table':
      return (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('designer.properties.subColumnsHelp')}
          </Typography.Paragraph>
          <MinMax
            labels={{ min: t('designer.properties.minRows'), max: t('designer.properties.maxRows') }}
            min={field.minRows}
            max={field.maxRows}
            onChange={(minRows, maxRows) => set({ minRows, maxRows })}
          />
        </>
      );
    case 'section':
    case 'divider':
      return (
        <>
          <LocalizedTextInput
            labels={{ zh: t('designer.properties.titleZh'), en: t('designer.properties.titleEn') }}
            value={field.title}
            onChange={(title, language) => set({ title }, `title.${language}`)}
          />
          {field.type === 'section' && (
            <Form.Item label={t('designer.properties.collapsible')}>
              <Switch
                checked={field.collapsible === true}
                onChange={(collapsible) => set({ collapsible: collapsible || undefined })}
              />
            </Form.Item>
          )}
        </>
      );
    case 'tabs': {
      const setTitle = (index: number, title: LocalizedText | undefined, language: string) =>
        set(
          { tabs: field.tabs.map((tab, position) => (position === index ? { ...tab, title: title ?? '' } : tab)) },
          `tab${index}.${language}`,
        );
      return (
        <Form.Item label={t('designer.properties.tabs')}>
          {field.tabs.map((tab, index) => (
            <div
              key={index}
              style={{ border: '1px solid #eceef6', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }}
            >
              <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
                <Typography.Text type="secondary">
                  {t('designer.properties.tabTitle', { n: index + 1 })}
                </Typography.Text>
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={field.tabs.length <= 1}
                  aria-label={t('designer.properties.removeTab')}
                  onClick={() => set({ tabs: field.tabs.filter((_, position) => position !== index) })}
                />
              </Flex>
              <LocalizedTextInput
                labels={{ zh: t('designer.properties.titleZh'), en: t('designer.properties.titleEn') }}
                value={tab.title}
                onChange={(title, language) => setTitle(index, title, language)}
              />
            </div>
          ))}
          <Button
            size="small"
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() =>
              set({ tabs: [...field.tabs, { title: newFieldTexts.tab(field.tabs.length + 1), children: [] }] })
            }
          >
            {t('designer.properties.addTab')}
          </Button>
        </Form.Item>
      );
    }
    default:
      return null;
  }
}
