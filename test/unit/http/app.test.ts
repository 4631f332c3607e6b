import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../src/http/app.js';
import { createLogger } from '../../../src/log/logger.js';

const log = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

function app(isReady: () => Promise<string | undefined> = async () => undefined) {
  const created = createHttpApp({ log, bodyLimitBytes: 1024, isReady });
  created.post('/echo', async (c) => c.json({ length: (await c.req.text()).length }));
  return created;
}

describe('HTTP app', () => {
  it('answers health and readiness', async () => {
    expect((await app().request('/healthz')).status).toBe(200);
    const ready = await app().request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while migrations are pending or the database is down', async () => {
    const pending = await app(async () => '1 migration(s) not applied').request('/readyz');
    expect(pending.status).toBe(503);
    expect(await pending.json()).toEqual({ status: 'unavailable', reason: '1 migration(s) not applied' });
    const down = await app(async () => {
      throw new Error('connect ECONNREFUSED');
    }).request('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
  });

  it('rejects bodies over the limit with 413 and accepts smaller ones', async () => {
    const big = await app().request('/echo', { method: 'POST', body: 'x'.repeat(2048) });
    expect(big.status).toBe(413);
    const small = await app().request('/echo', { method: 'POST', body: 'x'.repeat(100) });
    expect(await small.json()).toEqual({ length: 100 });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app().request('/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'not found' } });
  });
});
