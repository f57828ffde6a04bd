import { EnvironmentOutlined } from '@ant-design/icons';
import { Cascader, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionField } from '@tessera/schema';
import type { FieldWidget } from './field-widget';
import { formatFieldValue, isRecordObject } from './field-format';
import { EmptyValue } from './empty-value';
import { REGIONS, type RegionNode } from './region-data';

const LEVELS = ['province', 'city', 'district'] as const;

interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

function toOptions(nodes: RegionNode[], depth: number): CascaderOption[] {
  return nodes.map((n) => ({
    value: n.name,
    label: n.name,
    children: n.children && depth > 1 ? toOptions(n.children, depth - 1) : undefined,
  }));
}

function depthOf(field: RegionField): number {
  const level = field.level ?? 'district';
  return level === 'province' ? 1 : level === 'city' ? 2 : 3;
}

/** region: 省/市/区 cascader over a built-in list, plus a street line for level 'address'. */
export const regionWidget: FieldWidget<'region'> = {
  Input({ field, value, onChange, disabled, invalid, id }) {
    const { t } = useTranslation();
    const depth = depthOf(field);
    const current = isRecordObject(value) ? value : {};
    const path = LEVELS.slice(0, depth)
      .map((k) => current[k])
      .filter((x): x is string => typeof x === 'string');
    const emit = (next: string[], address: string | undefined) => {
      if (next.length === 0 && !address) return onChange(null);
      const out: Record<string, string> = {};
      next.forEach((name, i) => (out[LEVELS[i]] = name));
      if (address) out.address = address;
      onChange(out);
    };
    return (
      <Flex vertical gap={8}>
        <Cascader
          id={id}
          options={toOptions(REGIONS, depth)}
          value={path}
          disabled={disabled}
          status={invalid ? 'error' : undefined}
          placeholder={t('runtime.widgets.regionPlaceholder')}
          showSearch
          onChange={(next) =>
            emit((next ?? []).map(String), typeof current.address === 'string' ? current.address : undefined)
          }
        />
        {field.level === 'address' && (
          <Input
            value={typeof current.address === 'string' ? current.address : ''}
            disabled={disabled}
            placeholder={t('runtime.widgets.addressPlaceholder')}
            onChange={(e) => emit(path, e.target.value || undefined)}
          />
        )}
      </Flex>
    );
  },
  Display({ field, value, locale }) {
    const text = formatFieldValue(field, value, locale);
    if (!text) return <EmptyValue />;
    return (
      <Typography.Text>
        <EnvironmentOutlined style={{ color: 'rgba(0,0,0,0.35)', marginInlineEnd: 4 }} />
        {text}
      </Typography.Text>
    );
  },
};
