// The People pages in a real browser (Debian's Chromium through
// playwright-core), phone-sized: log in, create a participant whose name
// contains HTML, see it shown as text, issue an invite and see the code and
// its QR code; screenshots of the list, the participant page and the invite.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { startTestService } from '../../support/service.js';
import { telegramReportingUsername } from '../../integration/admin/people-support.js';
import type { RunningService } from '../../../src/service.js';
import { launchChromium, logIn, PHONE, SHOTS, watchPage } from './browser-support.js';

const HOSTILE = '<script>alert(1)</script><b>x</b>';
const NAME = `小王${HOSTILE}`;

describe('the People pages in Chromium', () => {
  let db: TestDatabase;
  let service: RunningService;
  let url = '';
  let browser: Browser;
  let password = '';
  const problems: string[] = [];

  const watch = (page: Page): Page => watchPage(page, problems);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    const seeded = await seedDemo(db.prisma);
    if (!seeded.seeded) throw new Error('the demo did not seed');
    password = seeded.logins.find((l) => l.login === 'caseworker')?.password ?? '';
    [service, browser] = await Promise.all([
      // Telegram stands in with a bot username, so the invite has a deep link and a QR code.
      startTestService(db, {}, { channels: () => [telegramReportingUsername()] }),
      launchChromium(),
    ]);
    url = service.http.url;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await db?.destroy();
  });

  it('log in → people → create a participant → invite with code and QR code; names shown as text', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = watch(await context.newPage());

    await page.goto(`${url}/admin/people`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
    await logIn(page, { login: 'caseworker', password }, /\/admin\/people$/);
    expect(await page.locator('li.person').count()).toBe(3);
    await page.screenshot({ path: `${SHOTS}people-list.png`, fullPage: true });

    // Create a participant.
    await Promise.all([page.waitForURL(/\/admin\/people\/new$/), page.click('#new-person')]);
    await page.fill('input[name=displayName]', NAME);
    await page.fill('input[name=phone]', '13800138000');
    await page.selectOption('select[name=track]', 'DEPENDENT');
    await page.selectOption('select[name=riskTier]', 'HIGH');
    await page.fill('input[name=recoveryStartDate]', '2026-01-10');
    await Promise.all([page.waitForURL(/\/admin\/people\/[0-9a-f-]+\?done=created$/), page.click('#save-participant')]);
    const id = /\/admin\/people\/([0-9a-f-]+)\?/.exec(page.url())?.[1] ?? '';
    const row = await db.prisma.participant.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ displayName: NAME, track: 'DEPENDENT', riskTier: 'HIGH' });

    // The name is text: the literal characters, no element made from them, no alert.
    expect(await page.textContent('#person-name')).toBe(NAME);
    expect(await page.locator('#person-name b, #person-name script').count()).toBe(0);

    // Some history for the timeline and the chart, then the participant page.
    const day = 24 * 3600_000;
    for (let i = 0; i < 12; i++) {
      await db.prisma.checkIn.create({
        data: { participantId: id, mood: 2 + (i % 4), craving: Math.max(0, 8 - i), usedSinceLast: i === 2, createdAt: new Date(Date.now() - (12 - i) * 2 * day) },
      });
    }
    await db.prisma.message.create({ data: { direction: 'INBOUND', channel: 'WEB', participantId: id, text: `今天还好 ${HOSTILE}`, createdAt: new Date(Date.now() - day) } });
    await page.goto(`${url}/admin/people/${id}`);
    expect(await page.locator('#mood-chart circle.dot.mood').count()).toBe(12);
    expect(await page.locator('.timeline .msg').first().textContent()).toContain(HOSTILE);
    expect(await page.locator('.timeline b, .timeline script').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}people-participant.png`, fullPage: true });

    // An invite code with the Telegram link and its QR code.
    await Promise.all([page.waitForURL(new RegExp(`/admin/people/${id}/invites$`)), page.click('#invite-person')]);
    const code = (await page.textContent('#invite-code'))?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const qr = page.locator('#invite-qr');
    await qr.waitFor();
    const loaded = await qr.evaluate((element) => {
      const img = element as unknown as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth > 0;
    });
    expect(loaded).toBe(true);
    expect(await page.getAttribute('#telegram-link', 'href')).toContain(`?start=${code.replace('-', '')}`);
    await page.screenshot({ path: `${SHOTS}people-invite.png`, fullPage: true });

    // Back in the list, the new person is there, their name as text.
    await page.goto(`${url}/admin/people?q=13800138000`);
    const item = page.locator(`li.person[data-id="${id}"]`);
    expect(await item.locator('.person-name').textContent()).toBe(NAME);
    expect(await page.locator('li.person').count()).toBe(1);

    const audit = await db.prisma.auditLog.findMany({ where: { OR: [{ targetId: id }] } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['participant.create', 'view-messages', 'invite.create']));
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
