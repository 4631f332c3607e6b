import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createInvite } from '../../../src/linking/invites.js';
import type { RunningService } from '../../../src/service.js';
import { FakeTelegramApi, makeCallbackUpdate, makePhotoUpdate, makeTextUpdate } from '../../fakes/telegram-bot-api.js';
import { describeEachDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';

const SECRET = 'tg-e2e-secret';

describeEachDatabase('Telegram end to end: webhook → inbox → pipeline → outbox → Bot API', (db) => {
  const fake = new FakeTelegramApi();
  let service: RunningService;
  let webhook: string;
  const chatId = 424242;

  async function post(update: Update | string, secret = SECRET): Promise<number> {
    const response = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: typeof update === 'string' ? update : JSON.stringify(update),
    });
    return response.status;
  }

  beforeAll(async () => {
    await fake.start();
    await seedDemo(db().prisma);
    service = await startTestService(db(), {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: fake.url,
      PUBLIC_URL: 'https://tx.example.org',
    });
    webhook = `${service.http.url}/webhooks/telegram`;
  });

  afterAll(async () => {
    await service?.stop();
    await fake.stop();
  });

  it('registers the webhook with the secret at start', async () => {
    await fake.waitFor((r) => r.apiMethod === 'setWebhook', 5000);
    expect(fake.webhook?.url).toBe('https://tx.example.org/webhooks/telegram');
    expect(fake.webhook?.secretToken).toBe(SECRET);
  });

  it('reports the bot username from getMe, for invite links', async () => {
    await fake.waitFor((r) => r.apiMethod === 'getMe', 5000);
    await eventually(async () => service.channels.get('TELEGRAM')?.status().botUsername, 5000, 'the bot username');
    expect(service.channels.get('TELEGRAM')?.status().botUsername).toBe(fake.botUser.username);
  });

  it('answers 401 to a missing or wrong secret and stores nothing; 400 to malformed JSON', async () => {
    const update = makeTextUpdate({ chatId, text: 'hi' });
    expect(await post(update, '')).toBe(401);
    expect(await post(update, 'wrong')).toBe(401);
    expect(await post('{not json')).toBe(400);
    expect(await db().prisma.inboundEvent.count({ where: { channel: 'TELEGRAM' } })).toBe(0);
  });

  it('links through a /start deep link and replies once, even when Telegram redelivers', async () => {
    const participant = await db().prisma.participant.findFirstOrThrow({ where: { track: 'DEPENDENT' } });
    const { code } = await createInvite(db().prisma, { participantId: participant.id }, { now: new Date() });
    const update = makeTextUpdate({ chatId, text: `/start ${code.replace('-', '')}` });
    expect(await post(update)).toBe(200);
    expect(await post(update)).toBe(200);
    const [notice] = await fake.waitForSentTo(chatId, 1, 10_000);
    expect(notice?.text).toContain('已连接，刘强');
    await service.inbox.drained();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.sentTo(chatId)).toHaveLength(1);
  });

  it('sends the crisis reply first and the caseworker alert with an ACK button', async () => {
    const caseworker = await db().prisma.staffUser.findUniqueOrThrow({ where: { login: 'caseworker' } });
    await db().prisma.channelIdentity.create({ data: { channel: 'TELEGRAM', externalId: '7777', chatId: '7777', staffUserId: caseworker.id } });
    expect(await post(makeTextUpdate({ chatId, text: '今晚想从楼上跳下去，一了百了' }))).toBe(200);
    const sent = await fake.waitForSentTo(chatId, 2, 10_000);
    expect(sent[1]?.text).toMatch(/120/);
    const [alert] = await fake.waitForSentTo(7777, 1, 10_000);
    expect(alert?.text).toMatch(/紧急预警|高危预警/);
    const button = (alert?.replyMarkup as { inline_keyboard: { callback_data: string }[][] } | undefined)?.inline_keyboard[0]?.[0];
    expect(button?.callback_data).toMatch(/^ack:\d+$/);

    // The caseworker taps ACK.
    expect(await post(makeCallbackUpdate({ chatId: 7777, data: button?.callback_data ?? '' }))).toBe(200);
    await eventually(async () => ((await db().prisma.escalation.findFirst({ where: { status: 'ACKNOWLEDGED' } })) ?? undefined));
    await fake.waitFor((r) => r.apiMethod === 'answerCallbackQuery', 5000);
  });

  it('asks for text when a photo arrives', async () => {
    expect(await post(makePhotoUpdate({ chatId }))).toBe(200);
    const sent = await fake.waitForSentTo(chatId, 3, 10_000);
    expect(sent[2]?.text).toContain('只能看懂文字');
  });

  it('honours retry_after after a 429 and delivers once', async () => {
    fake.failNext(1, { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }, { method: 'sendMessage' });
    const before = fake.sentTo(chatId).length;
    const started = Date.now();
    expect(await post(makeTextUpdate({ chatId, text: '周四几点尿检？' }))).toBe(200);
    await fake.waitForSentTo(chatId, before + 1, 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.sentTo(chatId)).toHaveLength(before + 1);
  });

  it('marks a blocked user unreachable and tells the caseworker', async () => {
    fake.blockChat(chatId);
    const identity = await db().prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'TELEGRAM', externalId: String(chatId) } });
    await db().prisma.outboxMessage.create({ data: { channel: 'TELEGRAM', identityId: identity.id, payload: { text: '提醒：明天尿检' }, priority: 7 } });
    service.dispatcher.wake();
    await eventually(async () => {
      const row = await db().prisma.channelIdentity.findUniqueOrThrow({ where: { id: identity.id } });
      return row.reachable ? undefined : row;
    }, 10_000, 'the identity to become unreachable');
    expect(await db().prisma.caseworkerTask.count({ where: { kind: 'UNREACHABLE', participantId: identity.participantId } })).toBe(1);
  });

  it('holds 30 messages a second overall and never gets a 429 from bulk sends', async () => {
    const identities = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        db().prisma.channelIdentity.create({ data: { channel: 'TELEGRAM', externalId: `bulk-${i}`, chatId: String(900_000 + i), staffUserId: null } }),
      ),
    );
    const before = fake.tooManyRequestsCount;
    const started = Date.now();
    await db().prisma.outboxMessage.createMany({
      data: identities.map((identity) => ({ channel: 'TELEGRAM' as const, identityId: identity.id, payload: { text: '本周六上午九点集中教育' }, priority: 9 })),
    });
    service.dispatcher.wake();
    await eventually(async () => ((await db().prisma.outboxMessage.count({ where: { priority: 9, status: 'SENT' } })) === 60 ? true : undefined), 20_000, '60 sends');
    // 60 messages at 30/s with a burst of 30 take at least a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.tooManyRequestsCount).toBe(before);
  });
});
