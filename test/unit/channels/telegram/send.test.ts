import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendTarget } from '../../../../src/channels/channel.js';
import { createTelegramChannel } from '../../../../src/channels/telegram/index.js';
import { capturingLogger, startTelegramHarness, type TelegramHarness } from './helpers.js';

const chatId = 800_001;
const target = (idempotencyKey = 'row-1', chat = chatId): SendTarget => ({
  chatId: String(chat),
  externalUserId: String(chat),
  idempotencyKey,
});

/** A paragraph of about 1,000 characters ending in a line break. */
const paragraph = (n: number): string => `第${n}段。${'我们一起慢慢来，'.repeat(124)}\n`;

describe('TelegramChannel.send', () => {
  let h: TelegramHarness;

  afterEach(async () => {
    await h.close();
  });

  it('sends plain text with the choices as an inline keyboard, one button per row', async () => {
    h = await startTelegramHarness();
    const result = await h.channel.send(target(), {
      text: '明天上午9:00尿检，能来吗？ <b>不是HTML</b>',
      choices: [
        { label: '确认', value: 'appt:confirm:9f1c' },
        { label: '需要改期', value: 'appt:reschedule:9f1c' },
      ],
    });
    expect(result).toEqual({ ok: true, platformMessageIds: [expect.stringMatching(/^\d+$/)] });
    const [sent] = h.fake.sentTo(chatId);
    expect(sent?.text).toBe('明天上午9:00尿检，能来吗？ <b>不是HTML</b>');
    expect(sent?.params.parse_mode).toBeUndefined();
    expect(sent?.replyMarkup).toEqual({
      inline_keyboard: [[{ text: '确认', callback_data: 'appt:confirm:9f1c' }], [{ text: '需要改期', callback_data: 'appt:reschedule:9f1c' }]],
    });
    if (result.ok) expect(result.platformMessageIds).toEqual([String(sent?.message.message_id)]);
  });

  it('rejects a choice value over 64 bytes without sending anything', async () => {
    h = await startTelegramHarness();
    // 22 Chinese characters are 66 bytes in UTF-8.
    const result = await h.channel.send(target(), { text: '选一个', choices: [{ label: '好', value: '确'.repeat(22) }] });
    expect(result).toMatchObject({ ok: false, kind: 'rejected', reason: expect.stringContaining('64') });
    expect(h.fake.callsTo('sendMessage')).toHaveLength(0);
  });

  it('rejects empty text', async () => {
    h = await startTelegramHarness();
    expect(await h.channel.send(target(), { text: ' \n ' })).toMatchObject({ ok: false, kind: 'rejected' });
    expect(h.fake.callsTo('sendMessage')).toHaveLength(0);
  });

  it('splits a 5,000-character text into 2 messages at a line break, keyboard on the last', async () => {
    h = await startTelegramHarness();
    const text = [1, 2, 3, 4, 5, 6].map(paragraph).join('').slice(0, 5_000);
    expect(text).toHaveLength(5_000);
    const result = await h.channel.send(target(), { text, choices: [{ label: '好的', value: 'ok' }] });
    const sent = h.fake.sentTo(chatId);
    expect(sent).toHaveLength(2);
    // Cut at a line break; the break itself is dropped.
    expect(sent.map((m) => m.text).join('\n')).toBe(text.trimEnd());
    expect(sent[0]?.text.length).toBeLessThanOrEqual(4_096);
    expect(sent[1]?.text.startsWith('第5段')).toBe(true);
    expect(sent[0]?.replyMarkup).toBeUndefined();
    expect(sent[1]?.replyMarkup).toEqual({ inline_keyboard: [[{ text: '好的', callback_data: 'ok' }]] });
    expect(result).toEqual({ ok: true, platformMessageIds: sent.map((m) => String(m.message.message_id)) });
  });

  it('resumes a split message at the part that failed instead of sending earlier parts again', async () => {
    h = await startTelegramHarness({ fake: { limits: { perChatBurst: 10 } } });
    const text = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(paragraph).join('');
    // Once the first part has reached the fake, the next sendMessage (the second part) fails.
    const armed = h.fake
      .waitFor((r) => r.apiMethod === 'sendMessage')
      .then(() => h.fake.failNext(1, { status: 502, description: 'Bad Gateway' }, { method: 'sendMessage' }));
    const first = await h.channel.send(target('row-split'), { text });
    await armed;
    expect(first).toMatchObject({ ok: false, kind: 'retry' });
    expect(h.fake.sentTo(chatId)).toHaveLength(1);

    const retried = await h.channel.send(target('row-split'), { text });
    const sent = h.fake.sentTo(chatId);
    expect(sent).toHaveLength(3);
    expect(sent.map((m) => m.text).join('\n')).toBe(text.trimEnd());
    expect(retried).toEqual({ ok: true, platformMessageIds: sent.map((m) => String(m.message.message_id)) });
  });

  it('answers 429 with retry: retryAfterMs from retry_after', async () => {
    h = await startTelegramHarness();
    h.fake.failNext(1, { status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 }, { method: 'sendMessage' });
    expect(await h.channel.send(target(), { text: '你好' })).toEqual({
      ok: false,
      kind: 'retry',
      retryAfterMs: 7_000,
      reason: 'Telegram 429: Too Many Requests: retry after 7',
    });
  });

  it('hits the fake flood limit and gets retry with retryAfterMs', async () => {
    h = await startTelegramHarness({ fake: { limits: { perChatBurst: 1, perChatPerSecond: 0.5 } } });
    expect(await h.channel.send(target('a'), { text: '一' })).toMatchObject({ ok: true });
    const limited = await h.channel.send(target('b'), { text: '二' });
    expect(limited).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: expect.any(Number) });
    if (!limited.ok && limited.kind === 'retry') expect(limited.retryAfterMs).toBeGreaterThanOrEqual(1_000);
  });

  it('reports a blocked, deactivated or unknown chat as unreachable', async () => {
    h = await startTelegramHarness();
    h.fake.blockChat(chatId);
    h.fake.unknownChat(chatId + 1);
    h.fake.failNext(1, { status: 403, description: 'Forbidden: user is deactivated' }, { chatId: chatId + 2 });
    expect(await h.channel.send(target('a'), { text: '你好' })).toEqual({
      ok: false,
      kind: 'unreachable',
      reason: 'Telegram 403: Forbidden: bot was blocked by the user',
    });
    expect(await h.channel.send(target('b', chatId + 1), { text: '你好' })).toMatchObject({ ok: false, kind: 'unreachable', reason: expect.stringContaining('chat not found') });
    expect(await h.channel.send(target('c', chatId + 2), { text: '你好' })).toMatchObject({ ok: false, kind: 'unreachable', reason: expect.stringContaining('deactivated') });
  });

  it('reports other 400 answers as rejected', async () => {
    h = await startTelegramHarness();
    h.fake.failNext(1, { status: 400, description: 'Bad Request: BUTTON_DATA_INVALID' }, { method: 'sendMessage' });
    expect(await h.channel.send(target(), { text: '你好', choices: [{ label: 'a', value: 'a' }] })).toEqual({
      ok: false,
      kind: 'rejected',
      reason: 'Telegram 400: Bad Request: BUTTON_DATA_INVALID',
    });
  });

  it('retries 5xx answers and timeouts', async () => {
    h = await startTelegramHarness({ channel: { requestTimeoutMs: 150 } });
    h.fake.failNext(1, { status: 502, description: 'Bad Gateway' }, { method: 'sendMessage' });
    expect(await h.channel.send(target('a'), { text: '一' })).toMatchObject({ ok: false, kind: 'retry', reason: expect.stringContaining('502') });
    h.fake.delay(1_000, { method: 'sendMessage', count: 1 });
    expect(await h.channel.send(target('b'), { text: '二' })).toEqual({ ok: false, kind: 'retry', reason: 'timeout after 150 ms' });
    expect(await h.channel.send(target('c'), { text: '三' })).toMatchObject({ ok: true });
  });

  it('retries when the token is refused and shows the problem in status', async () => {
    h = await startTelegramHarness({ channel: { token: '999:wrong-token' } });
    const result = await h.channel.send(target(), { text: '你好' });
    expect(result).toEqual({ ok: false, kind: 'retry', reason: 'Telegram 401: Unauthorized' });
    expect(h.channel.status()).toMatchObject({ state: 'error', detail: 'send: Telegram 401: Unauthorized' });
    expect(h.logs()).not.toContain('wrong-token');
  });
});

describe('TelegramChannel.send over a broken network', () => {
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function listen(onConnection: (socket: Socket) => void): Promise<string> {
    server = createServer(onConnection);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
  }

  it('retries a refused connection (ECONNREFUSED) without the token in the reason or logs', async () => {
    const url = await listen(() => undefined);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const { log, output } = capturingLogger();
    const channel = createTelegramChannel({ token: '123:secret-token', mode: 'polling', apiRoot: url }, log);
    const result = await channel.send(target(), { text: '你好' });
    expect(result).toEqual({ ok: false, kind: 'retry', reason: 'network error: ECONNREFUSED' });
    expect(output()).not.toContain('secret-token');
  });

  it('retries a reset connection (ECONNRESET)', async () => {
    const url = await listen((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const { log } = capturingLogger();
    const channel = createTelegramChannel({ token: '123:secret-token', mode: 'polling', apiRoot: url }, log);
    expect(await channel.send(target(), { text: '你好' })).toEqual({ ok: false, kind: 'retry', reason: 'network error: ECONNRESET' });
  });
});
