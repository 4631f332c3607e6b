import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../src/channels/telegram/index.js';
import { systemClock } from '../../../src/core/clock.js';
import { Dispatcher } from '../../../src/outbox/dispatcher.js';
import { FakeTelegramApi } from '../../fakes/telegram-bot-api.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { eventually, testLogger } from '../../support/service.js';

/**
 * A process killed mid-round leaves outbound rows claimed (PENDING with a
 * claim for two minutes) or SENDING. On the embedded database the next
 * process is the only one, so those claims are void at once.
 */
describe('outbox after a restart on the embedded database', () => {
  let db: TestDatabase;
  let fake: FakeTelegramApi;
  let dispatcher: Dispatcher | undefined;

  beforeEach(async () => {
    fake = new FakeTelegramApi();
    await fake.start();
    db = await createTestDatabase('embedded');
  });
  afterEach(async () => {
    await dispatcher?.stop();
    await db.destroy();
    await fake.stop();
  });

  /** One row claimed by the dead run for a round that never ran, one it was sending when it died. */
  async function leftByADeadRun(): Promise<{ claimed: string; sending: string }> {
    const claimUntil = new Date(Date.now() + 120_000);
    const [a, b] = await Promise.all(
      ['7001', '7002'].map((chatId) => db.prisma.channelIdentity.create({ data: { channel: 'TELEGRAM', externalId: chatId, chatId } })),
    );
    const claimed = await db.prisma.outboxMessage.create({
      data: { channel: 'TELEGRAM', identityId: a!.id, payload: { text: '你不是一个人' }, priority: 0, lockedUntil: claimUntil },
    });
    const sending = await db.prisma.outboxMessage.create({
      data: { channel: 'TELEGRAM', identityId: b!.id, payload: { text: '提醒' }, priority: 5, status: 'SENDING', attempts: 1, lockedUntil: claimUntil },
    });
    return { claimed: claimed.id, sending: sending.id };
  }

  function startDispatcher(soleProcess: boolean): void {
    const telegram = createTelegramChannel({ token: fake.token, mode: 'polling', apiRoot: fake.url }, testLogger());
    dispatcher = new Dispatcher({ db, channels: new Map([['TELEGRAM', telegram]]), log: testLogger(), clock: systemClock, soleProcess });
    dispatcher.start();
  }

  it('as the only process, sends a row the dead run had claimed at once, and marks the one it was sending as failed, not sent twice', async () => {
    const rows = await leftByADeadRun();
    startDispatcher(true);
    await eventually(async () => ((await db.prisma.outboxMessage.findUnique({ where: { id: rows.claimed } }))?.status === 'SENT' ? true : undefined), 10_000, 'the claimed row sent');
    expect(fake.sentTo(7001).map((m) => m.text)).toEqual(['你不是一个人']);
    const sending = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: rows.sending } });
    expect(sending).toMatchObject({ status: 'FAILED', lastError: 'interrupted while sending; delivery unknown' });
    expect(fake.sentTo(7002)).toEqual([]);
  });

  it('where other processes may hold claims, leaves them until they expire', async () => {
    const rows = await leftByADeadRun();
    startDispatcher(false);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [claimed, sending] = await Promise.all([rows.claimed, rows.sending].map((id) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })));
    expect(claimed?.status).toBe('PENDING');
    expect(sending?.status).toBe('SENDING');
    expect(fake.sentMessages()).toEqual([]);
  });
});
