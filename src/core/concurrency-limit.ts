/**
 * Runs at most `max` of the given tasks at once; the rest wait their turn
 * in arrival order. For work that is expensive in memory rather than time.
 */
export function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency limit must be a positive integer, got ${max}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so no newcomer can take it in between.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
