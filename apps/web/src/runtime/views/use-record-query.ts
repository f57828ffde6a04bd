import type { Condition } from '@tessera/schema';
import { useCallback, useEffect, useState } from 'react';
import { apiClient, callApi } from '../../shared/api/api-client';
import type { RecordItem } from '../../shared/widgets/fields/field-api-types';

export interface RecordQuery {
  filter?: Condition;
  search?: string;
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  limit: number;
  offset: number;
  deleted?: 'only';
}

export interface RecordQueryState {
  items: RecordItem[];
  total: number;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Replace one record in place (after an edit) without a round trip. */
  patch: (record: RecordItem) => void;
}

/** Records of a form through POST /records/query (filter, search, sort, page), reloaded when the query changes. */
export function useRecordQuery(formKey: string, query: RecordQuery): RecordQueryState {
  const [items, setItems] = useState<RecordItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    let alive = true;
    const q = JSON.parse(key) as RecordQuery;
    setLoading(true);
    callApi(
      apiClient.POST('/api/v1/forms/{formKey}/records/query', {
        params: { path: { formKey } },
        body: {
          filter: q.filter,
          search: q.search || undefined,
          sort: q.sort?.length ? q.sort : undefined,
          limit: q.limit,
          offset: q.offset,
          deleted: q.deleted,
        },
      }),
    )
      .then((page) => {
        if (!alive) return;
        setItems(page.items);
        setTotal(page.total ?? page.items.length);
        setError(null);
      })
      .catch((e: unknown) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [formKey, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const patch = useCallback(
    (record: RecordItem) => setItems((list) => list.map((r) => (r.id === record.id ? record : r))),
    [],
  );
  return { items, total, loading, error, reload, patch };
}
