import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChannelStatus } from '../../../src/channels/channel.js';
import { describeEachDatabase } from '../../support/database.js';
import { statusOnlyAdapter } from './staff-fixtures.js';
import { buildTestApp, buildWorld, get, signIn, type TestApp, type World } from './world.js';

const NOW = new Date('2026-03-20T12:00:00Z');
const HOSTILE = '<img src=x onerror=alert(1)>';

describeEachDatabase('console: channel status', (db) => {
  let t: TestApp;
  let world: World;
  let wechat: Omit<ChannelStatus, 'channel'>;

  beforeAll(async () => {
    world = await buildWorld(db());
    wechat = { state: 'waiting-for-login', loginQrCode: 'https://login.weixin.qq.com/l/abc123==' };
    const channels = new Map([
      ['TELEGRAM', statusOnlyAdapter('TELEGRAM', () => ({ state: 'running', webhookUrl: 'https://tx.example.org/webhooks/telegram', lastEventAt: '2026-03-20T11:50:00.000Z' }))],
      ['LINE', statusOnlyAdapter('LINE', () => ({ state: 'error', webhookUrl: 'https://tx.example.org/webhooks/line', detail: `LINE said 401 ${HOSTILE}` }))],
      ['WECHAT', statusOnlyAdapter('WECHAT', () => wechat)],
    ]);
    t = await buildTestApp(db(), { channels, clock: { now: () => NOW } });
  });
  afterAll(async () => t?.stop());

  it('shows each channel: state, webhook URL, last event in station time, detail as text', async () => {
    const admin = await signIn(db(), world.staff.admin.id);
    const response = await t.app.request('/admin/channels', get(admin));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('https://tx.example.org/webhooks/telegram');
    expect(html).toContain('Running');
    expect(html).toContain('2026-03-20 19:50 (10 min ago)'); // Asia/Shanghai
    expect(html).toContain('Error');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('LINE said 401 &lt;img src=x onerror=alert(1)&gt;');
  });

  it('while WeChat waits for a scan: its QR code as a server-drawn SVG image and a Refresh header, no script', async () => {
    const supervisor = await signIn(db(), world.staff.supervisor.id);
    const response = await t.app.request('/admin/channels', get(supervisor));
    expect(response.status).toBe(200);
    expect(response.headers.get('refresh')).toBe('15');
    const html = await response.text();
    const src = /<img class="qr" src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"[^>]*id="wechat-qr"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const svg = Buffer.from(src ?? '', 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toContain('abc123'); // the payload is drawn, not embedded as text
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
    expect(html).toContain('等待扫码登录');

    wechat = { state: 'running', lastEventAt: '2026-03-20T11:59:00.000Z' };
    const after = await t.app.request('/admin/channels', get(supervisor));
    expect(after.headers.get('refresh')).toBeNull();
    expect(await after.text()).not.toContain('id="wechat-qr"');
  });

  it('is for admins and supervisors only', async () => {
    for (const role of ['caseworker', 'colleague', 'otherStation'] as const) {
      const browser = await signIn(db(), world.staff[role].id);
      expect((await t.app.request('/admin/channels', get(browser))).status).toBe(403);
    }
    expect((await t.app.request('/admin/channels')).status).toBe(302);
  });

  it('a status() that throws shows as an error instead of breaking the page', async () => {
    const broken = statusOnlyAdapter('TELEGRAM', () => {
      throw new Error('adapter exploded');
    });
    const other = await buildTestApp(db(), { channels: new Map([['TELEGRAM', broken]]) });
    try {
      const admin = await signIn(db(), world.staff.admin.id);
      const html = await (await other.app.request('/admin/channels', get(admin))).text();
      expect(html).toContain('adapter exploded');
      expect(html).toContain('state-error');
    } finally {
      await other.stop();
    }
  });
});
