// Builds each test database once per run: a migrated PGlite image that every
// test file loads into memory, and, when TEST_DATABASE_URL is set, a migrated
// PostgreSQL template database that test files clone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { openPostgres } from '../../src/db/client.js';
import { pgliteDriver } from '../../src/db/pglite-driver.js';
import { migrate } from '../../src/db/migrate.js';
import { adminUrl, databaseUrl } from './pg-urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    pgTemplate: string | null;
  }
}

async function buildPgliteImage(dir: string): Promise<string> {
  const pglite = await PGlite.create();
  await migrate(pgliteDriver(pglite));
  const image = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const file = path.join(dir, 'pglite-image.tar.gz');
  await writeFile(file, Buffer.from(await image.arrayBuffer()));
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
  const dir = await mkdtemp(path.join(tmpdir(), 'tongxing-test-'));
  project.provide('pgliteImage', await buildPgliteImage(dir));
  const url = process.env.TEST_DATABASE_URL;
  const template = url ? await buildPgTemplate(url) : null;
  project.provide('pgTemplate', template);
  return async () => {
    if (url && template) await dropDatabase(url, template);
    await rm(dir, { recursive: true, force: true });
  };
}
