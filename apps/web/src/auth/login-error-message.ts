import type { TFunction } from 'i18next';
import { isApiProblem } from '../shared/api/api-problem';

/** The sentence shown above the login form for a failed sign-in. */
export function loginErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiProblem(error)) return t('auth.errors.generic', { message: String(error) });
  if (error.isNetworkError) return t('auth.errors.network');
  if (error.status === 401) return t('auth.errors.invalidCredentials');
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    if (!seconds) return t('auth.errors.tooManyAttempts');
    return seconds < 90
      ? t('auth.errors.tooManyAttemptsRetry', { seconds })
      : t('auth.errors.tooManyAttemptsRetryMinutes', { minutes: Math.ceil(seconds / 60) });
  }
  return t('auth.errors.generic', { message: error.detail ?? error.title });
}
