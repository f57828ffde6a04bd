import { Type } from '@sinclair/typebox';

/**
 * Request/response schemas of reports and dashboards. Definitions are typed as open objects here: their full
 * structure is checked by the meta-schemas of @tessera/schema, which answer with paths into the definition.
 */
const Definition = (title: string) =>
  Type.Object({}, { additionalProperties: true, title, description: `A ${title} (see the meta-schema)` });

export const ReportDefinitionBody = Definition('ReportDefinition');
export const DashboardDefinitionBody = Definition('DashboardDefinition');

/** A filter in the shared condition language; its structure is checked against the condition meta-schema. */
export const ConditionBody = Type.Object({}, { additionalProperties: true, title: 'Condition' });

const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]);

export const CreateReportRequest = Type.Object(
  { definition: ReportDefinitionBody },
  { additionalProperties: false, title: 'CreateReportRequest' },
);

export const UpdateReportRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version the report was read at (409 when stale)' }),
    definition: ReportDefinitionBody,
  },
  { additionalProperties: false, title: 'UpdateReportRequest' },
);

export const ReportResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    appId: Type.String({ format: 'uuid' }),
    key: Type.String(),
    version: Type.Integer(),
    definition: ReportDefinitionBody,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Report' },
);

export const RunReportRequest = Type.Object(
  {
    dashboardFilters: Type.Optional(
      Type.Array(ConditionBody, { maxItems: 50, description: "Conditions on the report's fields, AND-ed in" }),
    ),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false, title: 'RunReportRequest' },
);

export const PreviewReportRequest = Type.Object(
  {
    definition: ReportDefinitionBody,
    dashboardFilters: Type.Optional(Type.Array(ConditionBody, { maxItems: 50 })),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false, title: 'PreviewReportRequest' },
);

export const ReportRunResponse = Type.Object(
  {
    rows: Type.Array(Type.Object({}, { additionalProperties: true })),
    chartOption: Type.Object({}, { additionalProperties: true, description: 'An ECharts option (plain JSON)' }),
    sqlMs: Type.Number({ description: 'Time spent in the report query' }),
    cached: Type.Boolean(),
  },
  { title: 'ReportRun' },
);

const Scalar = Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean(), Type.Null()]);
export const DrillValueBody = Type.Union([
  Scalar,
  Type.Object(
    { other: Type.Literal(true), topValues: Type.Array(Scalar, { maxItems: 1000 }) },
    { additionalProperties: false },
  ),
  Type.Object({ total: Type.Literal(true) }, { additionalProperties: false }),
]);
export const DrillPointBody = Type.Object(
  { dimensionValues: Type.Array(DrillValueBody, { maxItems: 8 }) },
  { additionalProperties: false, title: 'DrillPoint' },
);

export const DrillDownRequest = Type.Object(
  {
    point: DrillPointBody,
    dashboardFilters: Type.Optional(Type.Array(ConditionBody, { maxItems: 50 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
  },
  { additionalProperties: false, title: 'DrillDownRequest' },
);

export const DrillDownResponse = Type.Object(
  {
    condition: ConditionBody,
    total: Type.Integer(),
    recordIds: Type.Array(Type.String({ format: 'uuid' })),
  },
  { title: 'DrillDown' },
);

export const CreateDashboardRequest = Type.Object(
  { definition: DashboardDefinitionBody },
  { additionalProperties: false, title: 'CreateDashboardRequest' },
);

export const UpdateDashboardRequest = Type.Object(
  { version: Type.Integer({ minimum: 1 }), definition: DashboardDefinitionBody },
  { additionalProperties: false, title: 'UpdateDashboardRequest' },
);

export const DashboardResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    appId: Type.String({ format: 'uuid' }),
    key: Type.String(),
    version: Type.Integer(),
    definition: DashboardDefinitionBody,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Dashboard' },
);

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Uuids = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500 });
export const DashboardFilterValueBody = Type.Union([
  Type.Object(
    {
      type: Type.Literal('date_range'),
      from: Type.String({ pattern: DATE, format: 'date' }),
      to: Type.String({ pattern: DATE, format: 'date' }),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('owner'), userIds: Uuids }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('department'), departmentIds: Uuids }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('select'), values: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 500 }) },
    { additionalProperties: false },
  ),
]);

export const RunDashboardRequest = Type.Object(
  {
    filterValues: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' }), DashboardFilterValueBody, {
        description: 'Dashboard filter key → the value picked',
      }),
    ),
    crossFilter: Type.Optional(
      Type.Object(
        { reportKey: Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' }), point: DrillPointBody },
        { additionalProperties: false, description: 'A clicked chart element filtering the other charts' },
      ),
    ),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false, title: 'RunDashboardRequest' },
);

export const DashboardItemResult = Type.Object(
  {
    reportKey: Type.String(),
    rows: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
    chartOption: Type.Optional(Type.Object({}, { additionalProperties: true })),
    sqlMs: Type.Optional(Type.Number()),
    cached: Type.Optional(Type.Boolean()),
    error: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'A problem+json body' })),
  },
  { title: 'DashboardItemResult' },
);

export const DashboardRunResponse = Type.Object(
  { items: Type.Array(DashboardItemResult), totalMs: Type.Number() },
  { title: 'DashboardRun' },
);
