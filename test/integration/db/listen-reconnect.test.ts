import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../support/database.js';
import { eventually } from '../../support/service.js';

const CHANNEL = 'tongxing_listen_test';

// PGlite's LISTEN lives in the process and cannot be dropped; a server's can.
describe.runIf(testDatabaseKinds().includes('postgresql'))('LISTEN on PostgreSQL survives a dropped connection', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
  });

  afterAll(async () => {
    await db?.close();
  });

  it('reconnects by itself, says so, and receives notifications again', async () => {
    const received: string[] = [];
    let reconnects = 0;
    const unlisten = await db.sql.listen(CHANNEL, (payload) => received.push(payload), { onReconnected: () => reconnects++ });
    try {
      await db.sql.query(`SELECT pg_notify($1, 'before')`, [CHANNEL]);
      await eventually(async () => (received.includes('before') ? true : undefined), 5000, 'the first notification');

      // What a server restart or failover does to the listening session.
      const killed = await db.sql.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
         WHERE datname = current_database() AND query = $1 AND pid <> pg_backend_pid()`,
        [`LISTEN "${CHANNEL}"`],
      );
      expect(killed.map((row) => row.killed)).toEqual([true]);

      await eventually(async () => (reconnects > 0 ? true : undefined), 10_000, 'the reconnection');
      await db.sql.query(`SELECT pg_notify($1, 'after')`, [CHANNEL]);
      await eventually(async () => (received.includes('after') ? true : undefined), 5000, 'a notification after reconnecting');
    } finally {
      await unlisten();
    }
  });
});
