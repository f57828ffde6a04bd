const EVENT = 'tessera:analytics-changed';

/** Tell the sidebar to reload the reports and dashboards lists (after creating or saving one). */
export function notifyAnalyticsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onAnalyticsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
