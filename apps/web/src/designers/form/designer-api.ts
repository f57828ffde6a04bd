import type { FormDefinition } from '@tessera/schema';
import { apiClient, callApi } from '../../shared/api/api-client';
import type { paths } from '../../shared/api/schema';

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type FormRecord = JsonContent<paths['/api/v1/forms/{formKey}']['get']['responses'][200]>;
export type PublishPreview = JsonContent<paths['/api/v1/forms/{formKey}/publish-preview']['get']['responses'][200]>;
export type FormVersion = JsonContent<paths['/api/v1/forms/{formKey}/versions']['get']['responses'][200]>[number];
export type AppRecord = JsonContent<paths['/api/v1/apps/{appId}']['get']['responses'][200]>;
type WireDefinition = FormRecord['draft'];

/** The API types definitions loosely (fields as records); the schema package has the precise type. */
export function asDefinition(wire: WireDefinition): FormDefinition {
  return wire as unknown as FormDefinition;
}

function toWire(definition: FormDefinition): WireDefinition {
  return definition as unknown as WireDefinition;
}

/** The API calls of the form designer. */
export const designerApi = {
  loadForm: (formKey: string) => callApi(apiClient.GET('/api/v1/forms/{formKey}', { params: { path: { formKey } } })),
  loadApp: (appId: string) => callApi(apiClient.GET('/api/v1/apps/{appId}', { params: { path: { appId } } })),
  saveDraft: (formKey: string, revision: number, definition: FormDefinition) =>
    callApi(
      apiClient.PUT('/api/v1/forms/{formKey}/draft', {
        params: { path: { formKey } },
        body: { revision, definition: toWire(definition) },
      }),
    ),
  publishPreview: (formKey: string) =>
    callApi(apiClient.GET('/api/v1/forms/{formKey}/publish-preview', { params: { path: { formKey } } })),
  publish: (formKey: string, revision: number) =>
    callApi(apiClient.POST('/api/v1/forms/{formKey}/publish', { params: { path: { formKey } }, body: { revision } })),
  versions: (formKey: string) =>
    callApi(apiClient.GET('/api/v1/forms/{formKey}/versions', { params: { path: { formKey } } })),
};
