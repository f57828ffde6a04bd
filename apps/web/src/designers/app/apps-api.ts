import { apiClient, callApi } from '../../shared/api/api-client';
import type { paths } from '../../shared/api/schema';

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type AppSummary = JsonContent<paths['/api/v1/apps']['get']['responses'][200]>[number];
export type CreatedForm = JsonContent<paths['/api/v1/apps/{appId}/forms']['post']['responses'][201]>;

/** The API calls of the app and form creation dialogs. */
export const appsApi = {
  list: () => callApi(apiClient.GET('/api/v1/apps')),
  createApp: (key: string, name: string) => callApi(apiClient.POST('/api/v1/apps', { body: { key, name } })),
  createForm: (appId: string, key: string, name: string) =>
    callApi(apiClient.POST('/api/v1/apps/{appId}/forms', { params: { path: { appId } }, body: { key, name } })),
};
