import { apiClient, callApi } from '../shared/api/api-client';
import type { AuthTokens, LoginRequest, Me } from '../shared/api/api-types';

/** The auth endpoints, as typed functions over the one API client. */
export const authApi = {
  login(credentials: LoginRequest): Promise<AuthTokens> {
    return callApi(apiClient.POST('/api/v1/auth/login', { body: credentials }));
  },

  logout(refreshToken: string): Promise<void> {
    return callApi(apiClient.POST('/api/v1/auth/logout', { body: { refreshToken } })).then(() => undefined);
  },

  me(): Promise<Me> {
    return callApi(apiClient.GET('/api/v1/me'));
  },
};
