import type { ReportDefinition } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { isApiProblem } from '../../shared/api/api-problem';
import { reportApi, type ChartLocale, type ReportRun } from '../../shared/charts/report-api';

export type PreviewState =
  | { status: 'empty' }
  | { status: 'loading'; last?: { run: ReportRun; definition: ReportDefinition } }
  | { status: 'ready'; run: ReportRun; definition: ReportDefinition }
  | { status: 'error'; message: string };

const DEBOUNCE_MS = 350;

/**
 * The live preview of an unsaved definition: POST /reports/preview, debounced while the user drags and types;
 * a newer definition aborts the request in flight.
 */
export function useReportPreview(definition: ReportDefinition | undefined, locale: ChartLocale): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'empty' });
  const json = definition ? JSON.stringify(definition) : '';
  useEffect(() => {
    if (!json) {
      setState({ status: 'empty' });
      return;
    }
    const def = JSON.parse(json) as ReportDefinition;
    const controller = new AbortController();
    setState((prev) => ({
      status: 'loading',
      last: prev.status === 'ready' ? prev : prev.status === 'loading' ? prev.last : undefined,
    }));
    const timer = window.setTimeout(() => {
      reportApi
        .preview(def, locale, controller.signal)
        .then((run) => setState({ status: 'ready', run, definition: def }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          const message = isApiProblem(error)
            ? (error.errors[0]?.message ?? error.detail ?? error.title)
            : String(error);
          setState({ status: 'error', message });
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [json, locale]);
  return state;
}
