/**
 * A cache for a pure computation within one short-lived scope (a dispatch
 * batch, a planning pass): thousands of reminders share a handful of
 * (zone, date, time) combinations, and each luxon conversion costs tens of
 * microseconds.
 */
export class Memo<V> {
  private readonly values = new Map<string, V>();

  get(key: string, compute: () => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}
