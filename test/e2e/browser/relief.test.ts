// The relief board in Chromium on a phone-sized screen: a caseworker moves a
// request from "new" to "in progress" on the board, then to "submitted"
// with a note from its page, and the person's message is queued.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { OutboxPayloadSchema } from '../../../src/outbox/outbox-payload.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { startConsoleService, type ConsoleService } from './admin-service.js';
import { launchChromium, logIn, PHONE, SHOTS, watchPage } from './browser-support.js';


describe('the relief board in Chromium', () => {
  let db: TestDatabase;
  let app: ConsoleService;
  let browser: Browser;
  let password = '';
  let requestId = '';
  let identityId = '';
  const problems: string[] = [];

  const watch = (page: Page): Page => watchPage(page, problems);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    const seeded = await seedDemo(db.prisma);
    if (!seeded.seeded) throw new Error('the demo did not seed');
    password = seeded.logins.find((l) => l.login === 'caseworker')?.password ?? '';
    const caseworker = await db.prisma.staffUser.findUniqueOrThrow({ where: { login: 'caseworker' } });
    const person = await db.prisma.participant.findFirstOrThrow({ where: { caseworkerId: caseworker.id }, orderBy: { createdAt: 'asc' } });
    await db.prisma.participant.update({ where: { id: person.id }, data: { locale: 'zh-CN' } });
    identityId = (await db.prisma.channelIdentity.create({ data: { channel: 'TELEGRAM', externalId: 'relief-e2e', chatId: 'relief-e2e', participantId: person.id } })).id;
    requestId = (
      await db.prisma.reliefRequest.create({
        data: { participantId: person.id, program: 'TEMPORARY_RELIEF', answers: { sudden: true, basicNeeds: true, noOtherHelp: false } },
      })
    ).id;
    [app, browser] = await Promise.all([startConsoleService(db), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.destroy();
  });

  it('moves a request on the board and from its page, and the person is told', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = watch(await context.newPage());
    await page.goto(`${app.url}/admin/login?next=%2Fadmin%2Frelief`);
    await logIn(page, { login: 'caseworker', password }, /\/admin\/relief$/);

    const card = (status: string) => page.locator(`#col-${status} li.relief-card[data-id="${requestId}"]`);
    await card('NEW').waitFor();
    expect(await card('NEW').locator('.program').textContent()).toBe('临时救助');
    await card('NEW').locator('summary').click();
    expect(await card('NEW').locator('.prescreen li').count()).toBe(3);
    await page.screenshot({ path: `${SHOTS}relief-board.png`, fullPage: true });

    // Move it on the board.
    await card('NEW').locator('select[name=to]').selectOption('IN_PROGRESS');
    await Promise.all([page.waitForURL(/done=queued/), card('NEW').locator('button[type=submit]').click()]);
    await card('IN_PROGRESS').waitFor();
    expect(await card('NEW').count()).toBe(0);
    expect(await page.textContent('.flash.ok')).toContain('消息已排队发给本人（1 个聊天账号）');
    await page.screenshot({ path: `${SHOTS}relief-board-moved.png`, fullPage: true });

    // Then from its own page, with a note to the person.
    await Promise.all([page.waitForURL(new RegExp(`/admin/relief/${requestId}$`)), card('IN_PROGRESS').locator('a.relief-link').click()]);
    await page.selectOption('select[name=to]', 'SUBMITTED');
    await page.fill('textarea[name=note]', '材料已经交到民政所，大约两周出结果。');
    await Promise.all([page.waitForURL(/done=queued/), page.click('.move-form button[type=submit]')]);
    expect(await page.textContent('#status')).toBe('已递交');
    expect(await page.locator('.history li').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}relief-detail.png`, fullPage: true });

    const texts = (await db.prisma.outboxMessage.findMany({ where: { identityId }, orderBy: [{ createdAt: 'asc' }, { nextAttemptAt: 'asc' }] })).map((r) => OutboxPayloadSchema.parse(r.payload).text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('社工正在帮你准备材料');
    expect(texts[1]).toContain('已经交上去了');
    expect(texts[1]).toContain('社工留言：材料已经交到民政所，大约两周出结果。');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
