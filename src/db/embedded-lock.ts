import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Another live process holds the embedded database. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the embedded database in ${dataDir} is in use by process ${pid}`);
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

export interface DirectoryLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // a restarted container can reuse our own pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a directory with a pid file created atomically
 * (O_EXCL). A PGlite data directory opened by two processes is corrupted, so
 * a second process must stop here with a clear error. A lock left behind by a
 * dead process is taken over.
 */
export function lockDirectory(dataDir: string, displayDir = dataDir): DirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tongxing.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release() {
          try {
            if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new EmbeddedDatabaseInUseError(displayDir, holder);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${displayDir}`);
}
