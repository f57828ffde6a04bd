// Reports and dashboards: the types and meta-schemas (re-exported from the package index in one line).
export * from './report-definition';
export * from './report-schema';
export * from './dashboard-definition';
export * from './dashboard-schema';
