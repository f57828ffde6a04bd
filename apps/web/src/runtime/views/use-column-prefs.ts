import { useCallback, useState } from 'react';

export interface ColumnPrefs {
  /** Keys of hidden columns. */
  hidden: string[];
  /** Width in pixels by column key. */
  widths: Record<string, number>;
}

const EMPTY: ColumnPrefs = { hidden: [], widths: {} };

function read(key: string): ColumnPrefs {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return EMPTY;
    const p = parsed as Partial<ColumnPrefs>;
    return {
      hidden: Array.isArray(p.hidden) ? p.hidden : [],
      widths: typeof p.widths === 'object' && p.widths ? p.widths : {},
    };
  } catch {
    return EMPTY;
  }
}

/** Which columns a user shows and how wide, per form, remembered in this browser. */
export function useColumnPrefs(formKey: string): [ColumnPrefs, (next: ColumnPrefs) => void] {
  const storageKey = `tessera.columns.${formKey}`;
  const [prefs, setPrefs] = useState<{ key: string; prefs: ColumnPrefs }>(() => ({
    key: storageKey,
    prefs: read(storageKey),
  }));
  const current = prefs.key === storageKey ? prefs.prefs : read(storageKey);
  const update = useCallback(
    (next: ColumnPrefs) => {
      setPrefs({ key: storageKey, prefs: next });
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // storage disabled: the choice lasts for this page
      }
    },
    [storageKey],
  );
  return [current, update];
}
