// The console in a real browser (Debian's Chromium through playwright-core):
// log in on a phone-sized screen, see a crisis message sent through the web
// chat arrive in the queue without a reload, acknowledge and resolve it, and
// check that message text containing HTML is shown as text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { eventually } from '../../support/service.js';
import { startConsoleService, type ConsoleService } from './admin-service.js';
import { launchChromium, PHONE, SHOTS, watchPage } from './browser-support.js';

const HOSTILE = '<script>alert(1)</script><b>x</b>';
const CRISIS = `我真的不想活了，安眠药已经攒了一瓶 ${HOSTILE}`;

describe('the console in Chromium', () => {
  let db: TestDatabase;
  let app: ConsoleService;
  let browser: Browser;
  let password = '';
  const problems: string[] = [];

  const watch = (page: Page, name: string): Page => watchPage(page, problems, { ignoreConsole: /Failed to load resource/, name });

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    const seeded = await seedDemo(db.prisma);
    if (!seeded.seeded) throw new Error('the demo did not seed');
    password = seeded.logins.find((l) => l.login === 'caseworker')?.password ?? '';
    [app, browser] = await Promise.all([
      startConsoleService(db),
      launchChromium(),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.destroy();
  });

  it('login → live crisis → acknowledge → resolve, with message HTML shown as text', async () => {
    const staffContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const staff = watch(await staffContext.newPage(), 'console');

    // Log in (the queue sends an anonymous visitor to the login page first).
    await staff.goto(`${app.url}/admin/escalations`);
    await expect.poll(() => new URL(staff.url()).pathname).toBe('/admin/login');
    await staff.screenshot({ path: `${SHOTS}console-login.png`, fullPage: true });
    await staff.fill('input[name=login]', 'caseworker');
    await staff.fill('input[name=password]', password);
    await Promise.all([staff.waitForURL(/\/admin\/escalations$/), staff.click('button[type=submit]')]);
    await staff.waitForSelector('#live-status.on', { timeout: 10_000 });
    await staff.click('h1'); // a tap lets the page play its alert sound
    await staff.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await staff.screenshot({ path: `${SHOTS}console-queue-empty.png`, fullPage: true });

    // A crisis message from the participant's own browser, through the web chat.
    const chatContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const chat = watch(await chatContext.newPage(), 'chat');
    await chat.goto(`${app.url}/chat`);
    await chat.click('button.as[data-kind=participant]');
    await chat.waitForSelector('#demo', { state: 'hidden' });
    await chat.fill('#text', CRISIS);
    await chat.click('#send button[type=submit]');
    const escalation = await eventually(
      async () => (await db.prisma.escalation.findFirst({ where: { status: 'OPEN' }, orderBy: { openedAt: 'desc' } })) ?? undefined,
      15_000,
      'an escalation',
    );
    expect(escalation.level).toBeGreaterThanOrEqual(3);
    await chat.waitForSelector('.msg.bot >> text=12356', { timeout: 10_000 });
    await chat.screenshot({ path: `${SHOTS}chat-crisis.png`, fullPage: true });

    // The queue shows it without a reload, with the banner for level ≥ 3.
    const item = staff.locator(`li.esc[data-id="${escalation.id}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await staff.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await staff.waitForSelector('#alert-banner:not([hidden])');
    expect(await staff.textContent('#alert-text')).toContain(`#${escalation.number}`);
    expect(await staff.getAttribute('#alert-banner', 'data-beeped')).toBe('true');
    // Shown as text: the literal characters, no element made from them, no alert.
    expect(await item.locator('.excerpt').textContent()).toContain(HOSTILE);
    expect(await item.locator('.excerpt b, .excerpt script').count()).toBe(0);
    await staff.screenshot({ path: `${SHOTS}console-queue-alert.png`, fullPage: true });

    // Acknowledge and resolve from the detail page.
    await Promise.all([staff.waitForURL(new RegExp(`/admin/escalations/${escalation.id}$`)), item.locator('a').click()]);
    expect(await staff.locator('.excerpt-list .msg').last().textContent()).toContain(HOSTILE);
    expect(await staff.locator('.excerpt-list b').count()).toBe(0);
    await staff.screenshot({ path: `${SHOTS}console-escalation-open.png`, fullPage: true });
    await Promise.all([staff.waitForURL(/done=ack/), staff.click('#ack')]);
    expect(await staff.textContent('#status')).toBe('已确认');
    await staff.selectOption('select[name=outcome]', 'CONTACTED');
    await staff.fill('#resolve-form textarea[name=note]', '已电话联系，本人安全，明天上门');
    await Promise.all([staff.waitForURL(/done=resolve/), staff.click('#resolve')]);
    expect(await staff.textContent('#status')).toBe('已处理');
    await staff.screenshot({ path: `${SHOTS}console-escalation-resolved.png`, fullPage: true });

    const resolved = await db.prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id }, include: { events: true } });
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcome: 'CONTACTED', resolutionNote: '已电话联系，本人安全，明天上门' });
    expect(resolved.events.map((e) => e.type)).toEqual(expect.arrayContaining(['OPENED', 'ACKNOWLEDGED', 'RESOLVED']));
    const audit = await db.prisma.auditLog.findMany({ where: { OR: [{ targetId: escalation.id }, { targetId: escalation.participantId }] } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['view-messages', 'escalation.acknowledge', 'escalation.resolve']));

    // Back in the queue it is gone.
    await staff.goto(`${app.url}/admin/escalations`);
    expect(await staff.locator(`li.esc[data-id="${escalation.id}"]`).count()).toBe(0);
    await staff.screenshot({ path: `${SHOTS}console-queue-after.png`, fullPage: true });

    expect(problems).toEqual([]);
    await staffContext.close();
    await chatContext.close();
  }, 60_000);
});
