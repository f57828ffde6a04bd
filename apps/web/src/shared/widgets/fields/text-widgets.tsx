import { Input, Typography } from 'antd';
import type { FieldWidget } from './field-widget';
import { asString, fieldPlaceholder } from './field-format';
import { EmptyValue } from './empty-value';

const TAGS = /<[^>]*>/g;

/** Rich text is stored as HTML; the runtime shows it as text (never injected as markup). */
function plainOf(value: string, rich: boolean): string {
  return rich
    ? value
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<\/p>/gi, '\n')
        .replace(TAGS, '')
        .trim()
    : value;
}

/** text, textarea, rich_text. */
export const textWidget: FieldWidget<'text' | 'textarea' | 'rich_text'> = {
  Input({ field, value, onChange, locale, disabled, invalid, id }) {
    const common = {
      id,
      value: asString(value),
      disabled,
      status: invalid ? ('error' as const) : undefined,
      placeholder: fieldPlaceholder(field, locale),
      maxLength: field.maxLength,
    };
    if (field.type === 'text')
      return <Input {...common} allowClear onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
    return (
      <Input.TextArea
        {...common}
        value={plainOf(asString(value), field.type === 'rich_text')}
        autoSize={{ minRows: field.type === 'rich_text' ? 4 : 2, maxRows: 12 }}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      />
    );
  },
  Display({ field, value, compact }) {
    const text = plainOf(asString(value), field.type === 'rich_text');
    if (!text) return <EmptyValue />;
    if (compact) return <Typography.Text ellipsis={{ tooltip: text }}>{text}</Typography.Text>;
    return <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</div>;
  },
};
