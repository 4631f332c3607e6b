import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../../src/db/client.js';
import { readMigrations } from '../../../src/db/migration-files.js';
import { migrate, pendingMigrations } from '../../../src/db/migrate.js';
import { pgliteDriver } from '../../../src/db/pglite-driver.js';
import { describeEachDatabase } from '../../support/database.js';
import { adminUrl, databaseUrl } from '../../support/pg-urls.js';

describe('migrations on an empty embedded database', () => {
  it('apply every migration, record them as Prisma does, and are idempotent', async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const driver = pgliteDriver(await PGlite.create());
    try {
      expect(await migrate(driver)).toEqual({ applied: files.map((f) => f.name), alreadyApplied: 0 });
      expect(await migrate(driver)).toEqual({ applied: [], alreadyApplied: files.length });
      expect(await pendingMigrations(driver, files)).toEqual([]);
      const rows = await driver.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations"',
      );
      expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum })));
      const tables = await driver.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Participant', 'Escalation', 'OutboxMessage')",
      );
      expect(tables[0]?.n).toBe(3);
    } finally {
      await driver.close();
    }
  });

  it('roll back a failing migration and report it by name', async () => {
    const driver = pgliteDriver(await PGlite.create());
    try {
      const broken = [{ name: '20990101000000_broken', sql: 'CREATE TABLE a (id int); SELECT nonsense;', checksum: 'x' }];
      await expect(migrate(driver, undefined, broken)).rejects.toThrow(/20990101000000_broken/);
      const leftovers = await driver.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'a'");
      expect(leftovers).toEqual([]);
    } finally {
      await driver.close();
    }
  });
});

describeEachDatabase('a migrated test database', (db) => {
  it('has nothing pending', async () => {
    expect(await pendingMigrations(db().sql, await readMigrations())).toEqual([]);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('migrations on PostgreSQL', () => {
  it('run once when two instances start together', async () => {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `tongxing_mig_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const first = openPostgres(databaseUrl(url, name), 2);
    const second = openPostgres(databaseUrl(url, name), 2);
    try {
      const files = await readMigrations();
      const results = await Promise.all([migrate(first.sql), migrate(second.sql)]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, files.length]);
      const rows = await first.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(rows[0]?.n).toBe(files.length);
    } finally {
      await first.close();
      await second.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
