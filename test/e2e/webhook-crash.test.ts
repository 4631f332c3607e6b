import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedBenchPeople, timeOfDayAwayFromNow } from '../../bench/seed.js';
import { openEmbedded } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { FakeTelegramApi } from '../fakes/telegram-bot-api.js';
import { makeTextUpdate } from '../fakes/telegram-updates.js';
import { eventually } from '../support/service.js';
import { spawnService, type SpawnedService } from '../support/spawn-service.js';

const SECRET = 'crash-secret';
const running: SpawnedService[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
});

describe('the embedded service killed right after answering webhooks', () => {
  it('has stored every update it acknowledged, once, and answers each straight after a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tongxing-crash-e2e-'));
    const fake = new FakeTelegramApi();
    await fake.start();
    const env = {
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      WEB_CHAT_ENABLED: 'false',
      SCHEDULER_ENABLED: 'false',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: fake.url,
    };
    // Five participants linked on Telegram, so each message gets a reply through the outbox.
    const setup = await openEmbedded(path.join(dataDir, 'pgdata'));
    await migrate(setup.sql);
    const chats = (await seedBenchPeople(setup.prisma, 5, 1, timeOfDayAwayFromNow())).participantChats;
    await setup.close();
    try {
      const first = spawnService(env);
      running.push(first);
      const url = await first.ready();
      const statuses = await Promise.all(
        chats.map(async (chatId, i) => {
          const response = await fetch(`${url}/webhooks/telegram`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
            body: JSON.stringify(makeTextUpdate({ chatId, updateId: 9_000 + i, text: '今天还好，下午去上班' })),
          });
          return response.status;
        }),
      );
      // The moment the last one is acknowledged: stored and claimed by this process for a minute, not all handled yet.
      await first.stop('SIGKILL');
      expect(statuses).toEqual([200, 200, 200, 200, 200]);

      const second = spawnService(env);
      running.push(second);
      await second.ready();
      // Well inside the minute an earlier run's claim would otherwise hold the events.
      await eventually(async () => (chats.every((chatId) => fake.sentTo(chatId).length > 0) ? true : undefined), 30_000, 'a reply in every chat');
      expect(await second.stop('SIGTERM')).toBe(0);

      const db = await openEmbedded(path.join(dataDir, 'pgdata'));
      try {
        const events = await db.prisma.inboundEvent.findMany({ select: { eventKey: true, status: true } });
        // Telegram's event key is chat:message: one row per acknowledged update, each handled.
        expect(events.map((e) => e.eventKey.split(':')[0]).sort()).toEqual(chats.map(String).sort());
        expect(events.map((e) => e.status)).toEqual(Array(5).fill('PROCESSED'));
        expect(await db.prisma.message.count({ where: { direction: 'INBOUND' } })).toBe(5);
      } finally {
        await db.close();
      }
    } finally {
      await fake.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
