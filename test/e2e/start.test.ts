import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl, databaseUrl } from '../support/pg-urls.js';
import { spawnService, type SpawnedService } from '../support/spawn-service.js';

const running: SpawnedService[] = [];
const dataDirs: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dataDirs.push(dir);
  return dir;
}

function start(env: Record<string, string>, options: { viaNpm?: boolean } = {}): SpawnedService {
  const service = spawnService(env, options);
  running.push(service);
  return service;
}

async function status(url: string): Promise<number> {
  return (await fetch(url)).status;
}

describe('starting the service on the embedded database', () => {
  const dataDir = tempDir('tongxing-e2e-');

  it('answers /healthz and /readyz, seeds the demo once, refuses a second process, and keeps data across restarts', async () => {
    const first = start({ DATA_DIR: dataDir });
    const url = await first.ready();
    expect(await status(`${url}/healthz`)).toBe(200);
    expect(await status(`${url}/readyz`)).toBe(200);
    expect(first.output()).toContain('Demo logins');
    expect(first.output()).toMatch(/admin\s+\S{16}/);
    // The console's server-rendered pages (JSX) from the build, as `npm start` serves them.
    const login = await fetch(`${url}/admin/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toMatch(/<form[^>]*method="post"[\s\S]*type="password"/);

    const second = start({ DATA_DIR: dataDir });
    expect(await second.exited()).not.toBe(0);
    expect(second.output()).toContain(`the embedded database in ${dataDir} is in use by process ${first.process.pid}`);
    expect(await status(`${url}/readyz`)).toBe(200);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');

    const restarted = start({ DATA_DIR: dataDir });
    const again = await restarted.ready();
    expect(await status(`${again}/readyz`)).toBe(200);
    expect(restarted.output()).not.toContain('Demo logins');
    expect(restarted.output()).toContain('"applied":0');
    expect(await restarted.stop('SIGINT')).toBe(0);
  }, 180_000);

  it('runs with PostgreSQL on a thread of its own (EMBEDDED_DB_THREAD), migrating, seeding and stopping cleanly', async () => {
    const threaded = start({ DATA_DIR: tempDir('tongxing-e2e-thread-'), EMBEDDED_DB_THREAD: 'true' });
    const url = await threaded.ready();
    expect(await status(`${url}/readyz`)).toBe(200);
    expect(threaded.output()).toContain('Demo logins');
    expect(await threaded.stop('SIGTERM')).toBe(0);
    expect(threaded.output()).toContain('"msg":"stopped"');
  }, 120_000);

  it('stops cleanly when a process manager sends SIGTERM to npm start', async () => {
    // npm passes the signal to its child: that must be the service, not a shell that dies and leaves it running.
    const viaNpm = start({ DATA_DIR: tempDir('tongxing-e2e-npm-'), SEED_DEMO: 'false' }, { viaNpm: true });
    const url = await viaNpm.ready();
    expect(await status(`${url}/readyz`)).toBe(200);
    expect(await viaNpm.stop('SIGTERM')).toBe(0);
    expect(viaNpm.output()).toContain('"msg":"stopped"');
  }, 120_000);

  it('exits non-zero naming the variable when a value is bad', async () => {
    const bad = start({ DATA_DIR: dataDir, PORT: 'abc' });
    expect(await bad.exited()).toBe(1);
    expect(bad.output()).toMatch(/invalid configuration: PORT/);
    expect(bad.output().trim().split('\n')).toHaveLength(1);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('starting on PostgreSQL', () => {
  it('migrates an empty database once when two instances start together', async () => {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `tongxing_e2e_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const env = { DATABASE_URL: databaseUrl(url, name), DATA_DIR: tempDir('tx-pg-') };
      const [a, b] = [start(env), start(env)];
      const urls = await Promise.all([a.ready(), b.ready()]);
      for (const u of urls) expect(await status(`${u}/readyz`)).toBe(200);
      const applied = [a, b].map((s) => Number(/"applied":(\d+)/.exec(s.output())?.[1]));
      expect(applied.sort()).toEqual([0, applied[1]]);
      expect(applied[1]).toBeGreaterThan(0);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});
