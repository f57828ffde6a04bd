import { localizedText, type Locale } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { apiClient, callApi } from '../api/api-client';
import type { paths } from '../api/schema';

type AppList = paths['/api/v1/apps']['get']['responses'][200]['content']['application/json'];
export type CatalogApp = AppList[number];

/** A published form a report can use as its source, with its app's name. */
export interface CatalogForm {
  key: string;
  name: string;
  appId: string;
  appName: string;
}

/** The tenant's apps (GET /api/v1/apps) and their published forms, named in the UI language. */
export function useAppCatalog(locale: Locale): { apps: CatalogApp[] | null; forms: CatalogForm[]; error: boolean } {
  const [apps, setApps] = useState<CatalogApp[] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let alive = true;
    callApi(apiClient.GET('/api/v1/apps'))
      .then((list) => alive && setApps([...list].sort((a, b) => a.sortIndex - b.sortIndex)))
      .catch(() => alive && setError(true));
    return () => {
      alive = false;
    };
  }, []);
  const forms = (apps ?? []).flatMap((app) =>
    app.forms
      .filter((f) => f.publishedVersion !== null)
      .map((f) => ({
        key: f.key,
        name: localizedText(f.name, locale) || f.key,
        appId: app.id,
        appName: localizedText(app.name, locale) || app.key,
      })),
  );
  return { apps, forms, error };
}
