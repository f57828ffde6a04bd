import { CloseOutlined, SettingOutlined } from '@ant-design/icons';
import { DATE_BUCKETS, type DateBucket, type ReportDimension, type TopN } from '@tessera/schema';
import { Button, Checkbox, Flex, Input, InputNumber, Popover, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FieldTypeIcon } from './field-type-icon';
import type { SourceField } from './source-fields';

export interface DimensionPillProps {
  dimension: ReportDimension;
  field: SourceField | undefined;
  onChange: (dimension: ReportDimension) => void;
  onRemove: () => void;
}

/** A dimension in the Dimensions well: the date bucket inline, label and top N in a popover. */
export function DimensionPill({ dimension, field, onChange, onRemove }: DimensionPillProps) {
  const { t } = useTranslation();
  const label = field?.label ?? dimension.field;
  const topN: TopN | undefined = dimension.topN;
  const settings = (
    <Flex vertical gap={10} style={{ width: 240 }}>
      <div>
        <Typography.Text type="secondary">{t('reports.designer.displayName')}</Typography.Text>
        <Input
          value={dimension.label ?? ''}
          placeholder={label}
          onChange={(e) => onChange({ ...dimension, label: e.target.value || undefined })}
        />
      </div>
      <div>
        <Typography.Text type="secondary">{t('reports.designer.topN')}</Typography.Text>
        <Flex gap={8} align="center">
          <InputNumber
            min={1}
            max={1000}
            value={topN?.n ?? null}
            placeholder={t('reports.designer.all')}
            onChange={(n) => onChange({ ...dimension, topN: n ? { n, other: topN?.other ?? true } : undefined })}
          />
          <Checkbox
            disabled={!topN}
            checked={topN?.other ?? false}
            onChange={(e) => topN && onChange({ ...dimension, topN: { ...topN, other: e.target.checked } })}
          >
            {t('reports.designer.foldOther')}
          </Checkbox>
        </Flex>
      </div>
    </Flex>
  );
  return (
    <span className="rd-pill rd-pill-dimension" data-testid={`dimension-pill-${dimension.field}`}>
      {field && <FieldTypeIcon field={field} />}
      <span className="rd-pill-label">{dimension.label || label}</span>
      {field?.temporal && (
        <Select<DateBucket>
          size="small"
          variant="borderless"
          value={dimension.bucket ?? 'day'}
          popupMatchSelectWidth={false}
          options={DATE_BUCKETS.map((b) => ({ value: b, label: t(`reports.buckets.${b}`) }))}
          onChange={(bucket) => onChange({ ...dimension, bucket })}
          data-testid="dimension-bucket"
        />
      )}
      <Popover trigger="click" content={settings} title={label} placement="bottom">
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
