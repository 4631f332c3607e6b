// Proves update delivery (long polling and webhook) with a real Telegraf bot.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Telegraf, Telegram, TelegramError } from 'telegraf';
import {
  FakeTelegramApi,
  makeCallbackUpdate,
  makePhotoUpdate,
  makeStickerUpdate,
  makeTextUpdate,
  makeVoiceUpdate,
} from '../../fakes/telegram-bot-api.js';

describe('FakeTelegramApi update delivery', () => {
  let fake: FakeTelegramApi;

  beforeEach(async () => {
    fake = new FakeTelegramApi();
    await fake.start();
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('feeds a polling Telegraf bot and confirms updates by offset', async () => {
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.url } });
    const seen: string[] = [];
    bot.start((ctx) => ctx.reply('欢迎'));
    bot.on('text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    bot.on('sticker', (ctx) => {
      seen.push(`sticker ${ctx.message.sticker.emoji ?? ''}`);
    });
    bot.on('photo', (ctx) => {
      seen.push(`photo ${ctx.message.photo.length}`);
    });
    bot.on('voice', (ctx) => {
      seen.push(`voice ${ctx.message.voice.duration}`);
    });
    bot.action('yes', (ctx) => ctx.answerCbQuery('收到'));

    const running = bot.launch();
    fake.pushUpdate(makeTextUpdate({ chatId: 501, text: '/start' }));
    fake.pushUpdate(makeTextUpdate({ chatId: 501, text: '今天还好' }));
    const replies = await fake.waitForSentTo(501, 2);
    expect(replies.map((m) => m.text)).toEqual(['欢迎', 'echo: 今天还好']);

    fake.pushUpdate(makeStickerUpdate({ chatId: 501, emoji: '🙂' }));
    fake.pushUpdate(makePhotoUpdate({ chatId: 501 }));
    fake.pushUpdate(makeVoiceUpdate({ chatId: 501, duration: 9 }));
    fake.pushUpdate(makeCallbackUpdate({ chatId: 501, data: 'yes', callbackQueryId: 'q-1' }));
    await fake.waitFor((r) => r.apiMethod === 'answerCallbackQuery' && r.response?.status === 200);
    expect(seen).toEqual(['sticker 🙂', 'photo 2', 'voice 9']);

    bot.stop('test over');
    await running;
    // telegraf confirms the last offset on stop, so nothing stays pending.
    expect(fake.pendingUpdates).toHaveLength(0);
    expect(fake.callsTo('getUpdates')[0]?.params).toMatchObject({ timeout: 50, offset: 0 });
  });

  it('keeps updates pending until a later offset confirms them', async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.url });
    const update = fake.pushUpdate(makeTextUpdate({ updateId: 900, chatId: 1, text: 'a' }));
    expect(await telegram.getUpdates(0, 100, 0, undefined)).toEqual([update]);
    expect(await telegram.getUpdates(0, 100, 0, undefined)).toEqual([update]);
    expect(await telegram.getUpdates(0, 100, 901, undefined)).toEqual([]);
    expect(fake.pendingUpdates).toEqual([]);
  });

  it('holds an empty getUpdates for its timeout, capped by maxLongPollMs', async () => {
    const capped = new FakeTelegramApi({ maxLongPollMs: 150 });
    await capped.start();
    try {
      const telegram = new Telegram(capped.token, { apiRoot: capped.url });
      const started = Date.now();
      expect(await telegram.getUpdates(30, 100, 0, undefined)).toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await capped.stop();
    }
  });

  it('terminates the older of two concurrent getUpdates with 409', async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.url });
    const first = telegram.getUpdates(30, 100, 0, undefined).catch((e: unknown) => e);
    await fake.waitFor((r) => r.apiMethod === 'getUpdates');
    const second = telegram.getUpdates(30, 100, 0, undefined);
    const error = await first;
    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).code).toBe(409);
    expect((error as TelegramError).description).toMatch(/terminated by other getUpdates request/);
    const update = fake.pushUpdate(makeTextUpdate({ chatId: 2, text: 'x' }));
    expect(await second).toEqual([update]);
  });

  it('delivers to a webhook with the secret token and runs telegraf webhook replies', async () => {
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.url } });
    bot.action('ok', (ctx) => ctx.answerCbQuery());
    bot.on('text', (ctx) => ctx.reply('hi'));
    const secretHeaders: Array<string | undefined> = [];
    const callback = bot.webhookCallback('/hook', { secretToken: 'tok-123' });
    const server: Server = createServer((req, res) => {
      const header = req.headers['x-telegram-bot-api-secret-token'];
      secretHeaders.push(typeof header === 'string' ? header : undefined);
      void callback(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await bot.telegram.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: 'tok-123' });

      const text = await fake.deliverUpdate(makeTextUpdate({ chatId: 3, text: 'hello' }));
      expect(text.status).toBe(200);
      expect(fake.sentTo(3).map((m) => m.text)).toEqual(['hi']);

      await fake.deliverUpdate(makeCallbackUpdate({ chatId: 3, data: 'ok', callbackQueryId: 'cb-9' }));
      const answered = fake.callsTo('answerCallbackQuery')[0];
      expect(answered?.headers['x-fake-origin']).toBe('webhook-reply');
      expect(answered?.params).toMatchObject({ callback_query_id: 'cb-9' });
      expect(secretHeaders).toEqual(['tok-123', 'tok-123']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
