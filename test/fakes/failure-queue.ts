// "Fail the next n matching requests with X": the failure-injection queue
// behind failNext() and delay() in the fakes.

interface Entry<F, C> {
  remaining: number;
  failure: F;
  matches: (context: C) => boolean;
}

export class FailureQueue<F, C> {
  private entries: Array<Entry<F, C>> = [];

  add(count: number, failure: F, matches: (context: C) => boolean = () => true): void {
    if (!(count > 0)) throw new Error(`failure count must be positive, got ${count}`);
    this.entries.push({ remaining: count, failure, matches });
  }

  /** Consumes one use of the first entry that matches, if any. */
  take(context: C): F | undefined {
    const entry = this.entries.find((e) => e.matches(context));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries = this.entries.filter((e) => e !== entry);
    return entry.failure;
  }

  /** Uses left across all entries (Infinity for open-ended ones). */
  get pending(): number {
    return this.entries.reduce((sum, e) => sum + e.remaining, 0);
  }

  clear(): void {
    this.entries = [];
  }
}
