import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriver } from './sql-driver.js';

/** What the driver uses of PGlite: PGlite itself, or PGlite on its own thread. */
export type PGliteConnection = Pick<PGlite, 'query' | 'exec' | 'listen' | 'close' | 'closed'>;

export function pgliteDriver(pglite: PGliteConnection): SqlDriver {
  const connection = {
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
  };
  return {
    kind: 'embedded',
    ...connection,
    // PGlite has a single connection: every caller already shares it.
    withConnection: (fn) => fn(connection),
    async listen(channel, onPayload) {
      const unsubscribe = await pglite.listen(channel, onPayload);
      return unsubscribe;
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}
