import { HttpException } from '@nestjs/common';
import { problem, ProblemDetails, ProblemError } from './problem-details';

/** Throw this anywhere in the server to answer with a problem+json body. */
export class ProblemException extends HttpException {
  constructor(status: number, detail: string, errors: ProblemError[] = [], extensions: Record<string, unknown> = {}) {
    super(problem(status, detail, errors, extensions), status);
  }

  get details(): ProblemDetails {
    return this.getResponse() as ProblemDetails;
  }
}

export const badRequest = (detail: string, errors: ProblemError[] = []) => new ProblemException(400, detail, errors);
export const unauthorized = (detail: string) => new ProblemException(401, detail);
export const forbidden = (detail: string) => new ProblemException(403, detail);
export const notFound = (detail: string) => new ProblemException(404, detail);
export const conflict = (detail: string, errors: ProblemError[] = [], extensions: Record<string, unknown> = {}) =>
  new ProblemException(409, detail, errors, extensions);
