import type { TFunction } from 'i18next';
import { isApiProblem } from '../../shared/api/api-problem';

/** A short sentence for a failed call, in the user's language where we know the case. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiProblem(error)) return t('runtime.errors.unexpected');
  if (error.isNetworkError) return t('runtime.errors.network');
  if (error.status === 403) return t('runtime.errors.forbidden');
  if (error.status === 404) return t('runtime.errors.notFound');
  if (error.status === 409) return t('runtime.errors.conflict');
  if (error.status === 429) return t('runtime.errors.rateLimited', { seconds: error.retryAfterSeconds ?? 60 });
  if (error.status === 400 || error.status === 422) return t('runtime.errors.invalid');
  return error.detail ?? error.title;
}
