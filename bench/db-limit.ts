import { randomUUID } from 'node:crypto';
import type { Database } from '../src/db/client.js';
import { pool } from './stats.js';

/**
 * The database's own limit: single-row inserts of a message row at the same
 * concurrency as the pipeline, through the project's client (Prisma) and
 * through the bare driver underneath it.
 */
export async function measureInsertLimit(db: Database, count: number, concurrency: number) {
  const items = Array.from({ length: count }, (_, i) => i);
  const clientStart = performance.now();
  await pool(items, concurrency, async (i) => {
    await db.prisma.message.create({ data: { direction: 'INBOUND', channel: 'WEB', channelMessageId: `bench-client-${i}`, text: '今天还好' } });
  });
  const clientPerSec = count / ((performance.now() - clientStart) / 1000);

  const driverStart = performance.now();
  await pool(items, concurrency, async (i) => {
    await db.sql.query(
      `INSERT INTO "Message" (id, direction, channel, "channelMessageId", kind, text, "createdAt") VALUES ($1, 'INBOUND', 'WEB', $2, 'TEXT', $3, now())`,
      [randomUUID(), `bench-driver-${i}`, '今天还好'],
    );
  });
  const driverPerSec = count / ((performance.now() - driverStart) / 1000);
  await db.sql.exec(`DELETE FROM "Message" WHERE "channelMessageId" LIKE 'bench-%'`);
  return { clientInsertPerSec: clientPerSec, driverInsertPerSec: driverPerSec };
}
