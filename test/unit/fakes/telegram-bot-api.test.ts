// Proves FakeTelegramApi against the real telegraf client over loopback HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Telegram, TelegramError } from 'telegraf';
import { FakeTelegramApi } from '../../fakes/telegram-bot-api.js';

async function telegramError(promise: Promise<unknown>): Promise<TelegramError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TelegramError)) throw new Error(`expected a TelegramError, got ${String(error)}`);
  return error;
}

describe('FakeTelegramApi with telegraf', () => {
  let fake: FakeTelegramApi;
  let telegram: Telegram;

  beforeEach(async () => {
    fake = new FakeTelegramApi();
    const { url } = await fake.start();
    telegram = new Telegram(fake.token, { apiRoot: url });
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('answers getMe for the configured token', async () => {
    const me = await telegram.getMe();
    expect(me).toMatchObject({ is_bot: true, username: 'tongxing_test_bot', id: 123456789 });
    expect(fake.callsTo('getMe')).toHaveLength(1);
  });

  it('rejects a wrong token with 401 Unauthorized', async () => {
    const other = new Telegram('999:wrong', { apiRoot: fake.url });
    const error = await telegramError(other.getMe());
    expect(error.code).toBe(401);
    expect(error.description).toBe('Unauthorized');
  });

  it('answers methods it does not implement with 404 method not found', async () => {
    const error = await telegramError(telegram.getChat(1));
    expect(error.code).toBe(404);
    expect(error.description).toBe('Not Found: method not found');
  });

  it('sends messages with incrementing ids and echoes inline keyboards', async () => {
    const keyboard = { inline_keyboard: [[{ text: '好', callback_data: 'ok' }]] };
    const first = await telegram.sendMessage(42, '你好', { reply_markup: keyboard });
    const second = await telegram.sendMessage(42, '第二条');
    expect(second.message_id).toBe(first.message_id + 1);
    expect(first).toMatchObject({ chat: { id: 42, type: 'private' }, text: '你好', reply_markup: keyboard });
    expect(typeof first.date).toBe('number');
    expect(fake.sentTo(42).map((m) => m.text)).toEqual(['你好', '第二条']);
    const record = fake.callsTo('sendMessage')[0];
    expect(record?.headers['content-type']).toBe('application/json');
    expect(record?.params).toMatchObject({ chat_id: 42, text: '你好', reply_markup: keyboard });
  });

  it('rejects text over 4096 characters and empty text with 400', async () => {
    const long = await telegramError(telegram.sendMessage(1, 'x'.repeat(4097)));
    expect(long.code).toBe(400);
    expect(long.description).toBe('Bad Request: message is too long');
    await expect(telegram.sendMessage(1, 'x'.repeat(4096))).resolves.toMatchObject({ text: 'x'.repeat(4096) });
    const empty = await telegramError(telegram.sendMessage(1, '  '));
    expect(empty.description).toBe('Bad Request: message text is empty');
  });

  // A frozen clock keeps the limit tests independent of machine speed.
  async function frozen(limits: ConstructorParameters<typeof FakeTelegramApi>[0]): Promise<[FakeTelegramApi, Telegram]> {
    const limited = new FakeTelegramApi({ ...limits, clock: () => 1_700_000_000_000 });
    const { url } = await limited.start();
    return [limited, new Telegram(limited.token, { apiRoot: url })];
  }

  it('applies the per-chat burst (default 3) and answers 429 with retry_after in parameters', async () => {
    const [limited, client] = await frozen({});
    try {
      await client.sendMessage(7, 'a');
      await client.sendMessage(7, 'b');
      await client.sendMessage(7, 'c');
      const error = await telegramError(client.sendMessage(7, 'd'));
      expect(error.code).toBe(429);
      expect(error.description).toBe('Too Many Requests: retry after 1');
      expect(error.parameters?.retry_after).toBe(1);
      expect(limited.tooManyRequestsCount).toBe(1);
      // other chats are unaffected by chat 7's limit
      await expect(client.sendMessage(8, 'e')).resolves.toMatchObject({ chat: { id: 8 } });
      expect(limited.sentTo(7)).toHaveLength(3);
    } finally {
      await limited.stop();
    }
  });

  it('applies the global per-second limit across chats', async () => {
    const [limited, client] = await frozen({ limits: { globalPerSecond: 5 } });
    try {
      for (let chat = 1; chat <= 5; chat += 1) await client.sendMessage(chat, 'hi');
      const error = await telegramError(client.sendMessage(6, 'hi'));
      expect(error.code).toBe(429);
      expect(error.parameters?.retry_after).toBe(1);
    } finally {
      await limited.stop();
    }
  });

  it('uses an injectable clock so tests can move time', async () => {
    let now = 1_000_000;
    const clocked = new FakeTelegramApi({ clock: () => now, limits: { perChatPerSecond: 1, perChatBurst: 1 } });
    const { url } = await clocked.start();
    try {
      const client = new Telegram(clocked.token, { apiRoot: url });
      await client.sendMessage(5, 'one');
      const error = await telegramError(client.sendMessage(5, 'two'));
      expect(error.parameters?.retry_after).toBe(1);
      now += 1_000;
      await expect(client.sendMessage(5, 'two')).resolves.toMatchObject({ text: 'two' });
    } finally {
      await clocked.stop();
    }
  });

  it('answers 403 for a blocked chat and 400 for an unknown chat', async () => {
    fake.blockChat(100);
    fake.unknownChat(200);
    const blocked = await telegramError(telegram.sendMessage(100, 'hi'));
    expect(blocked.code).toBe(403);
    expect(blocked.description).toBe('Forbidden: bot was blocked by the user');
    const unknown = await telegramError(telegram.sendMessage(200, 'hi'));
    expect(unknown.code).toBe(400);
    expect(unknown.description).toBe('Bad Request: chat not found');
    fake.unblockChat(100);
    await expect(telegram.sendMessage(100, 'hi')).resolves.toBeDefined();
  });

  it('fails the next calls as injected, then recovers', async () => {
    fake.failNext(2, { status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 }, { method: 'sendMessage' });
    const first = await telegramError(telegram.sendMessage(1, 'a'));
    expect(first.parameters?.retry_after).toBe(7);
    await telegramError(telegram.sendMessage(1, 'a'));
    await expect(telegram.sendMessage(1, 'a')).resolves.toMatchObject({ text: 'a' });
    expect(fake.tooManyRequestsCount).toBe(2);
  });

  it('surfaces injected 5xx as a TelegramError with the HTTP status text', async () => {
    fake.failNext(1, { status: 502, description: 'Bad Gateway' });
    const error = await telegramError(telegram.sendMessage(1, 'a'));
    expect(error.code).toBe(502);
    expect(error.description).toBe('Bad Gateway');
  });

  it('delays answers', async () => {
    fake.delay(400, { count: 1 });
    const started = Date.now();
    await telegram.sendChatAction(1, 'typing');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    const quick = Date.now();
    await telegram.sendChatAction(1, 'typing');
    expect(Date.now() - quick).toBeLessThan(390);
  });

  it('edits text and reply markup, refusing no-op edits like Telegram', async () => {
    const sent = await telegram.sendMessage(9, 'draft', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    const edited = await telegram.editMessageText(9, sent.message_id, undefined, 'final');
    expect(edited).toMatchObject({ text: 'final', message_id: sent.message_id });
    expect(edited === true ? undefined : edited.reply_markup).toBeUndefined();
    const again = await telegramError(telegram.editMessageText(9, sent.message_id, undefined, 'final'));
    expect(again.description).toMatch(/^Bad Request: message is not modified/);
    const markup = { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] };
    const withMarkup = await telegram.editMessageReplyMarkup(9, sent.message_id, undefined, markup);
    expect(withMarkup).toMatchObject({ reply_markup: markup });
    const missing = await telegramError(telegram.editMessageText(9, 99_999, undefined, 'x'));
    expect(missing.description).toBe('Bad Request: message to edit not found');
    expect(fake.sentTo(9)[0]?.edits.map((e) => e.method)).toEqual(['editMessageText', 'editMessageReplyMarkup']);
  });

  it('answers callback queries once', async () => {
    await expect(telegram.answerCbQuery('cbq-1', 'noted')).resolves.toBe(true);
    const twice = await telegramError(telegram.answerCbQuery('cbq-1'));
    expect(twice.code).toBe(400);
  });

  it('manages the webhook and refuses getUpdates while one is set', async () => {
    await expect(telegram.setWebhook('http://127.0.0.1:9/hook', { secret_token: 's3cret' })).resolves.toBe(true);
    expect(fake.webhook).toMatchObject({ url: 'http://127.0.0.1:9/hook', secretToken: 's3cret' });
    expect(await telegram.getWebhookInfo()).toMatchObject({ url: 'http://127.0.0.1:9/hook', pending_update_count: 0 });
    const conflict = await telegramError(telegram.getUpdates(0, 100, 0, undefined));
    expect(conflict.code).toBe(409);
    await expect(telegram.deleteWebhook()).resolves.toBe(true);
    expect(fake.webhook).toBeUndefined();
  });

  it('waitFor resolves on a matching request and explains a timeout', async () => {
    const waiting = fake.waitFor((r) => r.apiMethod === 'sendMessage' && r.chatId === 77);
    await telegram.sendMessage(77, 'ping');
    await expect(waiting).resolves.toMatchObject({ params: { text: 'ping' } });
    await expect(fake.waitFor((r) => r.chatId === 78, 50)).rejects.toThrow(
      /timed out after 50ms[\s\S]*sendMessage chat=77 text="ping" → 200/,
    );
  });

  it('parses multipart bodies as telegraf sends them for uploads', async () => {
    fake.onMethod('sendPhoto', (params) => ({ message_id: 1, date: 0, chat: { id: params.chat_id, type: 'private', first_name: 'x' } }));
    await telegram.sendPhoto(5, { source: Buffer.from('fake-jpeg-bytes'), filename: 'a.jpg' }, {
      caption: '图',
      reply_markup: { inline_keyboard: [] },
    });
    const record = fake.callsTo('sendPhoto')[0];
    expect(record?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(record?.params).toMatchObject({ chat_id: 5, caption: '图', reply_markup: { inline_keyboard: [] } });
    expect(record?.params.method).toBeUndefined();
    expect(record?.body.kind === 'multipart' ? record.body.files.photo?.filename : undefined).toBe('a.jpg');
  });
});
