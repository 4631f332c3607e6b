import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../../src/db/client.js';
import { EmbeddedInitError, initDataDirInChildProcess } from '../../../src/db/embedded-init.js';

describe('embedded database on disk', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'tongxing-embedded-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  // First, while this process has not loaded PGlite at all.
  it("leaves initdb's memory in the child: this process grows by far less than initdb takes (about 900 MB)", async () => {
    const dir = path.join(root, 'pgdata');
    const before = process.memoryUsage().rss;
    await initDataDirInChildProcess(dir);
    expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('creates a missing data directory, then keeps what was written across restarts, with the shared buffers asked for', async () => {
    const dir = path.join(root, 'pgdata');
    const first = await openEmbedded(dir, { sharedBuffersMb: 16 });
    try {
      expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
      const [setting] = await first.sql.query<{ value: string }>(`SELECT current_setting('shared_buffers') AS value`);
      expect(setting?.value).toBe('16MB');
      await first.sql.exec(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);
    } finally {
      await first.close();
    }

    const second = await openEmbedded(dir);
    try {
      expect(await second.sql.query(`SELECT note FROM kept`)).toEqual([{ note: 'still here' }]);
      const [setting] = await second.sql.query<{ value: string }>(`SELECT current_setting('shared_buffers') AS value`);
      expect(setting?.value).toBe('32MB');
    } finally {
      await second.close();
    }
  }, 60_000);

  it('names the directory when initdb cannot create it', async () => {
    const blocked = path.join(root, 'missing-parent', 'pgdata');
    await expect(initDataDirInChildProcess(blocked)).rejects.toBeInstanceOf(EmbeddedInitError);
    await expect(initDataDirInChildProcess(blocked)).rejects.toThrow(blocked);
  }, 60_000);
});
