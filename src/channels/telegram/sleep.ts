/** Waits `ms`, or less when `signal` aborts first. Never rejects. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface RetryDelay {
  initialMs: number;
  maxMs: number;
}

/** The wait before attempt `failures + 1`: doubling from initialMs, capped at maxMs. */
export function backoffMs(delay: RetryDelay, failures: number): number {
  return Math.min(delay.maxMs, delay.initialMs * 2 ** Math.max(0, failures - 1));
}
