/**
 * Group commit: calls made in the same turn of the event loop, or while a
 * write is in flight, go together in one write, so under load many callers
 * share one statement; an idle call waits one turn at most. (The embedded
 * database answers in microtasks, so without waiting for the turn no two
 * requests would ever overlap.) `write` gets the items in call order
 * and returns one result per item, in the same order; if it throws, every
 * caller of that group gets the error.
 */
export function groupWrites<Item, Result>(
  write: (items: Item[]) => Promise<Result[]>,
  maxGroup: number,
): (item: Item) => Promise<Result> {
  const waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;
  let scheduled = false;

  async function drain(): Promise<void> {
    scheduled = false;
    writing = true;
    while (waiting.length > 0) {
      const group = waiting.splice(0, maxGroup);
      try {
        const results = await write(group.map((g) => g.item));
        if (results.length !== group.length) throw new Error(`group write returned ${results.length} results for ${group.length} items`);
        group.forEach((g, i) => g.resolve(results[i] as Result));
      } catch (error) {
        for (const g of group) g.reject(error);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing && !scheduled) {
        scheduled = true;
        setImmediate(() => void drain());
      }
    });
}
