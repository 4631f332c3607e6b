import { afterEach, describe, expect, it } from 'vitest';
import { makeCallbackUpdate, makeStickerUpdate, makeTextUpdate } from '../../../fakes/telegram-bot-api.js';
import { eventually, startTelegramHarness, WEBHOOK_SECRET, type TelegramHarness } from './helpers.js';

const chatId = 900_001;

async function startPolling(channel: Parameters<typeof startTelegramHarness>[0] = {}): Promise<TelegramHarness> {
  return startTelegramHarness({ ...channel, channel: { mode: 'polling', webhookSecret: undefined, ...channel.channel } });
}

describe('Telegram polling', () => {
  let h: TelegramHarness;

  afterEach(async () => {
    await h.close();
  });

  it('stores updates pushed to the fake, in order, and answers callback queries', async () => {
    h = await startPolling();
    expect(h.channel.routes).toBeUndefined();
    await h.fake.waitFor((r) => r.apiMethod === 'getUpdates');
    await eventually(() => h.channel.status().state === 'running');

    h.fake.pushUpdate(makeTextUpdate({ chatId, messageId: 1, text: '/start K7M2-Q9XP' }));
    h.fake.pushUpdate(makeStickerUpdate({ chatId, messageId: 2 }));
    h.fake.pushUpdate(makeCallbackUpdate({ chatId, data: 'mood:4', callbackQueryId: 'cbq-poll' }));
    h.fake.pushUpdate(makeTextUpdate({ chatId: -100_300, fromId: chatId, text: 'group' }));
    await eventually(() => h.sink.stored.length === 3);

    expect(h.sink.stored.map((m) => [m.eventKey, m.kind, m.text ?? m.choice])).toEqual([
      [`${chatId}:1`, 'text', '/start K7M2-Q9XP'],
      [`${chatId}:2`, 'sticker', undefined],
      ['cb:cbq-poll', 'choice', 'mood:4'],
    ]);
    const answer = await h.fake.waitFor((r) => r.apiMethod === 'answerCallbackQuery' && r.response?.status === 200);
    expect(answer.params).toMatchObject({ callback_query_id: 'cbq-poll' });
    expect(h.channel.status()).toMatchObject({ state: 'running', lastEventAt: expect.any(String) });
    expect(h.channel.status().webhookUrl).toBeUndefined();
  });

  it('stops cleanly: the long poll in flight ends, nothing polls afterwards, stored updates are confirmed', async () => {
    h = await startPolling({ channel: { pollTimeoutSeconds: 30 } });
    h.fake.pushUpdate(makeTextUpdate({ chatId, text: '一' }));
    await eventually(() => h.sink.stored.length === 1);
    // The next getUpdates is now held open by the fake, waiting for updates.
    await eventually(() => h.fake.callsTo('getUpdates').some((r) => r.response === undefined && !r.aborted));

    const started = Date.now();
    await h.channel.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.channel.status().state).toBe('stopped');
    await eventually(() => h.fake.callsTo('getUpdates').every((r) => r.response !== undefined || r.aborted === true));
    // Telegram forgets what was stored: nothing comes again after a restart.
    expect(h.fake.pendingUpdates).toEqual([]);

    const calls = h.fake.callsTo('getUpdates').length;
    h.fake.pushUpdate(makeTextUpdate({ chatId, text: '二' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.callsTo('getUpdates')).toHaveLength(calls);
    expect(h.sink.stored).toHaveLength(1);
  });

  it('deletes a webhook left from webhook mode, keeping its pending updates', async () => {
    h = await startPolling({ start: false });
    await fetch(`${h.fake.url}/bot${h.fake.token}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://bot.example.org/webhooks/telegram', secret_token: WEBHOOK_SECRET }),
    });
    h.fake.pushUpdate(makeTextUpdate({ chatId, text: '排队中的消息' }));
    await h.channel.start(h.sink);
    await eventually(() => h.sink.stored.length === 1);
    expect(h.fake.webhook).toBeUndefined();
    expect(h.sink.stored[0]?.text).toBe('排队中的消息');
  });

  it('fetches an update again when it could not be stored', async () => {
    h = await startPolling();
    h.sink.failNext(2);
    h.fake.pushUpdate(makeTextUpdate({ chatId, messageId: 7, text: '一' }));
    h.fake.pushUpdate(makeTextUpdate({ chatId, messageId: 8, text: '二' }));
    await eventually(() => h.sink.stored.length === 2);
    expect(h.sink.results).toEqual(['failed', 'failed', 'stored', 'stored']);
    expect(h.sink.stored.map((m) => m.eventKey)).toEqual([`${chatId}:7`, `${chatId}:8`]);
  });

  it('keeps polling through 5xx and 429 answers, honouring retry_after', async () => {
    h = await startPolling({ start: false });
    h.fake.failNext(1, { status: 502, description: 'Bad Gateway' }, { method: 'getUpdates' });
    h.fake.failNext(1, { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }, { method: 'getUpdates' });
    h.fake.pushUpdate(makeTextUpdate({ chatId, text: '还在吗' }));
    const started = Date.now();
    await h.channel.start(h.sink);
    await eventually(() => h.sink.stored.length === 1, 3_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('shows a refused token in status and keeps trying', async () => {
    h = await startPolling({ channel: { token: '999:wrong-token' } });
    await eventually(() => h.channel.status().state === 'error');
    expect(h.channel.status().detail).toBe('polling: Telegram 401: Unauthorized');
    expect(h.logs()).not.toContain('wrong-token');
  });
});
