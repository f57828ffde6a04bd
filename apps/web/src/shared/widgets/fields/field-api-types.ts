import type { paths } from '../../api/schema';

/** The JSON body of a response of the generated schema. */
type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** A record as the API returns it: system properties, values by field key, display names of references. */
export type RecordItem = JsonOf<paths['/api/v1/forms/{formKey}/records/{recordId}']['get']['responses'][200]>;
export type RecordPage = JsonOf<paths['/api/v1/forms/{formKey}/records']['get']['responses'][200]>;
export type RecordHistoryItem = JsonOf<
  paths['/api/v1/forms/{formKey}/records/{recordId}/history']['get']['responses'][200]
>[number];
export type DirectoryUser = JsonOf<paths['/api/v1/users']['get']['responses'][200]>[number];
export type DirectoryDepartment = JsonOf<paths['/api/v1/departments']['get']['responses'][200]>[number];
export type AppItem = JsonOf<paths['/api/v1/apps']['get']['responses'][200]>[number];
export type FormItem = JsonOf<paths['/api/v1/forms/{formKey}']['get']['responses'][200]>;
export type PublicFormItem = JsonOf<paths['/api/v1/public/forms/{token}']['get']['responses'][200]>;
