import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, type TestApp } from './world.js';

describeEachDatabase('security headers', (db) => {
  let plain: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    plain = await buildTestApp(db());
    https = await buildTestApp(db(), { publicUrl: 'https://console.example.org' });
  });
  afterAll(async () => {
    await plain?.stop();
    await https?.stop();
  });

  it.each(['/admin/login', '/admin/escalations', '/admin/assets/queue.js', '/api/v1/escalations'])('%s carries the CSP and friends', async (path) => {
    const response = await plain.app.request(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('pages are not cached; assets briefly', async () => {
    expect((await plain.app.request('/admin/login')).headers.get('cache-control')).toBe('no-store');
    const script = await plain.app.request('/admin/assets/queue.js');
    expect(script.headers.get('cache-control')).toBe('public, max-age=300');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await plain.app.request('/admin/assets/console.css')).headers.get('content-type')).toContain('text/css');
  });

  it('adds HSTS when the public URL is https', async () => {
    expect((await https.app.request('/admin/login')).headers.get('strict-transport-security')).toBe('max-age=15552000');
  });

  it('leaves the rest of the service alone', async () => {
    const health = await plain.app.request('/healthz');
    expect(health.headers.get('content-security-policy')).toBeNull();
    expect(health.headers.get('x-frame-options')).toBeNull();
  });
});
