import EChartsReactCore from 'echarts-for-react/esm/core';
import type { EChartsType } from 'echarts/core';
import { useCallback, useMemo, useRef } from 'react';
import type { ChartClick } from './chart-click';
import { asList, type LooseOption } from './chart-option-access';
import { echarts } from './echarts-core';

export interface EChartsViewProps {
  option: LooseOption;
  height: number | string;
  onPointClick?: (click: ChartClick) => void;
  onReady?: (instance: EChartsType) => void;
  testId?: string;
}

interface SeriesClickParams {
  dataIndex?: number;
  seriesIndex?: number;
  name?: string;
}

/** Which axis holds the categories of a cartesian option (clicks anywhere in a category band drill it). */
function categoryAxisOf(option: LooseOption): 'x' | 'y' | undefined {
  if (asList(option.xAxis)[0]?.type === 'category') return 'x';
  if (asList(option.yAxis)[0]?.type === 'category') return 'y';
  return undefined;
}

function categoryName(option: LooseOption, axis: 'x' | 'y', index: number): string {
  const data = asList(axis === 'x' ? option.xAxis : option.yAxis)[0]?.data;
  return Array.isArray(data) ? String(data[index] ?? '') : '';
}

/**
 * One ECharts chart (tree-shaken core, canvas renderer). This module is the lazily loaded chart chunk: import it
 * through chart-view.tsx, never directly from a page. A click on an element, or anywhere in a category band of a
 * cartesian chart, reports the category index, series index and name.
 */
export function EChartsView({ option, height, onPointClick, onReady, testId }: EChartsViewProps) {
  const clickRef = useRef(onPointClick);
  clickRef.current = onPointClick;
  const optionRef = useRef(option);
  optionRef.current = option;
  const lastSeriesClick = useRef(0);

  const onEvents = useMemo(
    () => ({
      click: (params: SeriesClickParams) => {
        lastSeriesClick.current = Date.now();
        clickRef.current?.({
          dataIndex: params.dataIndex ?? 0,
          seriesIndex: params.seriesIndex ?? 0,
          name: params.name ?? '',
        });
      },
    }),
    [],
  );

  const handleReady = useCallback(
    (instance: EChartsType) => {
      instance.getZr().on('click', (event) => {
        // a click on a drawn element already came through the series click handler
        if (Date.now() - lastSeriesClick.current < 50 || !clickRef.current) return;
        const current = optionRef.current;
        const axis = categoryAxisOf(current);
        const point = [event.offsetX, event.offsetY];
        if (!axis || !instance.containPixel('grid', point)) return;
        const value: unknown = instance.convertFromPixel({ gridIndex: 0 }, point);
        if (!Array.isArray(value)) return;
        const index = Math.round(Number(axis === 'x' ? value[0] : value[1]));
        if (!Number.isFinite(index) || index < 0) return;
        clickRef.current({ dataIndex: index, seriesIndex: 0, name: categoryName(current, axis, index) });
      });
      instance.getZr().on('mousemove', (event) => {
        const axis = categoryAxisOf(optionRef.current);
        const inside = axis !== undefined && instance.containPixel('grid', [event.offsetX, event.offsetY]);
        instance.getZr().setCursorStyle(inside && clickRef.current ? 'pointer' : 'default');
      });
      onReady?.(instance);
    },
    [onReady],
  );

  return (
    <div data-testid={testId} data-chart-ready="true" style={{ width: '100%', height }}>
      <EChartsReactCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        onEvents={onEvents}
        onChartReady={handleReady}
        style={{ width: '100%', height: '100%' }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
