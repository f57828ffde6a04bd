/** One cached report result: the rows are what the database returned; chart options are rebuilt per locale. */
export interface CachedResult {
  rows: Record<string, unknown>[];
  sqlMs: number;
}

interface Entry {
  value: CachedResult;
  expires: number;
}

/**
 * A small in-process LRU of report results. Keys carry everything the result depends on (the compiled SQL and
 * its bound values — hence the report, the filters and the user's scope — the form versions and the record
 * change markers of the source forms), so an entry is never invalidated, only no longer asked for.
 */
export class ReportResultCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, now = Date.now()): CachedResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= now) return undefined;
    // re-insert: Map iteration order is the LRU order
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: CachedResult, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
