import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../src/admin/auth/client-address.js';

async function addressOf(hops: number, forwardedFor?: string): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, hops)));
  const response = await app.request('/', forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {});
  return response.text();
}

describe('the client address for login limits', () => {
  it('ignores X-Forwarded-For unless proxies are trusted, so a client cannot choose its address', async () => {
    expect(await addressOf(0, '203.0.113.9')).toBe('local');
  });

  it('takes the entry the outermost trusted proxy wrote, never one the client wrote', async () => {
    // The client sent "1.1.1.1" itself; nginx appended the address it saw.
    expect(await addressOf(1, '1.1.1.1, 203.0.113.9')).toBe('203.0.113.9');
    // A CDN, then nginx: the CDN saw the client, nginx saw the CDN.
    expect(await addressOf(2, '1.1.1.1, 203.0.113.9, 198.51.100.7')).toBe('203.0.113.9');
  });

  it('falls back to the peer when the header is missing or shorter than the trusted chain', async () => {
    expect(await addressOf(1)).toBe('local');
    expect(await addressOf(3, '203.0.113.9')).toBe('local');
  });
});
