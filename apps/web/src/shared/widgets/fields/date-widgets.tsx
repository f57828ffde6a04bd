import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldWidget } from './field-widget';
import { asString, fieldPlaceholder, formatFieldValue } from './field-format';
import { EmptyValue } from './empty-value';
import { ParsedTextInput } from './parsed-text-input';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → the browser's 'YYYY-MM-DDTHH:mm' (what a datetime-local input shows). */
export function isoToLocalInput(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

export function localInputToIso(text: string): string | null {
  if (!text) return null;
  const t = new Date(text);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

/** date ('YYYY-MM-DD'), datetime (ISO instant), time ('HH:MM'): the browser's native pickers, in its locale. */
export const dateWidget: FieldWidget<'date' | 'datetime' | 'time'> = {
  Input({ field, value, onChange, disabled, invalid, id }) {
    const text = asString(value);
    const common = { id, disabled, status: invalid ? ('error' as const) : undefined, style: { maxWidth: 260 } };
    if (field.type === 'datetime')
      return (
        <Input
          {...common}
          type="datetime-local"
          value={text ? isoToLocalInput(text) : ''}
          onChange={(e) => onChange(localInputToIso(e.target.value))}
        />
      );
    return (
      <Input
        {...common}
        type={field.type}
        value={field.type === 'time' ? text.slice(0, 5) : text}
        min={field.type === 'date' ? field.min : undefined}
        max={field.type === 'date' ? field.max : undefined}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      />
    );
  },
  Display({ field, value, locale }) {
    if (typeof value !== 'string' || value === '') return <EmptyValue />;
    return <Typography.Text>{formatFieldValue(field, value, locale)}</Typography.Text>;
  },
};

/** duration (seconds): typed as '1h 30m', '1天2小时' or 'H:MM'. */
export const durationWidget: FieldWidget<'duration'> = {
  Input({ field, value, onChange, locale, disabled, invalid, id }) {
    const { t } = useTranslation();
    return (
      <ParsedTextInput
        id={id}
        field={field}
        value={value}
        onChange={onChange}
        locale={locale}
        disabled={disabled}
        invalid={invalid}
        placeholder={fieldPlaceholder(field, locale) ?? t('runtime.widgets.durationPlaceholder')}
      />
    );
  },
  Display({ field, value, locale }) {
    if (typeof value !== 'number') return <EmptyValue />;
    return <Typography.Text>{formatFieldValue(field, value, locale)}</Typography.Text>;
  },
};
