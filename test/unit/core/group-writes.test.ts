import { describe, expect, it } from 'vitest';
import { groupWrites } from '../../../src/core/group-writes.js';

describe('groupWrites', () => {
  it('puts calls made in the same turn into one write, each caller getting its own result', async () => {
    const writes: number[][] = [];
    const write = groupWrites(async (items: number[]) => {
      writes.push(items);
      return items.map((n) => n * 10);
    }, 100);
    expect(await Promise.all([write(1), write(2), write(3)])).toEqual([10, 20, 30]);
    expect(writes).toEqual([[1, 2, 3]]);
  });

  it('gathers calls made while a write is in flight into the next one, at most maxGroup at a time', async () => {
    const writes: number[][] = [];
    let release: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const write = groupWrites(async (items: number[]) => {
      writes.push(items);
      if (writes.length === 1) await firstHeld;
      return items;
    }, 2);
    const first = write(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [write(2), write(3), write(4)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(writes).toEqual([[1], [2, 3], [4]]);
  });

  it('rejects every caller of a failed write, and the next write goes on', async () => {
    let fail = true;
    const write = groupWrites(async (items: string[]) => {
      if (fail) throw new Error('database down');
      return items;
    }, 10);
    const results = await Promise.allSettled([write('a'), write('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await write('c')).toBe('c');
  });

  it('fails the group when the write returns the wrong number of results', async () => {
    const write = groupWrites(async () => [1], 10);
    await expect(Promise.all([write(1), write(2)])).rejects.toThrow(/2 items/);
  });
});
