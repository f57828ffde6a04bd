import { useEffect, useState } from 'react';

export type ChinaMapState = 'loading' | 'ready' | 'failed';

let loading: Promise<unknown> | undefined;

/** Loads (once) and registers the map of China; other chart types never download it. */
export function useChinaMap(needed: boolean): ChinaMapState {
  const [state, setState] = useState<ChinaMapState>('loading');
  useEffect(() => {
    if (!needed) return;
    let alive = true;
    loading ??= import('./china-map');
    loading.then(
      () => alive && setState('ready'),
      () => {
        loading = undefined; // a failed chunk download may be retried by the next map
        if (alive) setState('failed');
      },
    );
    return () => {
      alive = false;
    };
  }, [needed]);
  return state;
}
