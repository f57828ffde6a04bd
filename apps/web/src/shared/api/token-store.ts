const ACCESS_TOKEN_KEY = 'tessera.accessToken';
const REFRESH_TOKEN_KEY = 'tessera.refreshToken';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

type SessionEndedListener = () => void;

const sessionEndedListeners = new Set<SessionEndedListener>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Where the access and refresh tokens live (localStorage), and who to tell when the session is gone. */
export const tokenStore = {
  getAccessToken(): string | null {
    return read(ACCESS_TOKEN_KEY);
  },

  getRefreshToken(): string | null {
    return read(REFRESH_TOKEN_KEY);
  },

  hasSession(): boolean {
    return read(ACCESS_TOKEN_KEY) !== null || read(REFRESH_TOKEN_KEY) !== null;
  },

  save(tokens: TokenPair): void {
    window.localStorage.setItem(ACCESS_TOKEN_KEY, tokens.accessToken);
    window.localStorage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
  },

  clear(): void {
    window.localStorage.removeItem(ACCESS_TOKEN_KEY);
    window.localStorage.removeItem(REFRESH_TOKEN_KEY);
  },

  /** Forget the tokens because the server no longer accepts them, and tell the listeners (the AuthProvider). */
  endSession(): void {
    this.clear();
    sessionEndedListeners.forEach((listener) => listener());
  },

  onSessionEnded(listener: SessionEndedListener): () => void {
    sessionEndedListeners.add(listener);
    return () => sessionEndedListeners.delete(listener);
  },

  /** Calls `listener` when another tab logs in or out (the `storage` event fires only in the other tabs). */
  onExternalChange(listener: () => void): () => void {
    const handler = (event: StorageEvent): void => {
      if (event.key === null || event.key === ACCESS_TOKEN_KEY || event.key === REFRESH_TOKEN_KEY) listener();
    };
    window.addEventListener('storage', handler);
    return () => window.removeEventListener('storage', handler);
  },
};
