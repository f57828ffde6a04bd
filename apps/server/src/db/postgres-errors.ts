/** PostgreSQL error codes the server turns into 4xx answers. */
export interface PostgresError {
  code: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

export function isPostgresError(error: unknown): error is PostgresError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export const isUniqueViolation = (error: unknown): error is PostgresError =>
  isPostgresError(error) && error.code === '23505';
export const isForeignKeyViolation = (error: unknown): error is PostgresError =>
  isPostgresError(error) && error.code === '23503';
export const isQueryCanceled = (error: unknown): error is PostgresError =>
  isPostgresError(error) && error.code === '57014';
