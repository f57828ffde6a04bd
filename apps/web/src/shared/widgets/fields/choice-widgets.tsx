import { Checkbox, Radio, Rate, Select, Space, Switch, Tag } from 'antd';
import { DEFAULT_RATING_MAX } from '@tessera/form-engine';
import { localizedText, type FieldOption, type Locale, type OptionCascade } from '@tessera/schema';
import { useTranslation } from 'react-i18next';
import type { FieldWidget } from './field-widget';
import { asStringList, fieldPlaceholder } from './field-format';
import { EmptyValue } from './empty-value';

/** Options offered right now: a cascade keeps those allowed by the parent field's value. */
function offeredOptions(
  options: readonly FieldOption[],
  cascade: OptionCascade | undefined,
  record: Readonly<Record<string, unknown>> | undefined,
): readonly FieldOption[] {
  if (!cascade || !record) return options;
  const parent = record[cascade.field];
  if (typeof parent !== 'string') return [];
  const allowed = cascade.map[parent];
  return allowed ? options.filter((o) => allowed.includes(o.value)) : options;
}

export function OptionTag({ option, locale }: { option: FieldOption | undefined; locale: Locale }) {
  if (!option) return null;
  return (
    <Tag color={option.color} style={{ marginInlineEnd: 4 }}>
      {localizedText(option.label, locale) || option.value}
    </Tag>
  );
}

function OptionTags({
  options,
  values,
  locale,
}: {
  options: readonly FieldOption[];
  values: string[];
  locale: Locale;
}) {
  if (values.length === 0) return <EmptyValue />;
  return (
    <span>
      {values.map((v) => {
        const option = options.find((o) => o.value === v);
        return option ? <OptionTag key={v} option={option} locale={locale} /> : <Tag key={v}>{v}</Tag>;
      })}
    </span>
  );
}

const selectOptions = (options: readonly FieldOption[], locale: Locale) =>
  options.map((o) => ({ value: o.value, label: <OptionTag option={o} locale={locale} /> }));

/** select (dropdown) and radio: one option, shown as a colored tag. */
export const singleChoiceWidget: FieldWidget<'select' | 'radio'> = {
  Input({ field, value, onChange, locale, disabled, invalid, id, record }) {
    const options = offeredOptions(field.options, field.cascadeFrom, record);
    if (field.type === 'radio')
      return (
        <Radio.Group id={id} value={value ?? null} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          <Space wrap>
            {options.map((o) => (
              <Radio key={o.value} value={o.value}>
                {localizedText(o.label, locale) || o.value}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    return (
      <Select
        id={id}
        allowClear
        showSearch={{ optionFilterProp: 'title' }}
        value={typeof value === 'string' ? value : undefined}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        placeholder={fieldPlaceholder(field, locale)}
        options={options.map((o) => ({
          value: o.value,
          title: localizedText(o.label, locale),
          label: <OptionTag option={o} locale={locale} />,
        }))}
        onChange={(v: string | undefined) => onChange(v ?? null)}
      />
    );
  },
  Display({ field, value, locale }) {
    return <OptionTags options={field.options} values={asStringList(value)} locale={locale} />;
  },
};

/** multi_select (tags dropdown) and checkbox group: several options. */
export const multiChoiceWidget: FieldWidget<'multi_select' | 'checkbox'> = {
  Input({ field, value, onChange, locale, disabled, invalid, id, record }) {
    const options = offeredOptions(field.options, field.cascadeFrom, record);
    const values = asStringList(value);
    const emit = (next: string[]) => onChange(next.length ? next : null);
    if (field.type === 'checkbox')
      return (
        <Checkbox.Group value={values} disabled={disabled} onChange={(next) => emit(next.map(String))}>
          <Space wrap>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value}>
                {localizedText(o.label, locale) || o.value}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
    return (
      <Select
        id={id}
        mode="multiple"
        allowClear
        value={values}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        placeholder={fieldPlaceholder(field, locale)}
        maxCount={field.maxItems}
        options={selectOptions(options, locale)}
        optionFilterProp="value"
        onChange={(next: string[]) => emit(next)}
      />
    );
  },
  Display({ field, value, locale }) {
    return <OptionTags options={field.options} values={asStringList(value)} locale={locale} />;
  },
};

/** switch: yes / no. */
export const switchWidget: FieldWidget<'switch'> = {
  Input({ value, onChange, disabled, id }) {
    return <Switch id={id} checked={value === true} disabled={disabled} onChange={(checked) => onChange(checked)} />;
  },
  Display({ value }) {
    const { t } = useTranslation();
    if (typeof value !== 'boolean') return <EmptyValue />;
    return <Tag color={value ? 'green' : 'default'}>{value ? t('runtime.widgets.yes') : t('runtime.widgets.no')}</Tag>;
  },
};

/** rating: stars up to max (5 by default). */
export const ratingWidget: FieldWidget<'rating'> = {
  Input({ field, value, onChange, disabled, id }) {
    return (
      <Rate
        id={id}
        count={field.max ?? DEFAULT_RATING_MAX}
        value={typeof value === 'number' ? value : 0}
        disabled={disabled}
        onChange={(v) => onChange(v === 0 ? null : v)}
      />
    );
  },
  Display({ field, value, compact }) {
    if (typeof value !== 'number') return <EmptyValue />;
    return (
      <Rate
        disabled
        count={field.max ?? DEFAULT_RATING_MAX}
        value={value}
        style={{ fontSize: compact ? 13 : 16, whiteSpace: 'nowrap' }}
      />
    );
  },
};
