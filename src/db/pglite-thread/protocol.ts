/**
 * Messages between the service and the thread that runs the embedded
 * database (see `worker.mjs` and `pglite-thread.ts`). Result values cross as
 * PostgreSQL's text form; the service parses them, so parsers (functions,
 * which cannot cross threads) stay on its side.
 */

export interface ThreadOptions {
  dataDir?: string;
  loadDataDir?: Blob;
  startParams: string[];
}

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; channel: string }
  | { id: number; op: 'close' };

export interface RawField {
  name: string;
  dataTypeID: number;
}

/** One statement's result with every value still in PostgreSQL's text form. */
export interface RawResult {
  fields: RawField[];
  rows: (string | null)[][];
  affectedRows: number;
}

/** A DatabaseError's own fields (code, detail, constraint, …) or any other error's message. */
export interface SerializedError {
  kind: 'database' | 'other';
  message: string;
  fields: Record<string, unknown>;
}

/** An array type's oid and its element's, for parsing arrays as PGlite does. */
export interface ArrayType {
  oid: number;
  typarray: number;
}

export type ThreadMessage =
  | { op: 'ready'; arrayTypes: ArrayType[] }
  | { op: 'failed'; error: SerializedError }
  | { op: 'reply'; id: number; result: RawResult | RawResult[] | null }
  | { op: 'error'; id: number; error: SerializedError }
  | { op: 'notify'; channel: string; payload: string };
