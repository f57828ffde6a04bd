import type { Condition } from '@tessera/schema';
import { useCallback, useEffect, useState } from 'react';
import { apiClient, callApi } from '../../shared/api/api-client';
import type { paths } from '../../shared/api/schema';

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type SavedView = JsonContent<paths['/api/v1/forms/{formKey}/views/{viewId}']['get']['responses'][200]>;
export type ViewKind = SavedView['kind'];
export type ViewSort = { field: string; direction: 'asc' | 'desc' };

/** What a view remembers of the page: the table's filter, sort, search and columns, the kanban's group field. */
export interface ViewSnapshot {
  filter?: Condition;
  sort?: ViewSort;
  search?: string;
  /** Visible field columns, in order (system columns are not saved). */
  columns?: string[];
  groupBy?: string;
}

export function configOf(snapshot: ViewSnapshot): SavedView['config'] {
  return {
    ...(snapshot.filter ? { filter: snapshot.filter } : {}),
    ...(snapshot.sort ? { sort: [snapshot.sort] } : {}),
    ...(snapshot.search ? { search: snapshot.search } : {}),
    ...(snapshot.columns ? { columns: snapshot.columns } : {}),
    ...(snapshot.groupBy ? { groupBy: snapshot.groupBy } : {}),
  };
}

export function snapshotOf(view: SavedView): ViewSnapshot {
  const { config } = view;
  return {
    filter: config.filter ? (config.filter as Condition) : undefined,
    sort: config.sort?.[0],
    search: config.search,
    columns: config.columns,
    groupBy: config.groupBy,
  };
}

export interface SavedViewsState {
  views: SavedView[] | null;
  error: unknown;
  reload: () => void;
  create: (input: { name: string; kind: ViewKind; shared: boolean; snapshot: ViewSnapshot }) => Promise<SavedView>;
  update: (
    view: SavedView,
    change: { name?: string; shared?: boolean; kind?: ViewKind; snapshot?: ViewSnapshot },
  ) => Promise<SavedView>;
  remove: (view: SavedView) => Promise<void>;
}

/** The caller's personal and the shared saved views of a form (GET/POST/PATCH/DELETE …/views). */
export function useSavedViews(formKey: string): SavedViewsState {
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    callApi(apiClient.GET('/api/v1/forms/{formKey}/views', { params: { path: { formKey } } }))
      .then((list) => {
        if (!alive) return;
        setViews(list);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!alive) return;
        setViews([]);
        setError(e);
      });
    return () => {
      alive = false;
    };
  }, [formKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const create = useCallback<SavedViewsState['create']>(
    async ({ name, kind, shared, snapshot }) => {
      const view = await callApi(
        apiClient.POST('/api/v1/forms/{formKey}/views', {
          params: { path: { formKey } },
          body: { name, kind, shared, config: configOf(snapshot) },
        }),
      );
      setViews((list) => [...(list ?? []), view]);
      return view;
    },
    [formKey],
  );

  const update = useCallback<SavedViewsState['update']>(
    async (view, change) => {
      const updated = await callApi(
        apiClient.PATCH('/api/v1/forms/{formKey}/views/{viewId}', {
          params: { path: { formKey, viewId: view.id } },
          body: {
            version: view.version,
            ...(change.name !== undefined ? { name: change.name } : {}),
            ...(change.shared !== undefined ? { shared: change.shared } : {}),
            ...(change.kind !== undefined ? { kind: change.kind } : {}),
            ...(change.snapshot ? { config: configOf(change.snapshot) } : {}),
          },
        }),
      );
      setViews((list) => (list ?? []).map((v) => (v.id === updated.id ? updated : v)));
      return updated;
    },
    [formKey],
  );

  const remove = useCallback<SavedViewsState['remove']>(
    async (view) => {
      await callApi(
        apiClient.DELETE('/api/v1/forms/{formKey}/views/{viewId}', {
          params: { path: { formKey, viewId: view.id } },
        }),
      );
      setViews((list) => (list ?? []).filter((v) => v.id !== view.id));
    },
    [formKey],
  );

  return { views, error, reload, create, update, remove };
}
