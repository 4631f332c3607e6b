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
    async listen(channel, onPayload, options = {}) {
      const subscription = new ListenSubscription(pool, channel, onPayload, options.onReconnected ?? (() => {}), onIdleError);
      await subscription.connect();
      const unsubscribe = async () => {
        if (!listeners.delete(unsubscribe)) return;
        await subscription.close();
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

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * LISTEN on a dedicated connection (a pooled one could be handed to someone
 * else) that comes back by itself: when the server drops it (restart,
 * failover, an administrator), it reconnects with backoff and calls
 * `onReconnected`, since notifications sent meanwhile are lost.
 */
class ListenSubscription {
  private client: pg.PoolClient | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private delayMs = RECONNECT_MIN_MS;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly onPayload: (payload: string) => void,
    private readonly onReconnected: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  private readonly handleNotification = (message: pg.Notification): void => {
    if (message.channel === this.channel) this.onPayload(message.payload ?? '');
  };

  private readonly handleLost = (error: Error): void => {
    const lost = this.client;
    this.client = undefined;
    if (lost) {
      lost.off('notification', this.handleNotification);
      // Destroys the broken connection instead of returning it to the pool.
      lost.release(error);
    }
    if (this.closed) return;
    this.onError(error);
    this.scheduleReconnect();
  };

  async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', this.handleNotification);
    client.on('error', this.handleLost);
    try {
      await client.query(`LISTEN ${quoteIdent(this.channel)}`);
    } catch (error) {
      client.off('notification', this.handleNotification);
      client.off('error', this.handleLost);
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => {
          this.delayMs = RECONNECT_MIN_MS;
          this.onReconnected();
        },
        (error: unknown) => {
          if (this.closed) return;
          this.onError(error instanceof Error ? error : new Error(String(error)));
          this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
          this.scheduleReconnect();
        },
      );
    }, this.delayMs);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.off('notification', this.handleNotification);
    client.off('error', this.handleLost);
    try {
      await client.query(`UNLISTEN ${quoteIdent(this.channel)}`);
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }
}
