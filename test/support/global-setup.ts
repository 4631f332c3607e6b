// Once per run: builds the service as `npm start` does (for the tests that
// spawn it), and each test database: a migrated PGlite image that every test
// file loads into memory, and, when TEST_DATABASE_URL is set, a migrated
// PostgreSQL template database that test files clone.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { openPostgres } from '../../src/db/client.js';
import { pgliteDriver } from '../../src/db/pglite-driver.js';
import { readMigrations } from '../../src/db/migration-files.js';
import { migrate } from '../../src/db/migrate.js';
import { adminUrl, databaseUrl } from './pg-urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    pgTemplate: string | null;
  }
}

/**
 * The migrated image is cached by the migrations' checksums: building it
 * (initdb plus migrations) costs seconds that every run would repeat.
 */
async function pgliteImage(): Promise<string> {
  const migrations = await readMigrations();
  const key = createHash('sha256').update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n')).digest('hex').slice(0, 16);
  const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/tongxing-test', import.meta.url));
  const file = path.join(cacheDir, `pglite-${key}.tar.gz`);
  if (existsSync(file)) return file;
  const pglite = await PGlite.create();
  await migrate(pgliteDriver(pglite), undefined, migrations);
  const image = await pglite.dumpDataDir('gzip');
  await pglite.close();
  await mkdir(cacheDir, { recursive: true });
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, Buffer.from(await image.arrayBuffer()));
  await rename(partial, file);
  return file;
}

async function buildPgTemplate(url: string): Promise<string> {
  const name = `tongxing_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = openPostgres(databaseUrl(url, name), 2);
  await migrate(db.sql);
  await db.close();
  return name;
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

export default async function setup(project: TestProject) {
  // Tests that start the service in a process of its own run what `npm start` runs: the build.
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
  project.provide('pgliteImage', await pgliteImage());
  const url = process.env.TEST_DATABASE_URL;
  const template = url ? await buildPgTemplate(url) : null;
  project.provide('pgTemplate', template);
  return async () => {
    if (url && template) await dropDatabase(url, template);
  };
}
