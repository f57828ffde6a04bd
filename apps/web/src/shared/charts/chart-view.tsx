import type { ReportDefinition } from '@tessera/schema';
import { Empty, Flex, Skeleton } from 'antd';
import type { EChartsType } from 'echarts/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartClick } from './chart-click';
import { tesseraBlock, type LooseOption } from './chart-option-access';
import { chartStyleOf } from './chart-style-options';
import { styleChartOption } from './chart-styling';
import { IndicatorCard } from './indicator-card';
import { provinceRankingOption } from './province-ranking';
import type { ChartLocale, ResultRow } from './report-api';
import { relabelOption, type ValueLabels } from './relabel-option';
import { ResultTable } from './result-table';
import { useChinaMap } from './use-china-map';

// ECharts (~350 kB gzip) is only downloaded by pages that draw a chart.
const LazyEChartsView = lazy(() => import('./echarts-view').then((m) => ({ default: m.EChartsView })));

export interface ChartViewProps {
  report: ReportDefinition;
  option: LooseOption;
  rows: readonly ResultRow[];
  height: number;
  locale: ChartLocale;
  /** Dashboard tiles: no legend, tighter paddings. */
  compact?: boolean;
  /** Labels of the choice values the report groups by. */
  valueLabels?: ValueLabels;
  onPointClick?: (click: ChartClick) => void;
  onReady?: (instance: EChartsType) => void;
  testId?: string;
}

/**
 * A report's result drawn as its chart type: ECharts for charts (the map of China once its lazily loaded GeoJSON
 * is registered), a card for `indicator`, an antd table for `table` and `pivot`.
 */
export function ChartView(props: ChartViewProps) {
  const { report, option, rows, height, locale, compact, valueLabels, onPointClick, onReady, testId } = props;
  const { t } = useTranslation();
  const type = report.chart.type;
  const chinaMap = useChinaMap(type === 'map_china');
  const styled = useMemo(() => {
    const labelled = valueLabels ? relabelOption(option, valueLabels) : option;
    // only when the map chunk cannot be downloaded: provinces ranked as bars still show the figures
    const base = type === 'map_china' && chinaMap === 'failed' ? provinceRankingOption(labelled) : labelled;
    return styleChartOption(base, {
      chartType: type,
      style: chartStyleOf(report.chart),
      locale,
      format: report.measures[0]?.format,
      compact,
    });
  }, [option, valueLabels, type, chinaMap, report.chart, report.measures, locale, compact]);
  const block = tesseraBlock(option);

  if (block?.kind === 'indicator')
    return (
      <div style={{ height }} data-testid={testId}>
        <IndicatorCard
          block={block}
          locale={locale}
          onClick={onPointClick && (() => onPointClick({ dataIndex: 0, seriesIndex: 0, name: '' }))}
        />
      </div>
    );
  if (block?.kind === 'table' || block?.kind === 'pivot')
    return (
      <div style={{ height }} data-testid={testId}>
        <ResultTable
          block={block}
          height={height}
          onRowClick={
            block.kind === 'table' && onPointClick
              ? (index) => onPointClick({ dataIndex: index, seriesIndex: 0, name: '' })
              : undefined
          }
        />
      </div>
    );
  if (rows.length === 0)
    return (
      <Flex align="center" justify="center" style={{ height }} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.chart.noData')} />
      </Flex>
    );
  const skeleton = <Skeleton.Node active style={{ width: '100%', height }} />;
  if (type === 'map_china' && chinaMap === 'loading') return skeleton;
  return (
    <Suspense fallback={skeleton}>
      <LazyEChartsView option={styled} height={height} onPointClick={onPointClick} onReady={onReady} testId={testId} />
    </Suspense>
  );
}
