import { useEffect, useState } from 'react';
import { apiClient, callApi } from '../../api/api-client';
import type { DirectoryDepartment, DirectoryUser } from './field-api-types';

export interface Directory {
  users: DirectoryUser[];
  departments: DirectoryDepartment[];
  loaded: boolean;
}

const EMPTY: Directory = { users: [], departments: [], loaded: false };
let cached: Promise<Directory> | null = null;

/** Users and departments of the tenant, loaded once per page (an anonymous public form gets empty lists). */
function loadDirectory(): Promise<Directory> {
  cached ??= Promise.all([
    callApi(apiClient.GET('/api/v1/users')).catch(() => [] as DirectoryUser[]),
    callApi(apiClient.GET('/api/v1/departments')).catch(() => [] as DirectoryDepartment[]),
  ]).then(([users, departments]) => ({ users, departments, loaded: true }));
  return cached;
}

/** Forget the cached directory (after sign-out or when a picker needs fresh data). */
export function resetDirectory(): void {
  cached = null;
}

export function useDirectory(enabled = true): Directory {
  const [directory, setDirectory] = useState<Directory>(EMPTY);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    void loadDirectory().then((d) => {
      if (alive) setDirectory(d);
    });
    return () => {
      alive = false;
    };
  }, [enabled]);
  return directory;
}
