import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createConversationEngine } from '../../../src/conversation/index.js';
import { DEFAULT_ACK_POLICY } from '../../../src/escalation/policy.js';
import type { Responder } from '../../../src/pipeline/responder.js';
import type { RunningService } from '../../../src/service.js';
import { FakeTelegramApi } from '../../fakes/telegram-bot-api.js';
import { describeEachDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';

const SECRET = 'batch-secret';
const CHAT_BASE = 7_100_000;
const PEOPLE = 40;

/** The real engine, except that a message saying exactly "boom" makes it throw. */
function failingOnBoom(engine: Responder): Responder {
  return {
    prepare: (tx, senders, now) => engine.prepare?.(tx, senders, now) ?? Promise.resolve(),
    async respond(tx, turn) {
      if (turn.text === 'boom') throw new Error('the responder failed');
      return engine.respond(tx, turn);
    },
  };
}

describeEachDatabase('inbound batches: many chats in one transaction', (db) => {
  const fake = new FakeTelegramApi({ limits: { globalPerSecond: 1000, perChatPerSecond: 100, perChatBurst: 100 } });
  let service: RunningService;
  const chats = Array.from({ length: PEOPLE }, (_, i) => CHAT_BASE + i);

  beforeAll(async () => {
    await fake.start();
    const prisma = db().prisma;
    const station = await prisma.station.create({ data: { name: 'Batch station', region: 'CN-Test', timezone: 'Asia/Shanghai' } });
    const caseworker = await prisma.staffUser.create({
      data: { stationId: station.id, role: 'CASEWORKER', login: `batch-cw-${randomUUID()}`, displayName: 'CW', passwordHash: 'x' },
    });
    for (const [i, chat] of chats.entries()) {
      await prisma.participant.create({
        data: {
          stationId: station.id,
          caseworkerId: caseworker.id,
          pseudonym: `BT-${i}`,
          displayName: `Person ${i}`,
          programme: 'COMMUNITY_REHAB',
          track: 'ABSTINENT',
          programmeStart: new Date('2026-01-01'),
          consentAt: new Date(),
          identities: { create: { channel: 'TELEGRAM', externalId: String(chat), chatId: String(chat) } },
        },
      });
    }
    const engine = createConversationEngine({ escalation: { policy: DEFAULT_ACK_POLICY, consoleUrl: undefined }, clock: { now: () => new Date() } });
    service = await startTestService(
      db(),
      { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url, INBOX_CONCURRENCY: '1' },
      { responder: failingOnBoom(engine) },
    );
  });

  afterAll(async () => {
    await service?.stop();
    await fake.stop();
  });

  /**
   * A backlog: events stored as a webhook stores them but not yet claimed
   * (as after a restart), then taken up all at once by the inbox's recovery.
   */
  async function backlog(texts: string[]): Promise<void> {
    // The inbox's own start-up recovery must not take this backlog before the test's recover does.
    await service.inbox.drained();
    const now = new Date();
    await db().prisma.inboundEvent.createMany({
      data: texts.map((text, i) => {
        const chat = String(chats[i]);
        const eventKey = `batch:${randomUUID()}`;
        return {
          channel: 'TELEGRAM' as const,
          eventKey,
          payload: { channel: 'TELEGRAM', eventKey, externalUserId: chat, chatId: chat, kind: 'text', text, sentAt: now.toISOString() },
          status: 'PENDING' as const,
          attempts: 0,
          receivedAt: now,
        };
      }),
    });
    expect(await service.inbox.recover()).toBe(texts.length);
    await service.inbox.drained();
  }

  it('answers a backlog from many people, each once and correctly, in fewer transactions than messages', async () => {
    await backlog(chats.map((_, i) => (i === 7 ? '我刚把一整瓶安眠药都吃了' : '你好')));
    await eventually(async () => (chats.every((chat) => fake.sentTo(chat).length >= 1) ? true : undefined), 15_000, 'a reply in every chat');

    for (const [i, chat] of chats.entries()) {
      const replies = fake.sentTo(chat);
      expect(replies).toHaveLength(1);
      // Each answer is addressed to its own person: no reply crossed into another chat of the batch.
      if (i === 7) expect(replies[0]?.text).toMatch(/120/);
      else expect(replies[0]?.text).toContain(`Person ${i}`);
    }
    const events = await db().prisma.inboundEvent.findMany({ where: { channel: 'TELEGRAM', eventKey: { startsWith: 'batch:' } } });
    expect(events).toHaveLength(PEOPLE);
    expect(events.every((e) => e.status === 'PROCESSED')).toBe(true);
    // Events handled in one transaction share its processedAt: 40 events in two batches of at most 32.
    expect(new Set(events.map((e) => e.processedAt?.getTime())).size).toBe(2);
    expect(await db().prisma.message.count({ where: { direction: 'INBOUND', channel: 'TELEGRAM' } })).toBe(PEOPLE);
    const escalations = await db().prisma.escalation.findMany({ include: { participant: true } });
    expect(escalations.map((e) => e.participant.pseudonym)).toEqual(['BT-7']);
  });

  it('handles the rest of a batch one by one when one event fails, and retries only that one', async () => {
    const before = new Map(chats.map((chat) => [chat, fake.sentTo(chat).length]));
    await backlog(chats.map((_, i) => (i === 3 ? 'boom' : '谢谢')));
    const others = chats.filter((_, i) => i !== 3);
    await eventually(async () => (others.every((chat) => fake.sentTo(chat).length > (before.get(chat) ?? 0)) ? true : undefined), 15_000, 'replies');
    for (const chat of others) expect(fake.sentTo(chat).slice(before.get(chat) ?? 0)).toHaveLength(1);
    expect(fake.sentTo(chats[3] ?? 0).length).toBe(before.get(chats[3] ?? 0));

    const failed = await db().prisma.inboundEvent.findMany({ where: { status: 'PENDING', lastError: { not: null } } });
    expect(failed).toHaveLength(1);
    expect(failed[0]?.lastError).toBe('Error');
    // Its message was not stored: the failed transaction left nothing behind.
    expect(await db().prisma.message.count({ where: { direction: 'INBOUND', text: 'boom' } })).toBe(0);
    expect(await db().prisma.message.count({ where: { direction: 'INBOUND', text: '谢谢' } })).toBe(PEOPLE - 1);
  });
});
