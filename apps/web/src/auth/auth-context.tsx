import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginRequest, Me } from '../shared/api/api-types';
import { tokenStore } from '../shared/api/token-store';
import { authApi } from './auth-api';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: AuthStatus;
  /** The signed-in user; null unless `status` is `authenticated`. */
  me: Me | null;
  /** True when the session ended on its own (refresh refused), not by logging out. */
  sessionExpired: boolean;
  login: (credentials: LoginRequest) => Promise<Me>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>(() => (tokenStore.hasSession() ? 'loading' : 'anonymous'));
  const [sessionExpired, setSessionExpired] = useState(false);

  const loadMe = useCallback(async (signal: { cancelled: boolean }) => {
    if (!tokenStore.hasSession()) {
      setMe(null);
      setStatus('anonymous');
      return;
    }
    try {
      const user = await authApi.me();
      if (signal.cancelled) return;
      setMe(user);
      setStatus('authenticated');
    } catch {
      if (signal.cancelled) return;
      setMe(null);
      setStatus('anonymous');
    }
  }, []);

  useEffect(() => {
    const signal = { cancelled: false };
    void loadMe(signal);
    const stopSessionEnded = tokenStore.onSessionEnded(() => {
      setMe(null);
      setStatus('anonymous');
      setSessionExpired(true);
    });
    const stopExternal = tokenStore.onExternalChange(() => void loadMe(signal));
    return () => {
      signal.cancelled = true;
      stopSessionEnded();
      stopExternal();
    };
  }, [loadMe]);

  const login = useCallback(async (credentials: LoginRequest) => {
    const result = await authApi.login(credentials);
    tokenStore.save(result);
    setMe(result.user);
    setStatus('authenticated');
    setSessionExpired(false);
    return result.user;
  }, []);

  const logout = useCallback(async () => {
    const refreshToken = tokenStore.getRefreshToken();
    try {
      if (refreshToken) await authApi.logout(refreshToken);
    } catch {
      // The server may already have forgotten the token; logging out locally is what matters.
    } finally {
      tokenStore.clear();
      setMe(null);
      setStatus('anonymous');
      setSessionExpired(false);
    }
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ status, me, sessionExpired, login, logout }),
    [status, me, sessionExpired, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
