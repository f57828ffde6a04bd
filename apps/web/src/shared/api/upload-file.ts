import { apiClient } from './api-client';
import { ApiProblem } from './api-problem';
import type { paths } from './schema';

/**
 * File transfers the typed client cannot express directly: the import takes the raw file as its body and both the
 * import and the export take query parameters the OpenAPI document leaves untyped. They still go through
 * `apiClient` (same base URL, bearer token, refresh-and-replay middleware and problem handling); only the query
 * string and the body are serialized here.
 */

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type ImportReport = JsonContent<paths['/api/v1/forms/{formKey}/import']['post']['responses'][200]>;
export type ImportRowError = ImportReport['errors'][number];
export type ImportMode = 'dry_run' | 'all_or_nothing' | 'skip_invalid';
export type FileFormat = 'csv' | 'xlsx';

export const FILE_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Query = Record<string, string | undefined>;

function queryString(query: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, value);
  return search.toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A refused import: the problem, and the row-by-row report an all_or_nothing refusal carries. */
export class ImportRefused extends ApiProblem {
  readonly report: ImportReport | undefined;
  constructor(problem: ApiProblem, report: ImportReport | undefined) {
    super(problem);
    this.report = report;
  }
}

/** POSTs a CSV/XLSX file as the raw body of /forms/:formKey/import; a problem is thrown as {@link ImportRefused}. */
export async function uploadFile(
  formKey: string,
  file: Blob,
  format: FileFormat,
  query: { mode: ImportMode; mapping?: Record<string, string>; upsertField?: string; locale?: string },
): Promise<ImportReport> {
  const search = queryString({
    mode: query.mode,
    format,
    mapping: query.mapping ? JSON.stringify(query.mapping) : undefined,
    upsertField: query.upsertField,
    locale: query.locale,
  });
  const result = await apiClient
    .POST('/api/v1/forms/{formKey}/import', {
      params: { path: { formKey } },
      body: '',
      bodySerializer: () => file,
      querySerializer: () => search,
      headers: { 'Content-Type': FILE_TYPES[format] },
    })
    .catch((error: unknown) => {
      throw ApiProblem.fromNetworkError(error);
    });
  if (result.data !== undefined && result.response.ok) return result.data;
  const problem = ApiProblem.fromResponse(result.response, result.error);
  const body: unknown = result.error;
  const report = isRecord(body) && isRecord(body.report) ? (body.report as ImportReport) : undefined;
  throw new ImportRefused(problem, report);
}

type FilePath =
  | '/api/v1/forms/{formKey}/export'
  | '/api/v1/forms/{formKey}/import/template.csv'
  | '/api/v1/forms/{formKey}/import/template.xlsx';

/** GETs a file (an export or an import template) with the bearer token: the blob and its server-given name. */
export async function fetchFile(
  path: FilePath,
  formKey: string,
  query: Query,
  fallbackName: string,
): Promise<{ blob: Blob; fileName: string }> {
  const search = queryString(query);
  const result = await apiClient
    .GET(path, {
      params: { path: { formKey } },
      querySerializer: () => search,
      parseAs: 'blob',
    })
    .catch((error: unknown) => {
      throw ApiProblem.fromNetworkError(error);
    });
  if (!result.response.ok || !(result.data instanceof Blob))
    throw ApiProblem.fromResponse(result.response, result.error);
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const fileName = match ? decodeURIComponent(match[1] ?? match[2] ?? fallbackName) : fallbackName;
  return { blob: result.data, fileName };
}
