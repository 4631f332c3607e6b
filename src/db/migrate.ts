import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import { readMigrations, type MigrationFile } from './migration-files.js';
import type { SqlConnection, SqlDriver } from './sql-driver.js';

/** The key Prisma Migrate itself locks on, so our runner and `prisma migrate deploy` exclude each other. */
const MIGRATION_LOCK_KEY = 72707369;

/** Prisma's own bookkeeping table, so `prisma migrate deploy/status` agree with us. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
  ) {
    super(`migration ${migration}: ${message}`);
    this.name = 'MigrationError';
  }
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

async function appliedMigrations(connection: SqlConnection): Promise<AppliedRow[]> {
  return connection.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
}

async function applyOne(connection: SqlConnection, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await connection.exec('BEGIN');
  try {
    await connection.exec(migration.sql);
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK');
    throw new MigrationError(migration.name, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Applies pending migrations from prisma/migrations, each in a transaction,
 * under a session advisory lock: when several instances start together, one
 * migrates and the others wait, then find nothing to do.
 */
export async function migrate(
  driver: SqlDriver,
  log?: Logger,
  migrations?: MigrationFile[],
): Promise<MigrationResult> {
  const files = migrations ?? (await readMigrations());
  return driver.withConnection(async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await connection.exec(CREATE_MIGRATIONS_TABLE);
      const applied = await appliedMigrations(connection);
      const failed = applied.find((row) => row.finished_at === null && row.rolled_back_at === null);
      if (failed) {
        throw new MigrationError(failed.migration_name, 'a previous attempt failed; resolve it before starting');
      }
      const done = new Map(applied.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
      const result: MigrationResult = { applied: [], alreadyApplied: 0 };
      for (const migration of files) {
        const existing = done.get(migration.name);
        if (existing) {
          result.alreadyApplied++;
          if (existing.checksum !== migration.checksum) {
            log?.warn({ migration: migration.name }, 'an applied migration was modified after it was applied');
          }
          continue;
        }
        await applyOne(connection, migration);
        result.applied.push(migration.name);
        log?.info({ migration: migration.name }, 'applied migration');
      }
      return result;
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** Names of the known migrations not yet applied (empty when up to date). */
export async function pendingMigrations(driver: SqlDriver, migrations: MigrationFile[]): Promise<string[]> {
  const rows = await driver.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
}
