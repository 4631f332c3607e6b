import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseInUseError, lockDirectory } from '../../../src/db/embedded-lock.js';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe('lockDirectory', () => {
  it('refuses a directory held by another live process and names that process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tx-lock-'));
    const holder = spawn('sleep', ['30']);
    children.push(holder);
    writeFileSync(path.join(dir, 'tongxing.lock'), String(holder.pid));
    expect(() => lockDirectory(dir)).toThrow(EmbeddedDatabaseInUseError);
    expect(() => lockDirectory(dir)).toThrow(`the embedded database in ${dir} is in use by process ${holder.pid}`);
  });

  it('takes over a lock left by a dead process, and releases it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tx-lock-'));
    const file = path.join(dir, 'tongxing.lock');
    writeFileSync(file, '999999999');
    const lock = lockDirectory(dir);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(existsSync(file)).toBe(false);
  });
});
