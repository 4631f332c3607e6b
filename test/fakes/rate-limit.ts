// Rate limiters the fakes use to answer 429 like the real platforms.
// Both report "ms until the next slot" so the caller can check several
// limiters before committing to any of them.

export type Clock = () => number;

/** At most `limit` events in any `windowMs` window. */
export class SlidingWindowLimiter {
  private readonly events: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: Clock = Date.now,
  ) {}

  /** 0 when an event may happen now, otherwise ms until one may. */
  waitMs(): number {
    if (!Number.isFinite(this.limit)) return 0;
    const now = this.now();
    while (this.events.length > 0 && (this.events[0] ?? 0) <= now - this.windowMs) this.events.shift();
    if (this.events.length < this.limit) return 0;
    const oldest = this.events[this.events.length - this.limit] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  record(): void {
    if (Number.isFinite(this.limit)) this.events.push(this.now());
  }
}

/** A token bucket per key: `burst` tokens, refilled at `perSecond`. */
export class KeyedTokenBucket {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: Clock = Date.now,
  ) {}

  waitMs(key: string): number {
    if (!Number.isFinite(this.perSecond)) return 0;
    const bucket = this.refill(key);
    if (bucket.tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000));
  }

  take(key: string): void {
    if (!Number.isFinite(this.perSecond)) return;
    this.refill(key).tokens -= 1;
  }

  private refill(key: string): { tokens: number; updatedAt: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}

/** Seconds to put in a retry-after: whole seconds, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
