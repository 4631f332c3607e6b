import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUpkeep, tablesDueForUpkeep, type TableUpkeep } from '../../../src/db/upkeep.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';

// A name that needs quoting, like Prisma's tables.
const TABLE = 'UpkeepProbe';

interface TableStats extends Record<string, unknown> {
  dead: number;
  modified: number;
  analysed: boolean;
}

async function statsOf(db: TestDatabase): Promise<TableStats | undefined> {
  const [row] = await db.sql.query<TableStats>(
    `SELECT n_dead_tup::int AS dead, n_mod_since_analyze::int AS modified, (last_analyze IS NOT NULL) AS analysed
     FROM pg_stat_user_tables WHERE relname = $1`,
    [TABLE],
  );
  return row;
}

/** PostgreSQL publishes a session's table counters at most once a second: wait for them. */
async function whenDue(db: TestDatabase, expected: TableUpkeep): Promise<void> {
  await eventually(
    async () => ((await tablesDueForUpkeep(db.sql)).some((t) => t.table === expected.table && t.vacuum === expected.vacuum && t.analyze === expected.analyze) ? true : undefined),
    5000,
    `${expected.table} to be due for upkeep`,
  );
}

async function plannerStatistics(db: TestDatabase): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = $1`, [TABLE]);
  return row?.n ?? 0;
}

// PGlite has no autovacuum; the service does its work (a PostgreSQL server does it itself).
describe('upkeep of the embedded database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    await db.sql.exec(`CREATE TABLE "${TABLE}" (id int PRIMARY KEY, note text)`);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('analyses a table once enough rows changed, as autovacuum would, and then leaves it alone', async () => {
    await db.sql.exec(`INSERT INTO "${TABLE}" SELECT g, 'a' FROM generate_series(1, 1000) g`);
    await whenDue(db, { table: TABLE, vacuum: false, analyze: true });
    expect(await plannerStatistics(db)).toBe(0);

    expect(await runUpkeep(db.sql)).toContainEqual({ table: TABLE, vacuum: false, analyze: true });

    expect(await plannerStatistics(db)).toBeGreaterThan(0);
    expect(await statsOf(db)).toMatchObject({ modified: 0, analysed: true });
    expect((await tablesDueForUpkeep(db.sql)).map((t) => t.table)).not.toContain(TABLE);
  });

  it('vacuums the dead rows that updates leave behind', async () => {
    await db.sql.exec(`UPDATE "${TABLE}" SET note = 'b'`);
    await whenDue(db, { table: TABLE, vacuum: true, analyze: true });
    expect((await statsOf(db))?.dead).toBe(1000);

    await runUpkeep(db.sql);

    expect(await statsOf(db)).toMatchObject({ dead: 0, modified: 0 });
  });

  it('leaves a table alone below the thresholds (50 rows plus a tenth of the table)', async () => {
    await db.sql.exec(`UPDATE "${TABLE}" SET note = 'c' WHERE id <= 100`);
    await eventually(async () => ((await statsOf(db))?.dead === 100 ? true : undefined), 5000, 'the update to be counted');
    expect((await tablesDueForUpkeep(db.sql)).map((t) => t.table)).not.toContain(TABLE);
  });

  it('runs in the service on its schedule', async () => {
    await db.sql.exec(`UPDATE "${TABLE}" SET note = 'd'`);
    await whenDue(db, { table: TABLE, vacuum: true, analyze: true });
    const service = await startTestService(db, { EMBEDDED_UPKEEP_CRON: '* * * * * *' });
    try {
      await eventually(async () => ((await statsOf(db))?.dead === 0 ? true : undefined), 5000, 'the service to vacuum the table');
    } finally {
      await service.stop();
    }
  });
});
