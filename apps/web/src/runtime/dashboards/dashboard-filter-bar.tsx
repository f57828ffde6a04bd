import { CalendarOutlined, CloseCircleFilled } from '@ant-design/icons';
import type { DashboardFilter, DashboardFilterValue } from '@tessera/schema';
import { Button, Dropdown, Flex, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../shared/widgets/fields/use-directory';
import { DATE_PRESETS, presetRange } from './date-presets';

export type FilterValues = Record<string, DashboardFilterValue>;

function DateRangeInput({
  filter,
  value,
  onChange,
}: {
  filter: DashboardFilter;
  value: Extract<DashboardFilterValue, { type: 'date_range' }> | undefined;
  onChange: (value: DashboardFilterValue | undefined) => void;
}) {
  const { t } = useTranslation();
  const set = (from: string, to: string) =>
    onChange(from && to ? { type: 'date_range', from: from <= to ? from : to, to: from <= to ? to : from } : undefined);
  return (
    <Flex align="center" gap={4} data-testid={`dashboard-filter-${filter.key}`}>
      <Input
        type="date"
        size="small"
        style={{ width: 136 }}
        value={value?.from ?? ''}
        onChange={(e) => set(e.target.value, value?.to ?? e.target.value)}
        aria-label={`${filter.label} (from)`}
        data-testid="filter-date-from"
      />
      <span>–</span>
      <Input
        type="date"
        size="small"
        style={{ width: 136 }}
        value={value?.to ?? ''}
        onChange={(e) => set(value?.from ?? e.target.value, e.target.value)}
        aria-label={`${filter.label} (to)`}
        data-testid="filter-date-to"
      />
      <Dropdown
        trigger={['click']}
        menu={{
          items: DATE_PRESETS.map((p) => ({ key: p, label: t(`reports.filters.presets.${p}`) })),
          onClick: ({ key }) => {
            const range = presetRange(key as (typeof DATE_PRESETS)[number]);
            onChange({ type: 'date_range', ...range });
          },
        }}
      >
        <Button
          size="small"
          type="text"
          icon={<CalendarOutlined />}
          aria-label={t('reports.filters.types.date_range')}
        />
      </Dropdown>
      {value && (
        <Button
          size="small"
          type="text"
          icon={<CloseCircleFilled style={{ color: 'rgba(0,0,0,0.25)' }} />}
          onClick={() => onChange(undefined)}
          aria-label={t('reports.filters.any')}
        />
      )}
    </Flex>
  );
}

/** The dashboard-wide filters: date ranges, owners, departments and choice lists, above the grid. */
export function DashboardFilterBar({
  filters,
  values,
  onChange,
}: {
  filters: readonly DashboardFilter[];
  values: FilterValues;
  onChange: (key: string, value: DashboardFilterValue | undefined) => void;
}) {
  const { t } = useTranslation();
  const needsDirectory = filters.some((f) => f.type === 'owner' || f.type === 'department');
  const directory = useDirectory(needsDirectory);
  if (filters.length === 0) return null;
  return (
    <Flex wrap gap={16} align="center" className="db-filter-bar" data-testid="dashboard-filter-bar">
      {filters.map((filter) => {
        const value = values[filter.key];
        let input;
        if (filter.type === 'date_range')
          input = (
            <DateRangeInput
              filter={filter}
              value={value?.type === 'date_range' ? value : undefined}
              onChange={(v) => onChange(filter.key, v)}
            />
          );
        else {
          const selected =
            value?.type === 'owner'
              ? value.userIds
              : value?.type === 'department'
                ? value.departmentIds
                : value?.type === 'select'
                  ? value.values
                  : [];
          const options =
            filter.type === 'owner'
              ? directory.users.map((u) => ({ value: u.id, label: u.name }))
              : filter.type === 'department'
                ? directory.departments.map((d) => ({ value: d.id, label: d.name }))
                : (filter.options ?? []).map((o) => ({ value: o, label: o }));
          input = (
            <Select<string[]>
              mode="multiple"
              size="small"
              allowClear
              maxTagCount="responsive"
              style={{ minWidth: 180 }}
              placeholder={t('reports.filters.any')}
              value={selected}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid={`dashboard-filter-${filter.key}`}
              onChange={(list) => {
                if (!list.length) return onChange(filter.key, undefined);
                if (filter.type === 'owner') onChange(filter.key, { type: 'owner', userIds: list });
                else if (filter.type === 'department')
                  onChange(filter.key, { type: 'department', departmentIds: list });
                else onChange(filter.key, { type: 'select', values: list });
              }}
            />
          );
        }
        return (
          <Flex key={filter.key} align="center" gap={8}>
            <Typography.Text type="secondary">{filter.label}</Typography.Text>
            {input}
          </Flex>
        );
      })}
    </Flex>
  );
}
