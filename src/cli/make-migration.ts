// npm run db:migration -- NAME
// Writes prisma/migrations/<timestamp>_<NAME>/migration.sql with the SQL that
// takes a database from the existing migrations to prisma/schema.prisma.
// Works offline: it uses Prisma's schema engine compiled to WebAssembly with
// in-memory PGlite databases instead of the native engine that `prisma migrate
// dev` would download.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { MIGRATIONS_DIR, SCHEMA_FILE, readMigrations } from '../db/migration-files.js';

async function main(): Promise<void> {
  const rawName = process.argv[2];
  if (!rawName || !/^[a-z0-9_]+$/i.test(rawName)) {
    console.error('usage: npm run db:migration -- NAME   (letters, digits and _ only)');
    process.exit(2);
  }
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  const schema = await readFile(SCHEMA_FILE, 'utf8');
  const migrations = await readMigrations();
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_FILE, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite())),
  );
  const result = await engine.diff({
    from:
      migrations.length === 0
        ? { tag: 'empty' }
        : {
            tag: 'migrations',
            baseDir: MIGRATIONS_DIR,
            lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
            shadowDbInitScript: '',
            migrationDirectories: migrations.map((m) => ({
              path: m.name,
              migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
            })),
          },
    to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_FILE, content: schema }] },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? '';
  if (result.exitCode !== 2 || sql.trim() === '' || sql.includes('This is an empty migration.')) {
    console.log('The schema matches the migrations: nothing to write.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${rawName.toLowerCase()}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), '# Do not edit: written by npm run db:migration\nprovider = "postgresql"\n');
  await writeFile(path.join(folder, 'migration.sql'), sql);
  console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
