import { FunctionOutlined, NumberOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { FieldDefinition, Locale } from '@tessera/schema';
import { useTranslation } from 'react-i18next';
import type { FieldDisplayProps, FieldInputProps, FieldWidget } from './field-widget';
import { formatFieldValue } from './field-format';
import { EmptyValue } from './empty-value';

function ComputedValue({ field, value, locale }: { field: FieldDefinition; value: unknown; locale: Locale }) {
  const text = formatFieldValue(field, value, locale);
  if (!text) return <EmptyValue />;
  return <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{text}</Typography.Text>;
}

/** The read-only box a computed field shows in a form: its value, or "computed on save". */
function ComputedInput({ field, value, locale }: FieldInputProps) {
  const { t } = useTranslation();
  const text = formatFieldValue(field, value, locale);
  return (
    <div
      style={{
        minHeight: 32,
        padding: '4px 11px',
        borderRadius: 6,
        background: 'rgba(0,0,0,0.03)',
        border: '1px solid rgba(5,5,5,0.06)',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
      }}
    >
      {field.type === 'auto_number' ? (
        <NumberOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
      ) : (
        <FunctionOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
      )}
      {text ? (
        <Typography.Text>{text}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          {field.type === 'auto_number' ? t('runtime.widgets.autoOnSave') : t('runtime.widgets.computed')}
        </Typography.Text>
      )}
    </div>
  );
}

function display(props: FieldDisplayProps) {
  return <ComputedValue field={props.field} value={props.value} locale={props.locale} />;
}

/** auto_number, formula, lookup, rollup, created_at, updated_at: computed by the engine or the server. */
export const computedWidget: FieldWidget<
  'auto_number' | 'formula' | 'lookup' | 'rollup' | 'created_at' | 'updated_at'
> = {
  Input: ComputedInput,
  Display: display,
};
