import type { DashboardDefinition, DashboardFilterValue, ReportDefinition } from '@tessera/schema';
import type { DrillPoint } from '@tessera/report-engine';
import { apiClient, callApi } from '../api/api-client';
import type { paths } from '../api/schema';

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

type WireReport = JsonContent<paths['/api/v1/reports/{key}']['get']['responses'][200]>;
type WireDashboard = JsonContent<paths['/api/v1/dashboards/{key}']['get']['responses'][200]>;
type WireDefinition = WireReport['definition'];
export type ReportRun = JsonContent<paths['/api/v1/reports/{key}/run']['post']['responses'][200]>;
export type DashboardRun = JsonContent<paths['/api/v1/dashboards/{key}/run']['post']['responses'][200]>;
export type DashboardItemResult = DashboardRun['items'][number];
export type DrillDownResult = JsonContent<paths['/api/v1/reports/{key}/drill-down']['post']['responses'][200]>;
export type ChartLocale = 'zh-CN' | 'en-US';
/** A result row of a report (`d0`, `d1`… for dimensions, measure `as` columns). */
export type ResultRow = Record<string, unknown>;
/** A condition of the condition language, as the API carries it. */
export type WireCondition = Record<string, unknown>;

/** A stored report with its definition typed by the schema package (the server validated it). */
export type StoredReport = Omit<WireReport, 'definition'> & { definition: ReportDefinition };
export type StoredDashboard = Omit<WireDashboard, 'definition'> & { definition: DashboardDefinition };

const toWire = (definition: ReportDefinition | DashboardDefinition): WireDefinition =>
  definition as unknown as WireDefinition;
const asReport = (wire: WireReport): StoredReport => ({
  ...wire,
  definition: wire.definition as unknown as ReportDefinition,
});
const asDashboard = (wire: WireDashboard): StoredDashboard => ({
  ...wire,
  definition: wire.definition as unknown as DashboardDefinition,
});
const conditions = (list: readonly object[] | undefined): WireCondition[] | undefined =>
  list && list.length ? (list as WireCondition[]) : undefined;

/** The API calls of reports and dashboards (designer, dashboard builder and viewer). */
export const reportApi = {
  listReports: async (appId: string): Promise<StoredReport[]> =>
    (await callApi(apiClient.GET('/api/v1/apps/{appId}/reports', { params: { path: { appId } } }))).map(asReport),
  getReport: async (key: string): Promise<StoredReport> =>
    asReport(await callApi(apiClient.GET('/api/v1/reports/{key}', { params: { path: { key } } }))),
  createReport: async (appId: string, definition: ReportDefinition): Promise<StoredReport> =>
    asReport(
      await callApi(
        apiClient.POST('/api/v1/apps/{appId}/reports', {
          params: { path: { appId } },
          body: { definition: toWire(definition) },
        }),
      ),
    ),
  updateReport: async (key: string, version: number, definition: ReportDefinition): Promise<StoredReport> =>
    asReport(
      await callApi(
        apiClient.PUT('/api/v1/reports/{key}', {
          params: { path: { key } },
          body: { version, definition: toWire(definition) },
        }),
      ),
    ),
  deleteReport: (key: string) => callApi(apiClient.DELETE('/api/v1/reports/{key}', { params: { path: { key } } })),
  preview: (definition: ReportDefinition, locale: ChartLocale, signal?: AbortSignal): Promise<ReportRun> =>
    callApi(apiClient.POST('/api/v1/reports/preview', { body: { definition: toWire(definition), locale }, signal })),
  runReport: (key: string, locale: ChartLocale, dashboardFilters?: readonly object[]): Promise<ReportRun> =>
    callApi(
      apiClient.POST('/api/v1/reports/{key}/run', {
        params: { path: { key } },
        body: { locale, dashboardFilters: conditions(dashboardFilters) },
      }),
    ),
  drillDown: (
    key: string,
    point: DrillPoint,
    dashboardFilters: readonly object[],
    limit: number,
    offset: number,
  ): Promise<DrillDownResult> =>
    callApi(
      apiClient.POST('/api/v1/reports/{key}/drill-down', {
        params: { path: { key } },
        body: { point, dashboardFilters: conditions(dashboardFilters), limit, offset },
      }),
    ),
  exportXlsx: async (key: string): Promise<Blob> => {
    const blob = await callApi(
      apiClient.GET('/api/v1/reports/{key}/export.xlsx', { params: { path: { key } }, parseAs: 'blob' }),
    );
    return blob as unknown as Blob;
  },
  listDashboards: async (appId: string): Promise<StoredDashboard[]> =>
    (await callApi(apiClient.GET('/api/v1/apps/{appId}/dashboards', { params: { path: { appId } } }))).map(asDashboard),
  getDashboard: async (key: string): Promise<StoredDashboard> =>
    asDashboard(await callApi(apiClient.GET('/api/v1/dashboards/{key}', { params: { path: { key } } }))),
  createDashboard: async (appId: string, definition: DashboardDefinition): Promise<StoredDashboard> =>
    asDashboard(
      await callApi(
        apiClient.POST('/api/v1/apps/{appId}/dashboards', {
          params: { path: { appId } },
          body: { definition: toWire(definition) },
        }),
      ),
    ),
  updateDashboard: async (key: string, version: number, definition: DashboardDefinition): Promise<StoredDashboard> =>
    asDashboard(
      await callApi(
        apiClient.PUT('/api/v1/dashboards/{key}', {
          params: { path: { key } },
          body: { version, definition: toWire(definition) },
        }),
      ),
    ),
  deleteDashboard: (key: string) =>
    callApi(apiClient.DELETE('/api/v1/dashboards/{key}', { params: { path: { key } } })),
  runDashboard: (
    key: string,
    locale: ChartLocale,
    filterValues: Record<string, DashboardFilterValue>,
    crossFilter?: { reportKey: string; point: DrillPoint },
  ): Promise<DashboardRun> =>
    callApi(
      apiClient.POST('/api/v1/dashboards/{key}/run', {
        params: { path: { key } },
        body: {
          locale,
          filterValues: Object.keys(filterValues).length ? filterValues : undefined,
          crossFilter,
        },
      }),
    ),
};
