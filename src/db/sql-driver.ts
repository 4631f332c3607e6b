/**
 * The bare database driver under Prisma: PGlite or node-postgres. Used for
 * what Prisma does not do (migrations, advisory locks, LISTEN/NOTIFY) and to
 * measure the database's own limit in benchmarks.
 */
export interface SqlDriver {
  readonly kind: 'embedded' | 'postgresql';
  /** Runs one parameterised statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs fn on one connection, for session-level locks and transactions. */
  withConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on a channel; returns the unsubscribe function. A
   * dropped connection is re-established; `onReconnected` then says that
   * notifications may have been missed.
   */
  listen(channel: string, onPayload: (payload: string) => void, options?: { onReconnected?: () => void }): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface SqlConnection {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
}
