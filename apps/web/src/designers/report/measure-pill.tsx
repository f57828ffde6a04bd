import { CloseOutlined, SettingOutlined } from '@ant-design/icons';
import type { MeasureFormat, ReportAggregate, ReportMeasure } from '@tessera/schema';
import { Button, Checkbox, Flex, Input, InputNumber, Popover, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NUMERIC_AGGREGATES, OTHER_AGGREGATES } from './report-draft';
import type { SourceField } from './source-fields';

export interface MeasurePillProps {
  measure: ReportMeasure;
  field: SourceField | undefined;
  onAggregate: (aggregate: ReportAggregate) => void;
  onChange: (measure: ReportMeasure) => void;
  onRemove: () => void;
}

const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY'];

/** A measure in the Measures well: the aggregation inline; label, number format and totals in a popover. */
export function MeasurePill({ measure, field, onAggregate, onChange, onRemove }: MeasurePillProps) {
  const { t } = useTranslation();
  const aggregates = field ? (field.numeric ? NUMERIC_AGGREGATES : OTHER_AGGREGATES) : (['count'] as const);
  const name = field?.label ?? t('reports.designer.records');
  const format: MeasureFormat = measure.format ?? { style: 'number' };
  const setFormat = (next: Partial<MeasureFormat>) => onChange({ ...measure, format: { ...format, ...next } });
  const settings = (
    <Flex vertical gap={10} style={{ width: 260 }}>
      <div>
        <Typography.Text type="secondary">{t('reports.designer.displayName')}</Typography.Text>
        <Input
          value={measure.label ?? ''}
          placeholder={t(`reports.aggregates.${measure.aggregate}`) + ' · ' + name}
          onChange={(e) => onChange({ ...measure, label: e.target.value || undefined })}
        />
      </div>
      <div>
        <Typography.Text type="secondary">{t('reports.designer.numberFormat')}</Typography.Text>
        <Segmented<MeasureFormat['style']>
          block
          value={format.style}
          options={(['number', 'currency', 'percent'] as const).map((s) => ({
            value: s,
            label: t(`reports.formats.${s}`),
          }))}
          onChange={(style) => setFormat({ style })}
        />
      </div>
      <Flex gap={8}>
        <InputNumber
          min={0}
          max={6}
          value={format.decimals ?? null}
          placeholder={t('reports.designer.decimals')}
          onChange={(decimals) => setFormat({ decimals: decimals ?? undefined })}
          style={{ flex: 1 }}
        />
        {format.style === 'currency' && (
          <Select
            value={format.currency ?? 'CNY'}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
            onChange={(currency) => setFormat({ currency })}
            style={{ width: 96 }}
          />
        )}
      </Flex>
      <Checkbox
        checked={measure.percentOfTotal ?? false}
        onChange={(e) => onChange({ ...measure, percentOfTotal: e.target.checked || undefined })}
      >
        {t('reports.designer.percentOfTotal')}
      </Checkbox>
      <Checkbox
        checked={measure.runningTotal ?? false}
        onChange={(e) => onChange({ ...measure, runningTotal: e.target.checked || undefined })}
      >
        {t('reports.designer.runningTotal')}
      </Checkbox>
    </Flex>
  );
  return (
    <span className="rd-pill rd-pill-measure" data-testid={`measure-pill-${measure.field ?? 'count'}`}>
      <Select<ReportAggregate>
        size="small"
        variant="borderless"
        value={measure.aggregate}
        popupMatchSelectWidth={false}
        options={aggregates.map((a) => ({ value: a, label: t(`reports.aggregates.${a}`) }))}
        onChange={onAggregate}
        disabled={!field}
        data-testid="measure-aggregate"
      />
      <span className="rd-pill-label">{measure.label || name}</span>
      <Popover trigger="click" content={settings} title={name} placement="bottom">
        <Button size="small" type="text" icon={<SettingOutlined />} aria-label={t('reports.designer.settings')} />
      </Popover>
      <Button
        size="small"
        type="text"
        icon={<CloseOutlined />}
        aria-label={t('reports.designer.remove')}
        onClick={onRemove}
      />
    </span>
  );
}
