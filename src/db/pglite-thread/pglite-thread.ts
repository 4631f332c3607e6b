import { Worker } from 'node:worker_threads';
import { messages, Mutex, type QueryOptions, type Results } from '@electric-sql/pglite';
import { buildParsers, parseRawResult, type Parsers } from './parse-results.js';
import type { RawResult, SerializedError, ThreadMessage, ThreadOptions, ThreadRequest } from './protocol.js';

/** The embedded database's thread failed to start or stopped. */
export class EmbeddedThreadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedThreadError';
  }
}

/** What a transaction callback gets: statements that run inside the transaction. */
export interface ThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** A request before it is numbered (Omit over each member of the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<ThreadRequest>;

interface Pending {
  resolve(result: RawResult | RawResult[] | null): void;
  reject(error: Error): void;
}

function toError(error: SerializedError): Error {
  if (error.kind === 'database') {
    // The Prisma adapter recognises database errors (unique violations, …) by class.
    const databaseError = new messages.DatabaseError(error.message, 0, 'error');
    return Object.assign(databaseError, error.fields);
  }
  return new Error(error.message);
}

/**
 * PGlite in a thread of its own, with PGlite's query, exec, transaction and
 * listen. PostgreSQL runs as WebAssembly synchronously on whichever thread
 * calls it; on the service's own thread every statement stalled HTTP,
 * timers and the pipeline. Like PGlite, one statement or transaction at a
 * time: the mutex here is the one connection.
 */
export class PGliteThread {
  readonly #worker: Worker;
  readonly #parsers: Parsers;
  readonly #mutex = new Mutex();
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  #nextId = 1;
  #stopped: EmbeddedThreadError | undefined;
  #closing: Promise<void> | undefined;

  private constructor(worker: Worker, parsers: Parsers) {
    this.#worker = worker;
    this.#parsers = parsers;
    worker.on('message', (message: ThreadMessage) => this.#receive(message));
    worker.on('error', (error) => this.#stop(new EmbeddedThreadError(`the embedded database thread failed: ${error.message}`)));
    worker.on('exit', (code) => this.#stop(new EmbeddedThreadError(`the embedded database thread exited (code ${code})`)));
    // Like PGlite in-process, an idle database does not keep the process alive.
    worker.unref();
  }

  static async start(options: ThreadOptions): Promise<PGliteThread> {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: options });
    let onMessage: (message: ThreadMessage) => void = () => {};
    let onError: (error: Error) => void = () => {};
    let onExit: (code: number) => void = () => {};
    const started = await new Promise<ThreadMessage>((resolve, reject) => {
      onMessage = resolve;
      onError = reject;
      onExit = (code) => reject(new EmbeddedThreadError(`the embedded database thread exited while starting (code ${code})`));
      worker.once('message', onMessage).once('error', onError).once('exit', onExit);
    }).finally(() => {
      // Only these: Node's own listeners on the worker keep its message port working.
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    });
    if (started.op === 'ready') return new PGliteThread(worker, buildParsers(started.arrayTypes));
    await worker.terminate();
    throw started.op === 'failed' ? toError(started.error) : new EmbeddedThreadError(`unexpected first message ${started.op}`);
  }

  get closed(): boolean {
    return this.#stopped !== undefined;
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return this.#mutex.runExclusive(() => this.#query<T>(sql, params, options));
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.#mutex.runExclusive(() => this.#exec(sql, options));
  }

  /** Runs `callback` in BEGIN … COMMIT (ROLLBACK if it throws); nothing else runs meanwhile. */
  transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    return this.#mutex.runExclusive(async () => {
      await this.#exec('BEGIN');
      let closed = false;
      const open = () => {
        if (closed) throw new Error('Transaction is closed');
      };
      const tx: ThreadTransaction = {
        query: async <R>(sql: string, params: unknown[] = [], options?: QueryOptions) => (open(), this.#query<R>(sql, params, options)),
        exec: async (sql: string, options?: QueryOptions) => (open(), this.#exec(sql, options)),
        rollback: async () => {
          open();
          await this.#exec('ROLLBACK');
          closed = true;
        },
        get closed() {
          return closed;
        },
      };
      try {
        const result = await callback(tx);
        if (!closed) {
          closed = true;
          await this.#exec('COMMIT');
        }
        return result;
      } catch (error) {
        if (!closed) {
          closed = true;
          await this.#exec('ROLLBACK');
        }
        throw error;
      }
    });
  }

  /** NOTIFY on `channel` calls `callback` with the payload; returns the unsubscribe function. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let callbacks = this.#listeners.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.#listeners.set(channel, callbacks);
      try {
        await this.#mutex.runExclusive(() => this.#call({ op: 'listen', channel }));
      } catch (error) {
        this.#listeners.delete(channel);
        throw error;
      }
    }
    callbacks.add(callback);
    return async () => {
      const current = this.#listeners.get(channel);
      current?.delete(callback);
      if (current?.size === 0 && !this.closed) {
        this.#listeners.delete(channel);
        await this.#mutex.runExclusive(() => this.#call({ op: 'unlisten', channel }));
      }
    };
  }

  /** Waits for the statement or transaction in hand, closes PostgreSQL cleanly and ends the thread. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (!this.closed) await this.#mutex.runExclusive(() => this.#call({ op: 'close' }));
      this.#stop(new EmbeddedThreadError('the embedded database is closed'));
      await this.#worker.terminate();
    })();
    return this.#closing;
  }

  async #query<T>(sql: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const raw = (await this.#call({ op: 'query', sql, params })) as RawResult;
    return parseRawResult<T>(raw, this.#parsers, options);
  }

  async #exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    const raw = (await this.#call({ op: 'exec', sql })) as RawResult[];
    return raw.map((result) => parseRawResult(result, this.#parsers, options));
  }

  #call(request: Request): Promise<RawResult | RawResult[] | null> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      // A statement in flight keeps the process alive, as PGlite's own work would.
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id } as ThreadRequest);
    });
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
    return pending;
  }

  #receive(message: ThreadMessage): void {
    switch (message.op) {
      case 'reply':
        this.#settle(message.id)?.resolve(message.result);
        return;
      case 'error':
        this.#settle(message.id)?.reject(toError(message.error));
        return;
      case 'notify':
        for (const callback of this.#listeners.get(message.channel) ?? []) callback(message.payload);
        return;
      case 'ready':
      case 'failed':
        return;
    }
  }

  #stop(reason: EmbeddedThreadError): void {
    this.#stopped ??= reason;
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      pending.reject(this.#stopped);
    }
  }
}
