import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_INBOUND_TEXT } from '../../../../src/core/messages.js';
import {
  makeCallbackUpdate,
  makePhotoUpdate,
  makeStickerUpdate,
  makeTextUpdate,
  makeVoiceUpdate,
  nextUpdateId,
} from '../../../fakes/telegram-bot-api.js';
import { eventually, SECRET_HEADER, startTelegramHarness, WEBHOOK_SECRET, type TelegramHarness } from './helpers.js';

const chatId = 700_001;
const date = 1_760_000_000;

describe('POST /webhooks/telegram', () => {
  let h: TelegramHarness;

  afterEach(async () => {
    await h.close();
  });

  it('refuses a missing or wrong secret token with 401 and stores nothing', async () => {
    h = await startTelegramHarness();
    const update = makeTextUpdate({ chatId, text: '我今天还好' });
    const missing = await h.post(update, {});
    const wrong = await h.post(update, { [SECRET_HEADER]: 'not-the-secret' });
    const sameLength = await h.post(update, { [SECRET_HEADER]: WEBHOOK_SECRET.replace(/.$/, 'x') });
    const empty = await h.post(update, { [SECRET_HEADER]: '' });
    expect([missing.status, wrong.status, sameLength.status, empty.status]).toEqual([401, 401, 401, 401]);
    expect(h.sink.calls).toEqual([]);
  });

  it('answers malformed JSON and bodies that are not updates with 400', async () => {
    h = await startTelegramHarness();
    expect((await h.post('{"update_id": 1, "message": ')).status).toBe(400);
    expect((await h.post('[]')).status).toBe(400);
    expect((await h.post('{"message": {"text": "no update_id"}}')).status).toBe(400);
    expect((await h.post('{"update_id": 5, "message": {"text": "no chat"}}')).status).toBe(400);
    expect(h.sink.calls).toEqual([]);
  });

  it('accepts a text message with the right fields and answers 200 with no body', async () => {
    h = await startTelegramHarness();
    const update = makeTextUpdate({ chatId, fromId: chatId, messageId: 42, date, text: '今天有点想用' });
    const response = await h.post(update);
    expect(response.status).toBe(200);
    // A JSON body with "method" would be run by Telegram as a call.
    expect(await response.text()).toBe('');
    expect(h.sink.stored).toEqual([
      {
        channel: 'TELEGRAM',
        eventKey: `${chatId}:42`,
        externalUserId: String(chatId),
        chatId: String(chatId),
        kind: 'text',
        text: '今天有点想用',
        sentAt: new Date(date * 1000).toISOString(),
      },
    ]);
    expect(h.channel.status()).toMatchObject({ channel: 'TELEGRAM', state: 'running', lastEventAt: expect.any(String) });
  });

  it('keeps /start deep links as text, with or without a code or the bot name', async () => {
    h = await startTelegramHarness();
    for (const text of ['/start K7M2-Q9XP', '/start', '/start@tongxing_test_bot K7M2-Q9XP']) {
      expect((await h.post(makeTextUpdate({ chatId, text }))).status).toBe(200);
    }
    expect(h.sink.stored.map((m) => [m.kind, m.text])).toEqual([
      ['text', '/start K7M2-Q9XP'],
      ['text', '/start'],
      ['text', '/start K7M2-Q9XP'],
    ]);
  });

  it('cuts text over 4,000 characters before handing it on', async () => {
    h = await startTelegramHarness();
    await h.post(makeTextUpdate({ chatId, text: '字'.repeat(4_090) }));
    expect(h.sink.stored[0]?.text).toHaveLength(MAX_INBOUND_TEXT);
  });

  it('answers a duplicate with 200 and stores it once', async () => {
    h = await startTelegramHarness();
    const update = makeTextUpdate({ chatId, text: '在吗' });
    const first = await h.post(update);
    const again = await h.post(update);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(h.sink.results).toEqual(['stored', 'duplicate']);
    expect(h.sink.stored).toHaveLength(1);
  });

  it('answers 503 when the event could not be stored, and 200 when Telegram delivers it again', async () => {
    h = await startTelegramHarness();
    const update = makeTextUpdate({ chatId, text: '在吗' });
    h.sink.failNext();
    expect((await h.post(update)).status).toBe(503);
    expect((await h.post(update)).status).toBe(200);
    expect(h.sink.results).toEqual(['failed', 'stored']);
  });

  it('answers 503 before start and after stop', async () => {
    h = await startTelegramHarness({ start: false });
    expect((await h.post(makeTextUpdate({ chatId, text: 'early' }))).status).toBe(503);
    await h.channel.start(h.sink);
    await h.channel.stop();
    expect((await h.post(makeTextUpdate({ chatId, text: 'late' }))).status).toBe(503);
    expect(h.sink.calls).toEqual([]);
  });

  it('turns a callback query into a choice and answers it after storing', async () => {
    h = await startTelegramHarness();
    const update = makeCallbackUpdate({ chatId, data: 'appt:confirm:9f1c', callbackQueryId: 'cbq-777', messageText: '周三 9:00 尿检' });
    const before = Date.now();
    expect((await h.post(update)).status).toBe(200);
    const [message] = h.sink.stored;
    expect(message).toMatchObject({
      channel: 'TELEGRAM',
      eventKey: 'cb:cbq-777',
      externalUserId: String(chatId),
      chatId: String(chatId),
      kind: 'choice',
      choice: 'appt:confirm:9f1c',
    });
    expect(message?.text).toBeUndefined();
    // A callback query has no date; it is stamped when it arrives.
    expect(Date.parse(message?.sentAt ?? '')).toBeGreaterThanOrEqual(before - 1_000);
    const answer = await h.fake.waitFor((r) => r.apiMethod === 'answerCallbackQuery' && r.response?.status === 200);
    expect(answer.params).toMatchObject({ callback_query_id: 'cbq-777' });
  });

  it('does not answer a duplicate callback query again', async () => {
    h = await startTelegramHarness();
    const update = makeCallbackUpdate({ chatId, data: 'mood:3', callbackQueryId: 'cbq-dup' });
    await h.post(update);
    await h.fake.waitFor((r) => r.apiMethod === 'answerCallbackQuery');
    await h.post(update);
    await h.channel.stop();
    expect(h.fake.callsTo('answerCallbackQuery')).toHaveLength(1);
  });

  it('logs a failed callback answer without the query data, and still answers 200', async () => {
    h = await startTelegramHarness();
    h.fake.failNext(1, { status: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' }, { method: 'answerCallbackQuery' });
    expect((await h.post(makeCallbackUpdate({ chatId, data: 'secret-choice-value' }))).status).toBe(200);
    await eventually(() => h.logs().includes('could not be answered'));
    expect(h.logs()).toContain('query is too old');
    expect(h.logs()).not.toContain('secret-choice-value');
  });

  it('turns stickers, photos and voice notes into non-text kinds without text', async () => {
    h = await startTelegramHarness();
    await h.post(makeStickerUpdate({ chatId, messageId: 1 }));
    await h.post(makePhotoUpdate({ chatId, messageId: 2, caption: '这是我的化验单' }));
    await h.post(makeVoiceUpdate({ chatId, messageId: 3 }));
    expect(h.sink.stored.map((m) => [m.eventKey, m.kind, m.text])).toEqual([
      [`${chatId}:1`, 'sticker', undefined],
      [`${chatId}:2`, 'image', undefined],
      [`${chatId}:3`, 'voice', undefined],
    ]);
  });

  it('ignores group chats, edited messages and other update kinds with 200', async () => {
    h = await startTelegramHarness();
    const group = makeTextUpdate({ chatId: -100_200, fromId: chatId, text: '群里的消息' });
    const groupButton = makeCallbackUpdate({ chatId: -100_200, fromId: chatId, data: 'x' });
    const plain = makeTextUpdate({ chatId, text: 'original' });
    const edited = { update_id: nextUpdateId(), edited_message: { ...plain.message, edit_date: date + 5, text: 'edited' } } as Update;
    const poll = { update_id: nextUpdateId(), poll_answer: { poll_id: 'p1', user: plain.message.from, option_ids: [0] } } as Update;
    const unknown = JSON.stringify({ update_id: nextUpdateId(), some_future_update: { id: 1 } });
    for (const body of [group, groupButton, edited, poll, unknown]) expect((await h.post(body)).status).toBe(200);
    expect(h.sink.calls).toEqual([]);
  });

  it('turns blocking and unblocking the bot into unfollow and follow', async () => {
    h = await startTelegramHarness();
    const user = { id: chatId, is_bot: false, first_name: 'Test' };
    const change = (status: 'kicked' | 'member', at: number): Update => ({
      update_id: nextUpdateId(),
      my_chat_member: {
        chat: { id: chatId, type: 'private', first_name: 'Test' },
        from: user,
        date: at,
        old_chat_member: status === 'kicked' ? { status: 'member', user } : { status: 'kicked', user, until_date: 0 },
        new_chat_member: status === 'kicked' ? { status: 'kicked', user, until_date: 0 } : { status: 'member', user },
      },
    });
    await h.post(change('kicked', date));
    await h.post(change('member', date + 60));
    expect(h.sink.stored.map((m) => [m.kind, m.chatId, m.externalUserId])).toEqual([
      ['unfollow', String(chatId), String(chatId)],
      ['follow', String(chatId), String(chatId)],
    ]);
  });

  it('never logs message text, names, usernames or the token', async () => {
    h = await startTelegramHarness({ publicUrl: true });
    const who = { firstName: 'Zhang', lastName: 'Wei', username: 'zhangwei_1990' };
    await h.post(makeTextUpdate({ chatId, ...who, text: '我想用药了 13912345678' }));
    await h.post(makeCallbackUpdate({ chatId, ...who, data: 'risk:yes' }));
    h.sink.failNext();
    await h.post(makeTextUpdate({ chatId, ...who, text: '第二条消息' }));
    await h.post('{"broken');
    await h.post(makeTextUpdate({ chatId, text: 'x' }), { [SECRET_HEADER]: 'guess' });
    await h.channel.send({ chatId: String(chatId), externalUserId: String(chatId), idempotencyKey: 'row-1' }, { text: '回复内容 reply' });
    await h.fake.waitFor((r) => r.apiMethod === 'answerCallbackQuery');
    const logs = h.logs();
    expect(logs).toContain('Telegram update accepted');
    for (const secret of ['我想用药了', '13912345678', '第二条消息', 'risk:yes', '回复内容', 'Zhang', 'Wei', 'zhangwei_1990', h.fake.token, WEBHOOK_SECRET, 'guess']) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('webhook registration', () => {
  let h: TelegramHarness;

  afterEach(async () => {
    await h.close();
  });

  it('registers PUBLIC_URL/webhooks/telegram with the secret at start, and Telegram can deliver to it', async () => {
    h = await startTelegramHarness({ publicUrl: true });
    expect(h.fake.webhook).toMatchObject({
      url: `${h.serviceUrl}/webhooks/telegram`,
      secretToken: WEBHOOK_SECRET,
      allowedUpdates: ['message', 'callback_query', 'my_chat_member'],
    });
    expect(h.channel.status()).toMatchObject({ state: 'running', webhookUrl: `${h.serviceUrl}/webhooks/telegram` });

    const delivered = await h.fake.deliverUpdate(makeTextUpdate({ chatId, text: '你好' }));
    expect(delivered.status).toBe(200);
    expect(h.sink.stored.map((m) => m.text)).toEqual(['你好']);
  });

  it('does not register a webhook without PUBLIC_URL and reports the one Telegram has', async () => {
    h = await startTelegramHarness({ start: false });
    await fetch(`${h.fake.url}/bot${h.fake.token}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://bot.example.org/webhooks/telegram', secret_token: WEBHOOK_SECRET }),
    });
    await h.channel.start(h.sink);
    await eventually(() => h.channel.status().webhookUrl !== undefined);
    expect(h.channel.status()).toMatchObject({ state: 'running', webhookUrl: 'https://bot.example.org/webhooks/telegram' });
    expect(h.fake.callsTo('setWebhook')).toHaveLength(1);
  });

  it('starts anyway when setWebhook fails, shows the error and retries until it works', async () => {
    h = await startTelegramHarness({ start: false, publicUrl: true });
    h.fake.failNext(2, { status: 502, description: 'Bad Gateway' }, { method: 'setWebhook' });
    await h.channel.start(h.sink);
    expect(h.channel.status()).toMatchObject({ state: 'error', detail: expect.stringContaining('setWebhook failed') });
    await eventually(() => h.fake.webhook !== undefined);
    await eventually(() => h.channel.status().state === 'running');
    expect(h.fake.callsTo('setWebhook')).toHaveLength(3);
    expect(h.channel.status().detail).toBeUndefined();
  });
});
