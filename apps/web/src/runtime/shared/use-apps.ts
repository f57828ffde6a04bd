import { useCallback, useEffect, useState } from 'react';
import { apiClient, callApi } from '../../shared/api/api-client';
import type { AppItem } from '../../shared/widgets/fields/field-api-types';

const listeners = new Set<() => void>();

/** Tell every apps list (the sidebar) to reload: after creating an app or publishing a form. */
export function notifyAppsChanged(): void {
  for (const listener of listeners) listener();
}

/** The tenant's apps with their forms (GET /api/v1/apps); reloads on notifyAppsChanged and on window focus. */
export function useApps(): { apps: AppItem[] | null; error: boolean; reload: () => void } {
  const [apps, setApps] = useState<AppItem[] | null>(null);
  const [error, setError] = useState(false);
  const reload = useCallback(() => {
    callApi(apiClient.GET('/api/v1/apps'))
      .then((list) => {
        setApps([...list].sort((a, b) => a.sortIndex - b.sortIndex));
        setError(false);
      })
      .catch(() => setError(true));
  }, []);
  useEffect(() => {
    reload();
    listeners.add(reload);
    window.addEventListener('focus', reload);
    return () => {
      listeners.delete(reload);
      window.removeEventListener('focus', reload);
    };
  }, [reload]);
  return { apps, error, reload };
}
