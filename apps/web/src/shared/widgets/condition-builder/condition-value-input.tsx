import { Input, InputNumber, Select, Space } from 'antd';
import { operandShape } from '@tessera/query';
import {
  isContextValue,
  RELATIVE_PERIODS,
  type ConditionOperand,
  type ConditionOperator,
  type ConditionValue,
  type RelativePeriodName,
} from '@tessera/schema';
import { useTranslation } from 'react-i18next';
import type { ConditionField } from './condition-types';

interface ValueInputProps {
  field: ConditionField;
  op: ConditionOperator;
  value: ConditionValue | undefined;
  onChange: (value: ConditionValue | undefined) => void;
}

const ME = '$var:me';
const TODAY = '$var:today';

function operandKey(v: ConditionOperand | undefined): string | number | boolean | null {
  if (isContextValue(v)) return `$var:${v.$var}`;
  return v ?? null;
}

function fromKey(v: unknown): ConditionOperand {
  if (typeof v === 'string' && v.startsWith('$var:')) return { $var: v.slice(5) };
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/** One operand of the field's kind: a typed input, or a select of the field's options (people include "me"). */
function SingleInput({
  field,
  value,
  onChange,
}: {
  field: ConditionField;
  value: ConditionOperand | undefined;
  onChange: (v: ConditionOperand) => void;
}) {
  const { t } = useTranslation();
  const key = operandKey(value);
  const width = { width: 200 };
  if (field.kind === 'boolean')
    return (
      <Select
        style={{ width: 120 }}
        value={value === true || value === false ? String(value) : undefined}
        options={[
          { value: 'true', label: t('runtime.widgets.yes') },
          { value: 'false', label: t('runtime.widgets.no') },
        ]}
        onChange={(v: string) => onChange(v === 'true')}
      />
    );
  if (field.kind === 'number')
    return (
      <InputNumber<number>
        style={{ width: 160 }}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => onChange(v ?? null)}
      />
    );
  if (field.kind === 'date' || field.kind === 'datetime' || field.kind === 'time') {
    const type = field.kind === 'time' ? 'time' : 'date';
    if (key === TODAY)
      return (
        <Select
          style={width}
          value={TODAY}
          options={[
            { value: TODAY, label: t('runtime.condition.today') },
            { value: '', label: t('runtime.condition.pickDate') },
          ]}
          onChange={(v: string) => onChange(fromKey(v || null))}
        />
      );
    return (
      <Space.Compact>
        <Input
          type={type}
          style={{ width: 170 }}
          value={typeof value === 'string' ? value.slice(0, 10) : ''}
          onChange={(e) => onChange(e.target.value || null)}
        />
        {field.kind !== 'time' && (
          <Select
            style={{ width: 90 }}
            value={null}
            placeholder={t('runtime.condition.today')}
            options={[{ value: TODAY, label: t('runtime.condition.today') }]}
            onChange={(v: string) => onChange(fromKey(v))}
          />
        )}
      </Space.Compact>
    );
  }
  if (field.options || field.kind === 'uuid' || field.kind === 'uuid_array') {
    const people = field.kind === 'uuid' || field.kind === 'uuid_array';
    const options = [
      ...(people ? [{ value: ME, label: t('runtime.condition.me'), search: t('runtime.condition.me') }] : []),
      ...(field.options ?? []),
    ];
    return (
      <Select
        style={width}
        showSearch={{ optionFilterProp: 'search' }}
        value={typeof key === 'string' ? key : undefined}
        options={options.map((o) => ({ ...o, search: o.search ?? String(o.value) }))}
        onChange={(v: string) => onChange(fromKey(v))}
      />
    );
  }
  return (
    <Input style={width} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
  );
}

/** The value input of a rule, shaped by the operator (none, single, pair, list, period). */
export function ConditionValueInput({ field, op, value, onChange }: ValueInputProps) {
  const { t } = useTranslation();
  const shape = operandShape(field.kind, op);
  if (shape === 'none') return null;
  if (shape === 'pair') {
    const pair: [ConditionOperand, ConditionOperand] =
      Array.isArray(value) && value.length === 2
        ? [fromKey(operandKey(value[0] as ConditionOperand)), fromKey(operandKey(value[1] as ConditionOperand))]
        : [null, null];
    return (
      <Space size={4}>
        <SingleInput field={field} value={pair[0]} onChange={(v) => onChange([v, pair[1]])} />
        <span>–</span>
        <SingleInput field={field} value={pair[1]} onChange={(v) => onChange([pair[0], v])} />
      </Space>
    );
  }
  if (shape === 'period') {
    const period =
      typeof value === 'object' && value !== null && !Array.isArray(value) && 'period' in value
        ? value
        : { period: 'this_month' as const };
    const needsN = period.period === 'last_n_days' || period.period === 'next_n_days';
    return (
      <Space size={4}>
        <Select
          style={{ width: 160 }}
          value={period.period}
          options={RELATIVE_PERIODS.map((p) => ({ value: p, label: t(`runtime.condition.periods.${p}`) }))}
          onChange={(p: RelativePeriodName) =>
            onChange(p === 'last_n_days' || p === 'next_n_days' ? { period: p, n: period.n ?? 7 } : { period: p })
          }
        />
        {needsN && (
          <InputNumber<number>
            min={1}
            max={36600}
            style={{ width: 90 }}
            value={period.n ?? 7}
            suffix={t('runtime.condition.days')}
            onChange={(n) => onChange({ period: period.period, n: n ?? 1 })}
          />
        )}
      </Space>
    );
  }
  if (shape === 'list' || shape === 'singleOrList') {
    const list = (
      Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]
    ) as ConditionOperand[];
    const keys = list
      .map(operandKey)
      .filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
    const options = field.options;
    return (
      <Select
        mode={options ? 'multiple' : 'tags'}
        style={{ minWidth: 220 }}
        value={keys.map(String)}
        options={options?.map((o) => ({ ...o, search: o.search ?? String(o.value) }))}
        showSearch={{ optionFilterProp: 'search' }}
        tokenSeparators={[',', '，']}
        onChange={(next: string[]) =>
          onChange(
            next.map((k) => (field.kind === 'number' && k.trim() !== '' && !Number.isNaN(Number(k)) ? Number(k) : k)),
          )
        }
      />
    );
  }
  return <SingleInput field={field} value={value as ConditionOperand | undefined} onChange={onChange} />;
}
