import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriver } from './sql-driver.js';

export function pgliteDriver(pglite: PGlite): SqlDriver {
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
