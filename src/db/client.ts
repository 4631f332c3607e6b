import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Config } from '../config/index.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { hasDataDir, initDataDirInChildProcess } from './embedded-init.js';
import { lockDirectory, type DirectoryLock } from './embedded-lock.js';
import { pgDriver } from './pg-driver.js';
import { pgliteDriver } from './pglite-driver.js';
import { TurnTakingPGlite } from './turn-taking-pglite.js';
import { PGliteThread } from './pglite-thread/pglite-thread.js';
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

/** PostgreSQL's shared buffers on the embedded database (PGlite's own default is 128 MB, all resident from the start). */
export const DEFAULT_EMBEDDED_SHARED_BUFFERS_MB = 32;

export interface EmbeddedOptions {
  /** A data directory image to start from (in memory only). */
  loadDataDir?: Blob;
  sharedBuffersMb?: number;
  /** PostgreSQL on a thread of its own (see PGliteThread) instead of the caller's. */
  ownThread?: boolean;
}

/**
 * Opens an embedded PGlite database in `dir` (undefined: in memory), on the
 * caller's thread or, with `ownThread`, on a thread of its own. The folder
 * holding `dir` is locked for this process; a new directory is created in a
 * child process (see `initDataDirInChildProcess`).
 */
export async function openEmbedded(dir?: string, options: EmbeddedOptions = {}): Promise<Database> {
  const lock: DirectoryLock | undefined = dir ? lockDirectory(path.dirname(dir)) : undefined;
  try {
    if (dir && !hasDataDir(dir)) await initDataDirInChildProcess(dir);
    // Loaded only here: nothing of PGlite is needed on a PostgreSQL server.
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    const sharedBuffersMb = options.sharedBuffersMb ?? DEFAULT_EMBEDDED_SHARED_BUFFERS_MB;
    const pgliteOptions = {
      ...(dir ? { dataDir: dir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`],
    };
    const pglite = options.ownThread ? await PGliteThread.start(pgliteOptions) : new TurnTakingPGlite(await PGlite.create(pgliteOptions));
    // The adapter's signature asks for PGlite but it calls only query, exec and transaction (and, in a
    // transaction, query, exec and rollback), which both have: the suite runs on TurnTakingPGlite, and
    // test/integration/db/pglite-thread.test.ts runs Prisma on the thread.
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite as unknown as InstanceType<typeof PGlite>) });
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
  return config.kind === 'embedded' ? openEmbedded(config.dir, { sharedBuffersMb: config.sharedBuffersMb, ownThread: config.ownThread }) : openPostgres(config.url, config.poolSize);
}
