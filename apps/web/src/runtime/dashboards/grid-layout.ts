import type { DashboardItem } from '@tessera/schema';

/** The dashboard grid: 24 columns (the dashboard schema's unit), rows of fixed height. */
export const GRID_COLUMNS = 24;
export const ROW_HEIGHT = 40;
export const GRID_GAP = 16;
export const DEFAULT_SIZE = { w: 12, h: 8 };
export const MIN_SIZE = { w: 4, h: 4 };

export interface GridBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, v));

export function collides(a: GridBox, b: GridBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A box kept inside the columns and at least the minimum size. */
export function clampBox(box: GridBox): GridBox {
  const w = clamp(Math.round(box.w), MIN_SIZE.w, GRID_COLUMNS);
  return {
    w,
    h: Math.max(MIN_SIZE.h, Math.round(box.h)),
    x: clamp(Math.round(box.x), 0, GRID_COLUMNS - w),
    y: Math.max(0, Math.round(box.y)),
  };
}

/** Every item rises to the highest row where it collides with nothing placed before it (reading order). */
function compact(items: readonly DashboardItem[], first?: string): DashboardItem[] {
  const order = [...items].sort(
    (a, b) => a.y - b.y || (a.reportKey === first ? -1 : b.reportKey === first ? 1 : a.x - b.x),
  );
  const placed: DashboardItem[] = [];
  for (const item of order) {
    const candidate = { ...item, y: 0 };
    while (placed.some((p) => collides(p, candidate))) candidate.y += 1;
    placed.push(candidate);
  }
  return placed;
}

/**
 * The layout after `moved` is put at its box: the items it lands on move below it, then everything floats up
 * (no holes), the moved item first among those on its row.
 */
export function placeItem(items: readonly DashboardItem[], moved: DashboardItem): DashboardItem[] {
  const fixed: DashboardItem = { ...moved, ...clampBox(moved) };
  const others = items.filter((i) => i.reportKey !== moved.reportKey).sort((a, b) => a.y - b.y || a.x - b.x);
  const pushed: DashboardItem[] = [fixed];
  for (const item of others) {
    const candidate = { ...item };
    // an item the moved one slid down onto goes above it (a swap), if there is room
    const above = { ...item, y: fixed.y - item.h };
    if (collides(candidate, fixed) && item.y + item.h / 2 < fixed.y + fixed.h / 2 && above.y >= 0)
      if (!pushed.some((p) => collides(p, above))) candidate.y = above.y;
    while (pushed.some((p) => collides(p, candidate))) candidate.y = Math.max(candidate.y + 1, fixed.y + fixed.h);
    pushed.push(candidate);
  }
  return compact(pushed, fixed.reportKey).sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The first free spot (top to bottom, left to right) for a box of the given size. */
export function firstFreeSpot(items: readonly GridBox[], w: number, h: number): { x: number; y: number } {
  for (let y = 0; ; y++)
    for (let x = 0; x + w <= GRID_COLUMNS; x++) if (!items.some((i) => collides(i, { x, y, w, h }))) return { x, y };
}

/** Pixel geometry of a box for a container width. */
export function boxPixels(box: GridBox, width: number): { left: number; top: number; width: number; height: number } {
  const col = (width - GRID_GAP * (GRID_COLUMNS - 1)) / GRID_COLUMNS;
  return {
    left: box.x * (col + GRID_GAP),
    top: box.y * (ROW_HEIGHT + GRID_GAP),
    width: box.w * col + (box.w - 1) * GRID_GAP,
    height: box.h * ROW_HEIGHT + (box.h - 1) * GRID_GAP,
  };
}

/** Grid units per pixel along each axis (to turn a pointer movement into columns and rows). */
export function unitsPerPixel(width: number): { x: number; y: number } {
  const col = (width - GRID_GAP * (GRID_COLUMNS - 1)) / GRID_COLUMNS;
  return { x: 1 / (col + GRID_GAP), y: 1 / (ROW_HEIGHT + GRID_GAP) };
}

export function gridRows(items: readonly GridBox[]): number {
  return items.reduce((max, i) => Math.max(max, i.y + i.h), 0);
}
