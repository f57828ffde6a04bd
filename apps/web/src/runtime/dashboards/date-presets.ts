/** Named date ranges offered by a dashboard's date filter, computed in the browser's calendar. */
export const DATE_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last30Days'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

const pad = (n: number): string => String(n).padStart(2, '0');
export const isoDay = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function presetRange(preset: DatePreset, today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'thisMonth':
      return { from: isoDay(new Date(y, m, 1)), to: isoDay(new Date(y, m + 1, 0)) };
    case 'lastMonth':
      return { from: isoDay(new Date(y, m - 1, 1)), to: isoDay(new Date(y, m, 0)) };
    case 'thisQuarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: isoDay(new Date(y, q, 1)), to: isoDay(new Date(y, q + 3, 0)) };
    }
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'last30Days':
      return { from: isoDay(new Date(y, m, today.getDate() - 29)), to: isoDay(today) };
  }
}
