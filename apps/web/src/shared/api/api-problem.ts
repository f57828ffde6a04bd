/** One entry of a problem's `errors` array: which input is wrong and why. */
export interface ApiProblemError {
  path: string;
  code: string;
  message: string;
}

const NETWORK_STATUS = 0;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function readErrors(value: unknown): ApiProblemError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    path: readString(entry.path) ?? '',
    code: readString(entry.code) ?? '',
    message: readString(entry.message) ?? '',
  }));
}

function readRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * A failed API call, normalised from an `application/problem+json` body (RFC 9457). Anything else the client can
 * meet (an empty 502 from a proxy, a network failure) is turned into the same shape, so callers handle one type.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ApiProblemError[];
  /** Seconds to wait (429, 503): the problem's `retryAfter` extension member, else the `Retry-After` header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    title: string;
    type?: string;
    detail?: string;
    errors?: ApiProblemError[];
    retryAfterSeconds?: number;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** True when the browser never got an HTTP response (offline, DNS, connection refused, CORS). */
  get isNetworkError(): boolean {
    return this.status === NETWORK_STATUS;
  }

  static fromResponse(response: Response, body: unknown): ApiProblem {
    const document = isRecord(body) ? body : {};
    const fallbackTitle = response.statusText || `HTTP ${response.status}`;
    return new ApiProblem({
      status: typeof document.status === 'number' ? document.status : response.status,
      type: readString(document.type),
      title: readString(document.title) ?? fallbackTitle,
      detail: readString(document.detail) ?? (typeof body === 'string' && body.length < 500 ? body : undefined),
      errors: readErrors(document.errors),
      retryAfterSeconds:
        typeof document.retryAfter === 'number' && document.retryAfter >= 0
          ? Math.ceil(document.retryAfter)
          : readRetryAfter(response.headers.get('Retry-After')),
    });
  }

  static fromNetworkError(error: unknown): ApiProblem {
    return new ApiProblem({
      status: NETWORK_STATUS,
      type: 'about:network-error',
      title: 'Network error',
      detail: error instanceof Error ? error.message : undefined,
    });
  }
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}
