import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, type Database } from '../../../src/db/client.js';
import { TurnTakingPGlite } from '../../../src/db/turn-taking-pglite.js';

/** Counts turns of the event loop (setImmediate callbacks) while `work` runs. */
async function turnsDuring(work: () => Promise<void>): Promise<number> {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    await work();
  } finally {
    running = false;
  }
  return turns;
}

async function statementsInARow(run: (sql: string) => Promise<unknown>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await run('SELECT 1');
}

describe('PGlite taking turns with the event loop', () => {
  let pglite: PGlite;
  let turnTaking: TurnTakingPGlite;

  beforeAll(async () => {
    pglite = await PGlite.create();
    turnTaking = new TurnTakingPGlite(pglite);
  });
  afterAll(async () => {
    if (!turnTaking.closed) await turnTaking.close();
  });

  it('PGlite alone runs statement after statement without the event loop turning once (the reason for this class)', async () => {
    expect(await turnsDuring(() => statementsInARow((sql) => pglite.query(sql), 30))).toBe(0);
  });

  it('gives the event loop a turn before every statement', async () => {
    expect(await turnsDuring(() => statementsInARow((sql) => turnTaking.query(sql), 30))).toBeGreaterThanOrEqual(30);
    expect(await turnsDuring(() => statementsInARow((sql) => turnTaking.exec(sql), 30))).toBeGreaterThanOrEqual(30);
    expect(await turnsDuring(() => statementsInARow((sql) => turnTaking.transaction((tx) => tx.query(sql)), 30))).toBeGreaterThanOrEqual(30);
  });

  it('answers as PGlite does: rows, parameters, scripts, errors', async () => {
    const sql = `SELECT $1::int AS a, $2::text AS b, ARRAY[1, 2]::int[] AS c, '2026-11-29 08:30:00+00'::timestamptz AS d`;
    expect(await turnTaking.query(sql, [7, '文字'])).toEqual(await pglite.query(sql, [7, '文字']));
    expect(await turnTaking.exec('SELECT 1 AS one; SELECT 2 AS two')).toEqual(await pglite.exec('SELECT 1 AS one; SELECT 2 AS two'));
    await expect(turnTaking.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ code: '42P01' });
  });

  it('commits a transaction, and rolls it back when its callback throws', async () => {
    await turnTaking.exec('CREATE TABLE turns (id int PRIMARY KEY)');
    await turnTaking.transaction(async (tx) => {
      await tx.query('INSERT INTO turns VALUES (1)');
    });
    await expect(
      turnTaking.transaction(async (tx) => {
        await tx.query('INSERT INTO turns VALUES (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await turnTaking.query<{ id: number }>('SELECT id FROM turns ORDER BY id')).rows).toEqual([{ id: 1 }]);
  });

  it('passes notifications through', async () => {
    const received: string[] = [];
    const unsubscribe = await turnTaking.listen('turn_events', (payload) => received.push(payload));
    await turnTaking.query(`SELECT pg_notify('turn_events', 'hello')`);
    await expect.poll(() => received).toEqual(['hello']);
    await unsubscribe();
  });

  it('closes the database (last: the others use it)', async () => {
    expect(turnTaking.closed).toBe(false);
    await turnTaking.close();
    expect(turnTaking.closed).toBe(true);
    expect(pglite.closed).toBe(true);
  });
});

describe('the embedded database in the service’s thread', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openEmbedded();
  });
  afterAll(async () => {
    await db.close();
  });

  it('takes turns with the event loop, through the bare driver and through Prisma', async () => {
    expect(await turnsDuring(() => statementsInARow((sql) => db.sql.query(sql), 30))).toBeGreaterThanOrEqual(30);
    expect(await turnsDuring(() => statementsInARow(() => db.prisma.$queryRaw`SELECT 1`, 30))).toBeGreaterThanOrEqual(30);
  });
});
