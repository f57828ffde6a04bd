import { normalizeProvince } from '@tessera/report-engine';

/** The part of a GeoJSON FeatureCollection the map registration reads and renames. */
export interface ChinaGeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { name: string } & Record<string, unknown>; geometry: object }[];
}

/**
 * The GeoJSON of China with every province feature named as the report engine names provinces (广东 → 广东省,
 * 内蒙古 → 内蒙古自治区): the engine's `map_china` data uses those full names, and renaming the features once at
 * registration keeps options, tooltips and drill-down clicks on one naming. A feature that is not one of the 34
 * divisions keeps its name.
 */
export function withFullProvinceNames(geo: ChinaGeoJson): ChinaGeoJson {
  return {
    ...geo,
    features: geo.features.map((f) => ({
      ...f,
      properties: { ...f.properties, name: normalizeProvince(f.properties.name) ?? f.properties.name },
    })),
  };
}
