/** RFC 9457 problem details, with Tessera's `errors` list naming each offending path. */
export interface ProblemError {
  /** JSON pointer into the request (`/body/email`, `/query/limit`) or a field key path (`/fields/amount`). */
  path: string;
  code: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors: ProblemError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Request Error');
}

export function problem(
  status: number,
  detail: string | undefined,
  errors: ProblemError[] = [],
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return {
    type: 'about:blank',
    title: problemTitle(status),
    status,
    ...(detail ? { detail } : {}),
    errors,
    ...extensions,
  };
}
