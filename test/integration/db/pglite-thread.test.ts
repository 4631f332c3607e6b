import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { messages, PGlite, type QueryOptions } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openEmbedded, type Database } from '../../../src/db/client.js';
import { EmbeddedThreadError, PGliteThread } from '../../../src/db/pglite-thread/pglite-thread.js';

/**
 * PGlite on its own thread must behave as PGlite in the same thread does:
 * every result is compared with an in-process PGlite running the same SQL.
 */
describe('PGlite on its own thread', () => {
  let thread: PGliteThread;
  let inProcess: PGlite;

  beforeAll(async () => {
    [thread, inProcess] = await Promise.all([PGliteThread.start({ startParams: PGlite.defaultStartParams }), PGlite.create()]);
  });
  afterAll(async () => {
    await Promise.all([thread.close(), inProcess.close()]);
  });

  const typed = `SELECT 1::int4 AS i, 9007199254740993::int8 AS big, 1.50::numeric AS n, 2.5::float8 AS f, true AS b,
    'text 文字'::text AS t, NULL::text AS nothing, '{"a":[1,"x"]}'::jsonb AS j, '{"b":2}'::json AS js,
    '2026-11-29 08:30:00+00'::timestamptz AS ts, '2026-11-29 08:30:00'::timestamp AS tsz, '2026-11-29'::date AS d,
    '12:34:56'::time AS tm, '\\x00ff10'::bytea AS bytes, ARRAY[1,2,NULL]::int4[] AS ints, ARRAY['a','b,c','d"e']::text[] AS texts,
    ARRAY['{"k":1}']::jsonb[] AS jsons, ARRAY[1.5, 2]::numeric[] AS nums, gen_random_uuid() IS NOT NULL AS has_uuid`;

  it('returns every type as in-process PGlite does, in object and array row modes', async () => {
    for (const options of [undefined, { rowMode: 'array' } satisfies QueryOptions]) {
      expect(await thread.query(typed, [], options)).toEqual(await inProcess.query(typed, [], options));
    }
  });

  it('applies the caller’s parsers, also inside arrays, as in-process PGlite does', async () => {
    const upper = (text: string) => `parsed:${text}`;
    const options: QueryOptions = { parsers: { 25: upper, 1009: upper, 20: (text) => BigInt(text) } };
    expect(await thread.query(typed, [], options)).toEqual(await inProcess.query(typed, [], options));
  });

  it('serialises parameters as in-process PGlite does', async () => {
    const sql = 'SELECT $1::int AS a, $2::text AS b, $3::jsonb AS c, $4::timestamptz AS d, $5::bytea AS e, $6::text[] AS f, $7::int8 AS g';
    const params = [42, '参数', { deep: [1, 2] }, new Date('2026-11-29T08:00:00Z'), new Uint8Array([1, 2, 255]), ['x', 'y'], 12345678901234n];
    expect(await thread.query(sql, params)).toEqual(await inProcess.query(sql, params));
  });

  it('runs scripts of several statements and reports affected rows as in-process PGlite does', async () => {
    const script = `CREATE TABLE IF NOT EXISTS script_t (id int PRIMARY KEY, v text);
      INSERT INTO script_t VALUES (1, 'a'), (2, 'b'); UPDATE script_t SET v = 'c'; SELECT * FROM script_t ORDER BY id;`;
    expect(await thread.exec(script)).toEqual(await inProcess.exec(script));
  });

  it('raises database errors as PGlite’s DatabaseError with their fields, without the statement’s parameters', async () => {
    await thread.exec('CREATE TABLE uniq (id int PRIMARY KEY)');
    await thread.query('INSERT INTO uniq VALUES ($1)', [1]);
    const error = await thread.query('INSERT INTO uniq VALUES ($1)', [1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: '23505', constraint: 'uniq_pkey', table: 'uniq', severity: 'ERROR' });
    expect(error).not.toHaveProperty('params');
    // The connection is usable after an error.
    expect((await thread.query('SELECT count(*)::int AS n FROM uniq')).rows).toEqual([{ n: 1 }]);
  });

  it('commits a transaction, rolls back one that throws or asks to, and closes it for further use', async () => {
    await thread.exec('CREATE TABLE tx_t (v text)');
    await thread.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_t VALUES ($1)', ['kept']);
    });
    await expect(
      thread.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_t VALUES ($1)', ['thrown']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    let leaked: ((sql: string) => Promise<unknown>) | undefined;
    await thread.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_t VALUES ($1)', ['rolled back']);
      await tx.rollback();
      expect(tx.closed).toBe(true);
      leaked = (sql) => tx.query(sql);
    });
    await expect(leaked!('SELECT 1')).rejects.toThrow('Transaction is closed');
    expect((await thread.query('SELECT v FROM tx_t')).rows).toEqual([{ v: 'kept' }]);
  });

  it('makes statements from outside wait until the transaction in hand ends, as PGlite’s one connection does', async () => {
    await thread.exec('CREATE TABLE order_t (step int)');
    const order: string[] = [];
    let inside!: () => void;
    const insideReached = new Promise<void>((resolve) => (inside = resolve));
    const transaction = thread.transaction(async (tx) => {
      inside();
      await tx.query('INSERT INTO order_t VALUES (1)');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.query('INSERT INTO order_t VALUES (2)');
      order.push('transaction');
    });
    await insideReached;
    const outside = thread.query<{ n: number }>('SELECT count(*)::int AS n FROM order_t').then((result) => {
      order.push('outside');
      return result.rows[0]?.n;
    });
    await transaction;
    expect(await outside).toBe(2);
    expect(order).toEqual(['transaction', 'outside']);
  });

  it('delivers NOTIFY to listeners until they unsubscribe', async () => {
    const received: string[] = [];
    const unsubscribe = await thread.listen('thread_events', (payload) => received.push(payload));
    await thread.query(`SELECT pg_notify('thread_events', $1)`, ['first']);
    await thread.exec(`NOTIFY thread_events, 'second'`);
    await expect.poll(() => received).toEqual(['first', 'second']);
    await unsubscribe();
    await thread.exec(`NOTIFY thread_events, 'third'`);
    await thread.query('SELECT 1');
    expect(received).toEqual(['first', 'second']);
  });

  it('leaves the calling thread free while PostgreSQL works', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    try {
      const started = performance.now();
      await thread.query('SELECT count(*) FROM generate_series(1, 3000000)');
      const elapsedMs = performance.now() - started;
      // In-process, PGlite's WebAssembly holds the thread and no timer fires until the statement ends.
      expect(ticks).toBeGreaterThanOrEqual(Math.min(5, Math.floor(elapsedMs / 40)));
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('PGlite thread lifecycle', () => {
  it('fails to start with PGlite’s own error, not a hang', async () => {
    await expect(PGliteThread.start({ startParams: [] })).rejects.toThrow(/PGlite/);
  });

  it('keeps a process alive while a statement is in flight, and lets it end when the database is idle', async () => {
    // A process with nothing else to do: it must wait for the answer (an unreferenced thread would let it exit
    // with the statement unanswered), then exit by itself without closing (a referenced idle thread would hold it).
    const script = new URL('./fixtures/query-on-thread.ts', import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script.pathname], { timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual([{ n: 500_000 }]);
  });

  it('rejects statements after close with a typed error, and closing twice is harmless', async () => {
    const thread = await PGliteThread.start({ startParams: PGlite.defaultStartParams });
    expect((await thread.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await Promise.all([thread.close(), thread.close()]);
    expect(thread.closed).toBe(true);
    const error = await thread.query('SELECT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedThreadError);
    expect((error as Error).message).toBe('the embedded database is closed');
  });
});

describe.each([true, false])('Prisma on the embedded database (own thread: %s)', (ownThread) => {
  let db: Database;
  beforeAll(async () => {
    db = await openEmbedded(undefined, { loadDataDir: new Blob([await readFile(inject('pgliteImage'))]), ownThread });
  });
  afterAll(async () => {
    await db.close();
  });

  it('maps a unique violation to P2002, rolls back an interactive transaction that throws, and delivers NOTIFY to the bare driver', async () => {
    const staff = { role: 'CASEWORKER', login: 'thread-1', displayName: '线程', passwordHash: 'x' } as const;
    const created = await db.prisma.staffUser.create({ data: staff });
    const duplicate = await db.prisma.staffUser.create({ data: { ...staff, displayName: 'again' } }).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ code: 'P2002' });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.staffUser.update({ where: { id: created.id }, data: { displayName: 'renamed' } });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await db.prisma.staffUser.findUniqueOrThrow({ where: { id: created.id } })).displayName).toBe('线程');
    const received: string[] = [];
    const unlisten = await db.sql.listen('prisma_events', (payload) => received.push(payload));
    await db.prisma.$executeRaw`SELECT pg_notify('prisma_events', ${created.id})`;
    await expect.poll(() => received).toEqual([created.id]);
    await unlisten();
  });
});
