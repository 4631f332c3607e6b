import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../src/channels/telegram/index.js';
import { systemClock } from '../../../src/core/clock.js';
import { openPostgres, type Database } from '../../../src/db/client.js';
import { Dispatcher } from '../../../src/outbox/dispatcher.js';
import { FakeTelegramApi } from '../../fakes/telegram-bot-api.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { eventually, testLogger } from '../../support/service.js';

/**
 * Two service instances on one PostgreSQL: one dispatcher leads, every row
 * is sent once, and the bot-wide rate limit holds.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('outbox with two instances on PostgreSQL', () => {
  const fake = new FakeTelegramApi();
  let db: TestDatabase;
  let second: Database;
  const dispatchers: Dispatcher[] = [];

  beforeAll(async () => {
    await fake.start();
    db = await createTestDatabase('postgresql');
    const url = await db.sql.query<{ db: string }>('SELECT current_database() AS db');
    const base = new URL(process.env.TEST_DATABASE_URL as string);
    base.pathname = `/${url[0]?.db}`;
    second = openPostgres(base.toString(), 3);
    for (const database of [db, second]) {
      const channel = createTelegramChannel({ token: fake.token, mode: 'polling', apiRoot: fake.url }, testLogger());
      dispatchers.push(
        new Dispatcher({ db: database, channels: new Map([['TELEGRAM', channel]]), log: testLogger(), clock: systemClock }),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await second?.close();
    await db?.destroy();
    await fake.stop();
  });

  it('sends each of 90 rows exactly once, never faster than 30 per second', async () => {
    const identities = await Promise.all(
      Array.from({ length: 90 }, (_, i) =>
        db.prisma.channelIdentity.create({ data: { channel: 'TELEGRAM', externalId: `u${i}`, chatId: String(700_000 + i) } }),
      ),
    );
    await db.prisma.outboxMessage.createMany({
      data: identities.map((identity) => ({ channel: 'TELEGRAM' as const, identityId: identity.id, payload: { text: '通知' }, priority: 9 })),
    });
    for (const dispatcher of dispatchers) dispatcher.start();
    await eventually(async () => ((await db.prisma.outboxMessage.count({ where: { status: 'SENT' } })) === 90 ? true : undefined), 30_000, '90 sends');
    const sent = fake.sentMessages();
    expect(sent).toHaveLength(90);
    expect(new Set(sent.map((m) => m.chatId)).size).toBe(90);
    expect(fake.tooManyRequestsCount).toBe(0);
  });
});
