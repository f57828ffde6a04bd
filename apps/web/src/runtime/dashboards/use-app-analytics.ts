import { useCallback, useEffect, useState } from 'react';
import { reportApi, type StoredDashboard, type StoredReport } from '../../shared/charts/report-api';
import { onAnalyticsChanged } from './analytics-events';

export interface AppAnalytics {
  dashboards: StoredDashboard[];
  reports: StoredReport[];
}

/** The dashboards and reports of each app (by app id), reloaded when one is created, renamed or deleted. */
export function useAppAnalytics(appIds: readonly string[]): Record<string, AppAnalytics> {
  const [lists, setLists] = useState<Record<string, AppAnalytics>>({});
  const ids = appIds.join(',');
  const reload = useCallback(() => {
    for (const appId of ids.split(',').filter(Boolean))
      Promise.all([reportApi.listDashboards(appId), reportApi.listReports(appId)])
        .then(([dashboards, reports]) => setLists((all) => ({ ...all, [appId]: { dashboards, reports } })))
        .catch(() => undefined);
  }, [ids]);
  useEffect(() => {
    reload();
    return onAnalyticsChanged(reload);
  }, [reload]);
  return lists;
}
