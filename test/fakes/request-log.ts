// The inspectable record of every request a fake received, with waitFor().
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedResponse {
  status: number;
  body: unknown;
}

export interface RecordedRequest {
  /** 1-based arrival order within this fake. */
  seq: number;
  /** Date.now() at arrival. */
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Filled in once the fake has answered; undefined while pending or if the client went away. */
  response?: RecordedResponse;
  /** True when the client disconnected before the fake answered (e.g. an SDK timeout). */
  aborted?: boolean;
}

interface Waiter<R> {
  predicate: (record: R) => boolean;
  resolve: (record: R) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export const DEFAULT_WAIT_MS = 2_000;

export class RequestLog<R extends RecordedRequest> {
  private readonly items: R[] = [];
  private readonly waiters = new Set<Waiter<R>>();

  constructor(
    private readonly name: string,
    private readonly describe: (record: R) => string = describeRequest,
  ) {}

  get all(): readonly R[] {
    return this.items;
  }

  get nextSeq(): number {
    return this.items.length + 1;
  }

  add(record: R): R {
    this.items.push(record);
    this.notify(record);
    return record;
  }

  /** Attaches the fake's answer to a record and re-checks waiters. */
  respond(record: R, response: RecordedResponse): void {
    record.response = response;
    this.notify(record);
  }

  /** Marks a record whose client went away before it was answered. */
  abort(record: R): void {
    record.aborted = true;
    this.notify(record);
  }

  clear(): void {
    this.items.length = 0;
  }

  /**
   * Resolves with the first record (already received or arriving later) that
   * matches. Predicates are re-run when the fake answers, so they may look at
   * `record.response`.
   */
  waitFor<S extends R>(predicate: (record: R) => record is S, timeoutMs?: number): Promise<S>;
  waitFor(predicate: (record: R) => boolean, timeoutMs?: number): Promise<R>;
  waitFor(predicate: (record: R) => boolean, timeoutMs: number = DEFAULT_WAIT_MS): Promise<R> {
    const existing = this.items.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise<R>((resolve, reject) => {
      const waiter: Waiter<R> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(this.timeoutMessage(predicate, timeoutMs)));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Fails every pending waitFor, e.g. when the fake stops. */
  rejectWaiters(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`${this.name}.waitFor: ${reason}`));
    }
    this.waiters.clear();
  }

  summary(limit = 20): string {
    if (this.items.length === 0) return '  (no requests received)';
    const shown = this.items.slice(-limit);
    const skipped = this.items.length - shown.length;
    const lines = shown.map((r) => `  #${r.seq} ${this.describe(r)}`);
    return (skipped > 0 ? [`  … ${skipped} earlier request(s)`, ...lines] : lines).join('\n');
  }

  private notify(record: R): void {
    for (const waiter of this.waiters) {
      let matched: boolean;
      try {
        matched = waiter.predicate(record);
      } catch (error) {
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matched) {
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(record);
      }
    }
  }

  private timeoutMessage(predicate: (record: R) => boolean, timeoutMs: number): string {
    const source = predicate.toString().replace(/\s+/g, ' ');
    const shown = source.length > 200 ? `${source.slice(0, 200)}…` : source;
    return (
      `${this.name}.waitFor timed out after ${timeoutMs}ms waiting for: ${shown}\n` +
      `${this.items.length} request(s) received:\n${this.summary()}`
    );
  }
}

export function describeRequest(record: RecordedRequest): string {
  const status = record.response ? String(record.response.status) : record.aborted ? 'aborted by client' : 'pending';
  const body = record.rawBody.length > 120 ? `${record.rawBody.slice(0, 120)}…` : record.rawBody;
  return `${record.method} ${record.path} → ${status}${body ? ` ${body}` : ''}`;
}

export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}
