import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/**
 * PGlite in the service's own thread, taking turns with everything else on
 * the event loop. PostgreSQL runs as WebAssembly synchronously, and PGlite's
 * promises settle as microtasks, so a transaction, the next one and the
 * work between them ran as one unbroken stretch: a webhook request waited
 * for a whole run of batches before it was even read. Each statement or
 * transaction here starts on a fresh turn of the event loop, so requests,
 * timers and sockets get in between (a transaction still runs unbroken: it
 * holds the one connection).
 */
export class TurnTakingPGlite {
  constructor(private readonly pglite: PGlite) {}

  get closed(): boolean {
    return this.pglite.closed;
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    await nextTurn();
    return this.pglite.query<T>(sql, params, options);
  }

  async exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    await nextTurn();
    return this.pglite.exec(sql, options);
  }

  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    await nextTurn();
    return this.pglite.transaction(callback);
  }

  listen(channel: string, callback: (payload: string) => void): Promise<(tx?: Transaction) => Promise<void>> {
    return this.pglite.listen(channel, callback);
  }

  close(): Promise<void> {
    return this.pglite.close();
  }
}
