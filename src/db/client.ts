import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config/index.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { lockDirectory, type DirectoryLock } from './embedded-lock.js';
import { pgDriver } from './pg-driver.js';
import { pgliteDriver } from './pglite-driver.js';
import type { SqlDriver } from './sql-driver.js';

export { PrismaClient } from '../generated/prisma/client.js';

export interface Database {
  readonly kind: 'embedded' | 'postgresql';
  readonly prisma: PrismaClient;
  /** The driver under Prisma, for migrations, locks and LISTEN/NOTIFY. */
  readonly sql: SqlDriver;
  close(): Promise<void>;
}

export type DatabaseConfig = Config['database'];

function wrap(prisma: PrismaClient, sql: SqlDriver, onClose?: () => void): Database {
  let closing: Promise<void> | undefined;
  return {
    kind: sql.kind,
    prisma,
    sql,
    close() {
      closing ??= (async () => {
        try {
          await prisma.$disconnect();
          await sql.close();
        } finally {
          onClose?.();
        }
      })();
      return closing;
    },
  };
}

/**
 * Opens an embedded PGlite database in `dir` (undefined: in memory). The
 * folder holding `dir` is locked for this process.
 */
export async function openEmbedded(dir?: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const lock: DirectoryLock | undefined = dir ? lockDirectory(path.dirname(dir)) : undefined;
  try {
    const pglite = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), ...options });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return wrap(prisma, pgliteDriver(pglite), () => lock?.release());
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // One pool for Prisma and the bare driver: connections are the scarce thing.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return wrap(prisma, pgDriver(pool));
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'embedded' ? openEmbedded(config.dir) : openPostgres(config.url, config.poolSize);
}
