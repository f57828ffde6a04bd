import type { ReportDefinition, ReportSort } from '@tessera/schema';
import { Flex, InputNumber, Segmented, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CHART_PALETTES,
  chartStyleOf,
  PALETTE_KEYS,
  withChartStyle,
  type ChartStyleOptions,
} from '../../shared/charts/chart-style-options';
import { SettingRow as Row } from './setting-row';
import type { SourceField } from './source-fields';

const AXIS_CHARTS = new Set(['bar', 'column', 'stacked_bar', 'stacked_column', 'line', 'area', 'combo']);

/** Presentation and ordering: labels, smooth lines, palette, target line, sort and row limit. */
export function ChartSettingsPanel({
  definition,
  fields,
  onChange,
}: {
  definition: ReportDefinition;
  fields: readonly SourceField[];
  onChange: (definition: ReportDefinition) => void;
}) {
  const { t } = useTranslation();
  const style = chartStyleOf(definition.chart);
  const type = definition.chart.type;
  const setStyle = (patch: ChartStyleOptions) =>
    onChange({ ...definition, chart: withChartStyle(definition.chart, { ...style, ...patch }) });
  const sort: ReportSort | undefined = definition.sort?.[0];
  const labelOf = (ref: string) => fields.find((f) => f.ref === ref)?.label ?? ref;
  const sortOptions = [
    ...definition.dimensions.map((d) => ({ value: d.field, label: d.label || labelOf(d.field) })),
    ...definition.measures.map((m) => ({
      value: m.as,
      label:
        m.label ||
        `${t(`reports.aggregates.${m.aggregate}`)} · ${m.field ? labelOf(m.field) : t('reports.designer.records')}`,
    })),
  ];
  const setSort = (next: ReportSort | undefined) => onChange({ ...definition, sort: next ? [next] : undefined });
  return (
    <Flex vertical gap={4} data-testid="chart-settings">
      <Row label={t('reports.designer.palette')}>
        <Flex gap={6}>
          {PALETTE_KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className={`rd-swatch${(style.palette ?? 'tessera') === key ? ' rd-swatch-active' : ''}`}
              title={t(`reports.palettes.${key}`)}
              aria-label={t(`reports.palettes.${key}`)}
              onClick={() => setStyle({ palette: key })}
              style={{
                background: `linear-gradient(135deg, ${CHART_PALETTES[key][0]} 50%, ${CHART_PALETTES[key][1]} 50%)`,
              }}
            />
          ))}
        </Flex>
      </Row>
      {AXIS_CHARTS.has(type) && (
        <>
          <Row label={t('reports.designer.showLabels')}>
            <Switch
              size="small"
              checked={style.showLabels ?? false}
              onChange={(showLabels) => setStyle({ showLabels })}
            />
          </Row>
          {(type === 'line' || type === 'area' || type === 'combo') && (
            <Row label={t('reports.designer.smooth')}>
              <Switch size="small" checked={style.smooth ?? false} onChange={(smooth) => setStyle({ smooth })} />
            </Row>
          )}
          <Row label={t('reports.designer.targetLine')}>
            <InputNumber
              size="small"
              style={{ width: 130 }}
              value={style.targetLine ?? null}
              placeholder={t('reports.designer.none')}
              onChange={(v) => setStyle({ targetLine: v ?? undefined })}
              data-testid="target-line"
            />
          </Row>
        </>
      )}
      <Row label={t('reports.designer.sortBy')}>
        <Flex gap={4}>
          <Select
            size="small"
            allowClear
            style={{ width: 130 }}
            placeholder={t('reports.designer.defaultOrder')}
            value={sort?.by}
            options={sortOptions}
            onChange={(by?: string) => setSort(by ? { by, direction: sort?.direction ?? 'desc' } : undefined)}
          />
          <Segmented
            size="small"
            disabled={!sort}
            value={sort?.direction ?? 'desc'}
            options={[
              { value: 'asc', label: '↑' },
              { value: 'desc', label: '↓' },
            ]}
            onChange={(direction) => sort && setSort({ ...sort, direction: direction as ReportSort['direction'] })}
          />
        </Flex>
      </Row>
      <Row label={t('reports.designer.limit')}>
        <InputNumber
          size="small"
          min={1}
          max={10000}
          style={{ width: 130 }}
          value={definition.limit ?? null}
          placeholder={t('reports.designer.all')}
          onChange={(limit) => onChange({ ...definition, limit: limit ?? undefined })}
        />
      </Row>
    </Flex>
  );
}
