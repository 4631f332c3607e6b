import type { SqlDriver } from '../db/sql-driver.js';

/** Advisory lock key held by the one instance that sends. */
const DISPATCHER_LOCK_KEY = 72707370;

/**
 * Runs `lead` while this instance holds the dispatcher lock; other instances
 * keep trying, so one takes over when the leader stops or dies (PostgreSQL
 * releases a session lock with its connection). The embedded database has
 * one process, which always leads.
 */
export async function runWhileLeader(
  sql: SqlDriver,
  lead: (signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  retryMs = 2000,
): Promise<void> {
  if (sql.kind === 'embedded') return lead(signal);
  while (!signal.aborted) {
    const led = await sql.withConnection(async (connection) => {
      const [row] = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [DISPATCHER_LOCK_KEY]);
      if (!row?.locked) return false;
      try {
        await lead(signal);
      } finally {
        await connection.query('SELECT pg_advisory_unlock($1)', [DISPATCHER_LOCK_KEY]).catch(() => {});
      }
      return true;
    });
    if (!led) await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}
