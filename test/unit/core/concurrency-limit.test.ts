import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../../src/core/concurrency-limit.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('concurrencyLimit', () => {
  it('runs at most the limit at once, the rest in arrival order, and frees a slot when a task fails', async () => {
    const limit = concurrencyLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const results = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await gate.promise;
        running--;
        if (i === 0) throw new Error('task 0 failed');
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);

    gates[0]!.resolve();
    await expect(results[0]).rejects.toThrow('task 0 failed');
    expect(started).toEqual([0, 1, 2]);

    gates.slice(1).forEach((gate) => gate.resolve());
    expect(await Promise.all(results.slice(1))).toEqual([1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => concurrencyLimit(0)).toThrow(RangeError);
  });
});
