import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

function isProblemDetails(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    'title' in value &&
    Array.isArray((value as { errors?: unknown }).errors)
  );
}

/** Turns every exception into application/problem+json; unexpected ones are logged and answered 500 without details. */
export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (isProblemDetails(body)) return body;
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    return problem(status, Array.isArray(message) ? message.join('; ') : String(message));
  }
  const status =
    (exception as { status?: unknown; statusCode?: unknown })?.status ??
    (exception as { statusCode?: unknown })?.statusCode;
  const type = (exception as { type?: unknown })?.type;
  // body-parser errors carry a status and a type
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (type === 'entity.parse.failed')
      return problem(400, 'The request body is not valid JSON', [
        { path: '/body', code: 'invalid_json', message: 'Malformed JSON' },
      ]);
    if (type === 'entity.too.large')
      return problem(413, 'The request body is too large', [
        { path: '/body', code: 'too_large', message: 'Body exceeds the size limit' },
      ]);
    return problem(status, (exception as Error).message);
  }
  return problem(500, 'An unexpected error occurred');
}

@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const body = toProblem(exception);
    if (body.status >= 500)
      this.logger.error({ err: exception, method: request.method, url: request.originalUrl }, 'unhandled error');
    if (response.headersSent) return;
    response
      .status(body.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...body, instance: request.originalUrl }));
  }
}
