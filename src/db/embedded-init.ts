import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Creating the embedded database's data directory failed. */
export class EmbeddedInitError extends Error {
  constructor(
    readonly dataDir: string,
    readonly detail: string,
  ) {
    super(`could not create the embedded database in ${dataDir}: ${detail}`);
    this.name = 'EmbeddedInitError';
  }
}

// Runs in the child: the PGlite module URL and the directory come as arguments.
const INIT_SCRIPT = `
const [, pgliteUrl, dataDir] = process.argv;
const { PGlite } = await import(pgliteUrl);
const db = await PGlite.create({ dataDir });
await db.close();
`;

export function hasDataDir(dir: string): boolean {
  return existsSync(path.join(dir, 'PG_VERSION'));
}

/**
 * Creates a PGlite data directory (initdb) in a short-lived child process.
 * initdb grows PGlite's WebAssembly memory to about 900 MB, and a
 * WebAssembly memory never shrinks: done in the service's own process, the
 * service would hold that memory for as long as it runs.
 */
export async function initDataDirInChildProcess(dir: string): Promise<void> {
  const pgliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const child = spawn(process.execPath, ['--input-type=module', '--eval', INIT_SCRIPT, pgliteUrl, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new EmbeddedInitError(dir, `initdb exited with ${code}: ${stderr.trim()}`);
  if (!hasDataDir(dir)) throw new EmbeddedInitError(dir, 'initdb left no PG_VERSION file');
}
