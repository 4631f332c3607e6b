import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { runAdminCli, type CliEnvironment } from '../../../src/admin/cli/run.js';
import { sha256Hex } from '../../../src/admin/auth/secrets.js';
import { verifyPassword } from '../../../src/security/password.js';
import { describeEachDatabase } from '../../support/database.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function harness(db: () => Database, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const env: CliEnvironment = {
    io: { readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) },
    // The test owns the database: the CLI must not close it.
    openDatabase: async () => ({ ...db(), close: async () => {} }),
    now: () => new Date(),
  };
  return { env, out, err };
}

describeEachDatabase('npm run admin (in process)', (db) => {
  let stationId: string;
  beforeAll(async () => {
    stationId = (await db().prisma.station.create({ data: { name: '站', region: 'r' } })).id;
  });

  it('user create --password-stdin: reads the password, hashes it with scrypt, prints nothing on stdout', async () => {
    const h = harness(db, 'a long enough password\n');
    const code = await runAdminCli(['user', 'create', '--role', 'admin', '--login', 'boss', '--password-stdin', '--locale', 'en'], h.env);
    expect(code).toBe(0);
    expect(h.out).toEqual([]);
    const user = await db().prisma.staffUser.findUniqueOrThrow({ where: { login: 'boss' } });
    expect(user).toMatchObject({ role: 'ADMIN', stationId: null, locale: 'en', displayName: 'boss' });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('a long enough password', user.passwordHash)).toBe(true);
  });

  it('user create for a caseworker needs an existing station; without --password-stdin a password is generated and printed once', async () => {
    const missing = harness(db);
    expect(await runAdminCli(['user', 'create', '--role', 'caseworker', '--login', 'li'], missing.env)).toBe(1);
    expect(missing.err.join('\n')).toContain('--station');
    const unknown = harness(db);
    expect(await runAdminCli(['user', 'create', '--role', 'caseworker', '--login', 'li', '--station', 'nope'], unknown.env)).toBe(1);
    const ok = harness(db);
    expect(await runAdminCli(['user', 'create', '--role', 'caseworker', '--login', 'li', '--station', stationId, '--name', '社工 李'], ok.env)).toBe(0);
    expect(ok.out).toHaveLength(1);
    const user = await db().prisma.staffUser.findUniqueOrThrow({ where: { login: 'li' } });
    expect(await verifyPassword(ok.out[0] ?? '', user.passwordHash)).toBe(true);
    expect(user).toMatchObject({ stationId, displayName: '社工 李', role: 'CASEWORKER' });
  });

  it('refuses a short password and a login that exists', async () => {
    const short = harness(db, 'short');
    expect(await runAdminCli(['user', 'create', '--role', 'admin', '--login', 'x2', '--password-stdin'], short.env)).toBe(1);
    expect(short.err.join()).toContain('at least 10');
    const taken = harness(db, 'a long enough password');
    expect(await runAdminCli(['user', 'create', '--role', 'admin', '--login', 'boss', '--password-stdin'], taken.env)).toBe(1);
    expect(taken.err.join()).toContain('already exists');
  });

  it('token create prints the token once on stdout and stores only its SHA-256', async () => {
    const h = harness(db);
    expect(await runAdminCli(['token', 'create', '--name', 'integration', '--staff', 'boss'], h.env)).toBe(0);
    const token = h.out[0] ?? '';
    expect(token).toMatch(/^txk_[A-Za-z0-9_-]{43}$/);
    const row = await db().prisma.apiToken.findFirstOrThrow({ where: { name: 'integration' } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(row.staffUserId).not.toBeNull();
    const readOnly = harness(db);
    expect(await runAdminCli(['token', 'create', '--name', 'reports'], readOnly.env)).toBe(0);
    expect(readOnly.err.join()).toContain('read-only');
    const unknown = harness(db);
    expect(await runAdminCli(['token', 'create', '--name', 'x', '--staff', 'ghost'], unknown.env)).toBe(1);
  });

  it('usage errors exit with 2', async () => {
    for (const argv of [['user', 'create', '--role', 'king', '--login', 'a'], ['token', 'create'], ['user', 'create', '--bogus'], ['frob']]) {
      const h = harness(db);
      expect(await runAdminCli(argv, h.env)).toBe(2);
      expect(h.err.join('\n')).toContain('Usage:');
    }
  });
});

describe('npm run admin (a real process on the embedded database)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tongxing-admin-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  it('says clearly that the service is running when another live process holds the embedded database', async () => {
    // This test process stands in for the running service: its pid is alive.
    await writeFile(path.join(dataDir, 'tongxing.lock'), String(process.pid));
    const result = await run(['token', 'create', '--name', 'x']);
    await rm(path.join(dataDir, 'tongxing.lock'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The Tongxing service is running (process ${process.pid})`);
    expect(result.stderr).toContain('Stop the service first');
    expect(result.stdout).toBe('');
  }, 60_000);

  it('creates a user on a stopped embedded database (migrating a fresh one first)', async () => {
    const result = await run(['user', 'create', '--role', 'admin', '--login', 'root-admin', '--password-stdin'], 'a long enough password\n');
    expect(result.stderr).toContain('Created admin "root-admin"');
    expect(result.code).toBe(0);
  }, 120_000);
});
