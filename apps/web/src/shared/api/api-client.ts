import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem } from './api-problem';
import type { paths } from './schema';
import { tokenStore } from './token-store';

/** Endpoints that authenticate by their body, not by the bearer token; a 401 from them is final. */
const TOKEN_ENDPOINTS = new Set<string>(['/api/v1/auth/login', '/api/v1/auth/refresh']);

/**
 * The one typed client for the Tessera API. Pages never call `fetch`: they call `apiClient.GET/POST/...`
 * (paths and bodies are checked against `schema.d.ts`) and usually wrap the call in {@link callApi}.
 */
export const apiClient = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });

let refreshInFlight: Promise<string | null> | null = null;

/** Exchanges the refresh token for a new pair. Concurrent 401s share one refresh call. */
function refreshAccessToken(): Promise<string | null> {
  const refreshToken = tokenStore.getRefreshToken();
  if (!refreshToken) return Promise.resolve(null);
  refreshInFlight ??= (async () => {
    try {
      const { data } = await apiClient.POST('/api/v1/auth/refresh', { body: { refreshToken } });
      if (!data) return null;
      tokenStore.save(data);
      return data.accessToken;
    } catch {
      return null;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

/** Replayable copies of the requests in flight, by openapi-fetch request id, for the retry after a refresh. */
const pendingRequests = new Map<string, Request>();

const authMiddleware: Middleware = {
  onRequest({ request, schemaPath, id }) {
    if (TOKEN_ENDPOINTS.has(schemaPath)) return request;
    const accessToken = tokenStore.getAccessToken();
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    pendingRequests.set(id, request.clone());
    return request;
  },

  async onResponse({ response, schemaPath, id, options }) {
    const replayable = pendingRequests.get(id);
    pendingRequests.delete(id);
    if (response.status !== 401 || TOKEN_ENDPOINTS.has(schemaPath) || !replayable) return response;

    const accessToken = await refreshAccessToken();
    if (!accessToken) {
      if (tokenStore.hasSession()) tokenStore.endSession();
      return response;
    }
    const retry = new Request(replayable, { headers: new Headers(replayable.headers) });
    retry.headers.set('Authorization', `Bearer ${accessToken}`);
    const send = options.fetch; // unbound: window.fetch throws "Illegal invocation" when called as a method
    return send(retry);
  },

  onError({ id }) {
    pendingRequests.delete(id);
  },
};

apiClient.use(authMiddleware);

type ApiResult = { data?: unknown; error?: unknown; response: Response };

/** The `data` type of the success member of an openapi-fetch result union. */
type SuccessData<Result> = Result extends { data: infer Data; error?: never } ? Data : never;

/**
 * Awaits an `apiClient` call and returns its data, or throws an {@link ApiProblem} for an HTTP error
 * (parsed from `application/problem+json`) or a network failure.
 *
 * @example const me = await callApi(apiClient.GET('/api/v1/me'));
 */
export async function callApi<Result extends ApiResult>(call: Promise<Result>): Promise<SuccessData<Result>> {
  let result: Result;
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiProblem ? error : ApiProblem.fromNetworkError(error);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw ApiProblem.fromResponse(result.response, result.error);
  }
  return result.data as SuccessData<Result>;
}
