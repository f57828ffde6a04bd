import { apiClient } from './api-client';
import { ApiProblem } from './api-problem';
import type { paths } from './schema';

/**
 * File transfers the typed client cannot express directly: the import and POST /files take the raw file as their
 * body, and the import, the export and the upload take query parameters the OpenAPI document leaves untyped. They still go through
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

/** An uploaded file as POST /api/v1/files answers it ({id, name, size, type, url}). */
export type UploadedFile = JsonContent<paths['/api/v1/files']['post']['responses'][201]>;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * A `fetch` for openapi-fetch that sends through XMLHttpRequest, the one browser API reporting upload progress.
 * It is given to `apiClient` per request, so the bearer token, the refresh-and-replay middleware and the problem
 * handling stay the client's; the body sent is `body` itself (the Request's copy would be read into memory).
 */
function fetchWithUploadProgress(body: Blob, onProgress: (fraction: number) => void) {
  return (request: Request): Promise<Response> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, key) => xhr.setRequestHeader(key, value));
      xhr.responseType = 'blob';
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () =>
        resolve(
          new Response(NULL_BODY_STATUSES.has(xhr.status) ? null : (xhr.response as Blob), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: responseHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
      if (request.signal.aborted) return xhr.abort();
      request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
}

/**
 * POSTs one file as the raw body of /api/v1/files (its own content type, the name in the query), reporting the
 * fraction sent; a refusal (400 bad name, 413 too large) is thrown as an {@link ApiProblem}.
 */
export async function uploadStoredFile(
  file: File,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<UploadedFile> {
  const search = queryString({ name: file.name });
  const result = await apiClient
    .POST('/api/v1/files', {
      body: '',
      bodySerializer: () => file,
      querySerializer: () => search,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      signal: options.signal,
      fetch: fetchWithUploadProgress(file, options.onProgress ?? (() => undefined)),
    })
    .catch((error: unknown) => {
      throw ApiProblem.fromNetworkError(error);
    });
  if (result.data !== undefined && result.response.ok) return result.data;
  throw ApiProblem.fromResponse(result.response, result.error);
}

/** GETs a stored file's content with the bearer token (thumbnails and downloads use object URLs of it). */
export async function fetchStoredFile(id: string, signal?: AbortSignal): Promise<Blob> {
  const result = await apiClient
    .GET('/api/v1/files/{id}', { params: { path: { id } }, parseAs: 'blob', signal })
    .catch((error: unknown) => {
      throw ApiProblem.fromNetworkError(error);
    });
  if (!result.response.ok || !(result.data instanceof Blob))
    throw ApiProblem.fromResponse(result.response, result.error);
  return result.data;
}
