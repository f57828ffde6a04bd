import type { DrillPoint } from '@tessera/report-engine';
import { useCallback, useEffect, useState } from 'react';
import { reportApi, type ChartLocale, type DashboardItemResult } from '../../shared/charts/report-api';
import type { FilterValues } from './dashboard-filter-bar';

export interface DashboardRunState {
  results: Map<string, DashboardItemResult> | undefined;
  loading: boolean;
  failed: boolean;
  ranAt: Date | undefined;
  totalMs: number | undefined;
  refresh: () => void;
}

/**
 * Runs every report of a saved dashboard in one call (POST /dashboards/:key/run) with the filter values and
 * the cross filter; again whenever they change, on `refresh()`, and every `refreshSeconds` while the page is
 * visible. The previous results stay on screen while a new run is in flight.
 */
export function useDashboardRun(
  dashboardKey: string,
  /** Changes when the saved definition changes in a way that changes the data (items, filters). */
  runKey: string,
  filterValues: FilterValues,
  crossFilter: { reportKey: string; point: DrillPoint } | undefined,
  locale: ChartLocale,
  refreshSeconds: number,
): DashboardRunState {
  const [results, setResults] = useState<Map<string, DashboardItemResult>>();
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [ranAt, setRanAt] = useState<Date>();
  const [totalMs, setTotalMs] = useState<number>();
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  const request = JSON.stringify({ filterValues, crossFilter });

  useEffect(() => {
    let alive = true;
    const { filterValues: values, crossFilter: cross } = JSON.parse(request) as {
      filterValues: FilterValues;
      crossFilter?: { reportKey: string; point: DrillPoint };
    };
    setLoading(true);
    reportApi
      .runDashboard(dashboardKey, locale, values, cross)
      .then((run) => {
        if (!alive) return;
        setResults(new Map(run.items.map((item) => [item.reportKey, item])));
        setTotalMs(run.totalMs);
        setRanAt(new Date());
        setFailed(false);
      })
      .catch(() => alive && setFailed(true))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [dashboardKey, runKey, request, locale, tick]);

  useEffect(() => {
    if (!refreshSeconds) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, refreshSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [refreshSeconds, refresh]);

  return { results, loading, failed, ranAt, totalMs, refresh };
}
