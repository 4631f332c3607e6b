import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '../../../src/admin/auth/change-password.js';
import { SlidingWindowLimiter } from '../../../src/admin/auth/rate-limiter.js';
import { safeNext } from '../../../src/admin/auth/require-session.js';
import { newSecret, safeEqual, sha256Hex } from '../../../src/admin/auth/secrets.js';

describe('SlidingWindowLimiter', () => {
  it('allows up to max events in the window, then again once they age out', () => {
    const limiter = new SlidingWindowLimiter(3, 1000);
    const at = (ms: number) => new Date(ms);
    for (const ms of [0, 100, 200]) {
      expect(limiter.allows('k', at(ms))).toBe(true);
      limiter.record('k', at(ms));
    }
    expect(limiter.allows('k', at(300))).toBe(false);
    expect(limiter.allows('other', at(300))).toBe(true);
    expect(limiter.allows('k', at(1001))).toBe(true);
    limiter.reset('k');
    expect(limiter.allows('k', at(300))).toBe(true);
  });

  it('stays bounded in memory', () => {
    const limiter = new SlidingWindowLimiter(1, 60_000, 10);
    for (let i = 0; i < 100; i++) limiter.record(`k${i}`, new Date(i));
    expect(limiter.allows('k99', new Date(100))).toBe(false);
  });
});

describe('secrets', () => {
  it('makes distinct URL-safe tokens with an optional prefix', () => {
    const a = newSecret('txk_');
    expect(a).toMatch(/^txk_[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(newSecret());
  });
  it('hashes with SHA-256 and compares in constant time', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('safeNext', () => {
  it.each([
    ['/admin/escalations/1', '/admin/escalations/1'],
    ['/admin', '/admin'],
    ['//evil.example', '/admin/escalations'],
    ['/admin//evil.example', '/admin/escalations'],
    ['/admin/\\evil', '/admin/escalations'],
    ['https://evil.example/admin', '/admin/escalations'],
    ['/chat', '/admin/escalations'],
    ['/admin/login', '/admin/escalations'],
    [undefined, '/admin/escalations'],
  ])('%s → %s', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});

describe('checkNewPassword', () => {
  it('counts characters, not bytes', () => {
    expect(checkNewPassword('短密码')).toBe('too-short');
    expect(checkNewPassword('十个字的中文密码好长')).toBeUndefined();
    expect(checkNewPassword('x'.repeat(201))).toBe('too-long');
  });
});
