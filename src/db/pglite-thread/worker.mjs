// @ts-check
// The embedded database's own thread: runs PGlite and answers the service's
// requests (see protocol.ts). Plain JavaScript, checked by tsc, so the thread
// starts without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, messages } from '@electric-sql/pglite';

/** @typedef {import('./protocol.js').ThreadRequest} ThreadRequest */
/** @typedef {import('./protocol.js').ThreadMessage} ThreadMessage */
/** @typedef {import('./protocol.js').RawResult} RawResult */
/** @typedef {import('./protocol.js').SerializedError} SerializedError */

const port = parentPort;
if (!port) throw new Error('worker.mjs runs only as a worker thread');
/** @type {import('./protocol.js').ThreadOptions} */
const options = workerData;

/** @param {ThreadMessage} message */
function post(message) {
  port?.postMessage(message);
}

/**
 * @param {unknown} error
 * @returns {SerializedError}
 */
function serializeError(error) {
  if (error instanceof messages.DatabaseError) {
    // PGlite adds the statement and its parameters to the error: they stay here.
    const { query: _query, params: _params, queryOptions: _queryOptions, ...fields } = /** @type {Record<string, unknown>} */ ({ ...error });
    return { kind: 'database', message: error.message, fields };
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error), fields: {} };
}

/** @param {string} text */
const keepText = (text) => text;

/**
 * @param {import('@electric-sql/pglite').Results<unknown[]>} result
 * @returns {RawResult}
 */
function rawResult(result) {
  return { fields: result.fields, rows: /** @type {(string | null)[][]} */ (result.rows), affectedRows: result.affectedRows ?? 0 };
}

/** @type {PGlite} */
let db;
try {
  db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: options.startParams,
  });
} catch (error) {
  post({ op: 'failed', error: serializeError(error) });
  process.exit(1);
}

// Every known type keeps its text form; the service parses with its own parsers.
const textParsers = Object.fromEntries(Object.keys(db.parsers).map((oid) => [oid, keepText]));
/** @type {import('@electric-sql/pglite').QueryOptions} */
const asText = { rowMode: 'array', parsers: textParsers };

/** @type {Map<string, () => Promise<void>>} */
const unlistens = new Map();

/**
 * @param {ThreadRequest} request
 * @returns {Promise<RawResult | RawResult[] | null>}
 */
async function handle(request) {
  switch (request.op) {
    case 'query':
      return rawResult(await db.query(request.sql, request.params, asText));
    case 'exec':
      return (await db.exec(request.sql, asText)).map((result) => rawResult(/** @type {import('@electric-sql/pglite').Results<unknown[]>} */ (result)));
    case 'listen': {
      const channel = request.channel;
      if (!unlistens.has(channel)) unlistens.set(channel, await db.listen(channel, (payload) => post({ op: 'notify', channel, payload })));
      return null;
    }
    case 'unlisten': {
      const unlisten = unlistens.get(request.channel);
      unlistens.delete(request.channel);
      await unlisten?.();
      return null;
    }
    case 'close':
      if (!db.closed) await db.close();
      return null;
  }
}

port.on('message', (/** @type {ThreadRequest} */ request) => {
  handle(request).then(
    (result) => {
      post({ op: 'reply', id: request.id, result });
      if (request.op === 'close') port.close();
    },
    (error) => post({ op: 'error', id: request.id, error: serializeError(error) }),
  );
});

const arrayTypes = await db.query(
  `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
   WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`,
);
post({ op: 'ready', arrayTypes: /** @type {{ oid: number; typarray: number }[]} */ (arrayTypes.rows) });
