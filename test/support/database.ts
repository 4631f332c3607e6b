import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openEmbedded, openPostgres, type Database } from '../../src/db/client.js';
import { adminUrl, databaseUrl } from './pg-urls.js';

export type TestDatabaseKind = 'embedded' | 'postgresql';

export interface TestDatabase extends Database {
  /** Closes and, for PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

/** Embedded always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return inject('pgTemplate') ? ['embedded', 'postgresql'] : ['embedded'];
}

/** A fresh, migrated, empty database of its own. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const image = new Blob([await readFile(inject('pgliteImage'))]);
    const db = await openEmbedded(undefined, { loadDataDir: image });
    return { ...db, destroy: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tongxing_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const db = openPostgres(databaseUrl(url, name), 5);
  return {
    ...db,
    async destroy() {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl(url) });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } catch (error) {
        // A session of another role (autovacuum, a stray tool) can block FORCE;
        // a leftover test database must not fail the tests that used it.
        console.warn(`could not drop test database ${name}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/**
 * Declares the suite once per database kind, each with its own fresh
 * database: `describeEachDatabase('escalations', (db) => { it(..., () => db().prisma...) })`.
 */
export function describeEachDatabase(name: string, body: (db: () => TestDatabase, kind: TestDatabaseKind) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await database?.destroy();
      });
      body(() => {
        if (!database) throw new Error('the test database is not open yet');
        return database;
      }, kind);
    });
  }
}
