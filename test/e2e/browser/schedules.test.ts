// The schedules page in Chromium on a phone-sized screen: the demo station's
// week with its reminders, then a new urine test created through the form.
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { startConsoleService, type ConsoleService } from './admin-service.js';
import { launchChromium, logIn, PHONE, SHOTS } from './browser-support.js';


describe('the schedules page in Chromium', () => {
  let db: TestDatabase;
  let app: ConsoleService;
  let browser: Browser;
  let password = '';

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    const seeded = await seedDemo(db.prisma);
    if (!seeded.seeded) throw new Error('the demo did not seed');
    password = seeded.logins.find((l) => l.login === 'caseworker')?.password ?? '';
    [app, browser] = await Promise.all([startConsoleService(db), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.destroy();
  });

  it('shows the demo week with reminders, and creates a urine test that appears in its day', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });

    await page.goto(`${app.url}/admin/schedules`);
    await logIn(page, { login: 'caseworker', password }, /\/admin\/schedules$/);
    expect(await page.locator('section.day').count()).toBe(7);
    // The week holding tomorrow: the demo's coming doses and tests, each with what goes out (planned or expected).
    const tomorrow = DateTime.now().setZone('Asia/Shanghai').plus({ days: 1 }).toISODate() ?? '';
    await page.goto(`${app.url}/admin/schedules?view=week&week=${tomorrow}`);
    expect(await page.locator('li.appt').count()).toBeGreaterThan(0);
    expect(await page.locator('li.rem').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}schedules-week.png`, fullPage: true });

    const day = DateTime.now().setZone('Asia/Shanghai').plus({ days: 2 }).toISODate() ?? '';
    await page.click('#new-appointment');
    await page.waitForURL(/\/admin\/schedules\/new/);
    await page.selectOption('select[name=kind]', 'URINE_TEST');
    await page.fill('input[name=date]', day);
    await page.fill('input[name=time]', '10:15');
    await page.fill('input[name=place]', '浏览器测试 尿检室');
    await page.locator('input[name=attendees]').first().check();
    await page.screenshot({ path: `${SHOTS}schedules-new.png`, fullPage: true });
    await Promise.all([page.waitForURL(/done=created/), page.click('#create')]);

    const column = page.locator(`section.day[data-date="${day}"]`);
    const created = column.locator('li.appt', { hasText: '浏览器测试 尿检室' });
    await expect.poll(() => created.count()).toBe(1);
    expect(await created.locator('li.rem').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}schedules-created.png`, fullPage: true });

    await created.locator('a.appt-link').click();
    await page.waitForURL(/\/admin\/schedules\/appointments\//);
    expect(await page.locator('#move-form').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}schedules-appointment.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
