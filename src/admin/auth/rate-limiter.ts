/**
 * Counts events per key in a sliding window, in memory. Enough for one
 * instance; with several, each holds its own count (the per-account lockout
 * in the database is the limit that holds everywhere).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  /** Whether another event for this key is within the limit (does not count it). */
  allows(key: string, now: Date): boolean {
    return this.recent(key, now.getTime()).length < this.max;
  }

  /** Counts an event. */
  record(key: string, now: Date): void {
    const at = now.getTime();
    if (this.hits.size >= this.maxKeys && !this.hits.has(key)) this.prune(at);
    this.hits.set(key, [...this.recent(key, at), at]);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) if (!times.some((at) => now - at < this.windowMs)) this.hits.delete(key);
    // Still full: forget the oldest keys rather than grow without bound.
    for (const key of this.hits.keys()) {
      if (this.hits.size < this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
