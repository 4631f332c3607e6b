// Staff, reports and channel status in a real browser (Debian's Chromium):
// an admin on a phone-sized screen creates a caseworker, gets a linking code,
// reads the reports, exports a CSV and sees the WeChat login QR code.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../../src/channels/channel.js';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { startTestService } from '../../support/service.js';
import { launchChromium, logIn, PHONE, SHOTS, watchPage } from './browser-support.js';


/** WeChat waiting for its login scan: only the status matters to these pages. */
const waitingWechat: ChannelAdapter = {
  channel: 'WECHAT',
  capabilities: { choices: 'numbered', maxChoices: 9, maxChoiceLabelLength: 40, maxTextLength: 2000, phoneLinks: false },
  start: async () => undefined,
  stop: async () => undefined,
  send: async () => ({ ok: false, kind: 'retry', reason: 'not logged in' }),
  status: () => ({ channel: 'WECHAT', state: 'waiting-for-login', loginQrCode: 'https://login.weixin.qq.com/l/browser-test==', detail: 'scan with the service account' }),
};

describe('staff, reports and channel status in Chromium', () => {
  let db: TestDatabase;
  let service: Awaited<ReturnType<typeof startTestService>>;
  let browser: Browser;
  let password = '';
  const problems: string[] = [];

  const watch = (page: Page): Page => watchPage(page, problems);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    const seeded = await seedDemo(db.prisma);
    if (!seeded.seeded) throw new Error('the demo did not seed');
    password = seeded.logins.find((l) => l.login === 'admin')?.password ?? '';
    [service, browser] = await Promise.all([
      startTestService(db, {}, { channels: () => [waitingWechat] }),
      launchChromium(),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await db?.destroy();
  });

  it('creates a caseworker, links a chat, reads reports, exports CSV and shows the WeChat QR code', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN', acceptDownloads: true });
    const page = watch(await context.newPage());
    const url = service.http.url;

    await page.goto(`${url}/admin/login`);
    await logIn(page, { login: 'admin', password }, /\/admin\/escalations$/);

    // Staff: create a caseworker with a generated password, shown once.
    await page.click('a[href="/admin/staff"]');
    await page.waitForURL(/\/admin\/staff$/);
    await page.selectOption('select[name=role]', 'CASEWORKER');
    await page.selectOption('select[name=stationId]', { index: 1 }); // the demo station; admins may also pick none
    await page.fill('input[name=login]', 'browser.worker');
    await page.fill('input[name=displayName]', '<b>新</b>社工');
    await Promise.all([page.waitForLoadState('load'), page.click('#create-staff button[type=submit]')]);
    expect(await page.textContent('#initial-password')).toMatch(/^[A-Za-z0-9]{16}$/);
    await page.click('a[href^="/admin/staff/"]');
    expect(await page.textContent('h1')).toBe('<b>新</b>社工');
    await page.click('#issue-invite');
    await page.waitForSelector('#invite-code');
    expect(await page.textContent('#invite-code')).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await page.locator('#invite').textContent()).toContain('微信');
    await page.screenshot({ path: `${SHOTS}staff-invite.png`, fullPage: true });

    // Reports and a CSV export.
    await page.goto(`${url}/admin/reports`);
    await page.waitForSelector('#escalations table');
    await page.screenshot({ path: `${SHOTS}reports.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#check-ins a.button-link')]);
    expect(download.suggestedFilename()).toMatch(/^tongxing-check-ins-station-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await db.prisma.auditLog.count({ where: { action: 'report.export' } })).toBe(1);

    // Channel status: the QR code is an image that actually draws.
    await page.goto(`${url}/admin/channels`);
    const qr = page.locator('#wechat-qr');
    await qr.waitFor();
    expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}channel-status.png`, fullPage: true });

    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
