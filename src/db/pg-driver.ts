import pg from 'pg';
import type { SqlDriver } from './sql-driver.js';

/** Quotes an identifier for LISTEN, which takes no parameters. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function pgDriver(pool: pg.Pool, onIdleError: (error: Error) => void = () => {}): SqlDriver {
  const listeners = new Set<() => Promise<void>>();
  // An idle client dropped by the server (restart, failover) must not crash
  // the process: the pool discards it and the next query reconnects.
  pool.on('error', onIdleError);
  return {
    kind: 'postgresql',
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      return (await pool.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async <Row extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
            (await client.query<Row>(sql, params)).rows,
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      // A dedicated connection: a pooled one could be handed to someone else.
      const client = await pool.connect();
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      const unsubscribe = async () => {
        if (!listeners.delete(unsubscribe)) return;
        client.off('notification', handler);
        try {
          await client.query(`UNLISTEN ${quoteIdent(channel)}`);
        } finally {
          client.release();
        }
      };
      listeners.add(unsubscribe);
      return unsubscribe;
    },
    async close() {
      await Promise.allSettled([...listeners].map((unsubscribe) => unsubscribe()));
      if (!pool.ended) await pool.end();
    },
  };
}
