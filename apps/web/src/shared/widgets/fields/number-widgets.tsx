import { InputNumber, Typography } from 'antd';
import type { Locale } from '@tessera/schema';
import type { FieldWidget } from './field-widget';
import { fieldPlaceholder, formatFieldValue } from './field-format';
import { EmptyValue } from './empty-value';

function groupSeparator(locale: Locale): string {
  return new Intl.NumberFormat(locale).formatToParts(1000).find((p) => p.type === 'group')?.value ?? ',';
}

function currencySymbol(locale: Locale, currency: string): string {
  try {
    return (
      new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')
        ?.value ?? currency
    );
  } catch {
    return currency;
  }
}

/** Thousands separators on the integer part only. */
function withGroups(text: string, separator: string): string {
  const [integer, fraction] = text.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** number, amount (currency prefix), percent (% suffix; stores percentage points). */
export const numberWidget: FieldWidget<'number' | 'amount' | 'percent'> = {
  Input({ field, value, onChange, locale, disabled, invalid, id }) {
    const separator = groupSeparator(locale);
    const precision = field.precision ?? (field.type === 'amount' ? 2 : undefined);
    return (
      <InputNumber<number>
        id={id}
        style={{ width: '100%' }}
        value={typeof value === 'number' ? value : null}
        min={field.min}
        max={field.max}
        precision={precision}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        placeholder={fieldPlaceholder(field, locale)}
        prefix={field.type === 'amount' ? currencySymbol(locale, field.currency ?? 'CNY') : undefined}
        suffix={field.type === 'percent' ? '%' : undefined}
        formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : withGroups(String(v), separator))}
        parser={(text) =>
          Number(
            (text ?? '')
              .split(separator)
              .join('')
              .replace(/[^\d.-]/g, ''),
          )
        }
        onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : null)}
      />
    );
  },
  Display({ field, value, locale }) {
    if (typeof value !== 'number') return <EmptyValue />;
    return (
      <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatFieldValue(field, value, locale)}
      </Typography.Text>
    );
  },
};
