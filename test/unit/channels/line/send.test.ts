import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendTarget } from '../../../../src/channels/channel.js';
import type { Choice } from '../../../../src/core/messages.js';
import { lineRetryKey } from '../../../../src/channels/line/retry-key.js';
import { LINE_ERRORS, lineTextEvent, makeLineUserId, type LineRequestRecord } from '../../../fakes/line-api.js';
import { startLineHarness, type LineHarness } from './helpers.js';

const alice = makeLineUserId('send-alice');
const aMinuteAgo = (): string => new Date(Date.now() - 60_000).toISOString();

function target(overrides: Partial<SendTarget> = {}): SendTarget {
  return { chatId: alice, externalUserId: alice, idempotencyKey: 'outbox-row-1', ...overrides };
}

const isPush = (r: LineRequestRecord): boolean => r.endpoint === 'push';
const isReply = (r: LineRequestRecord): boolean => r.endpoint === 'reply';

describe('LINE send', () => {
  let h: LineHarness;

  beforeEach(async () => {
    h = await startLineHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  /** A webhook event from alice through the channel; returns its reply token as the sink got it. */
  async function inboundReplyToken(): Promise<NonNullable<SendTarget['replyToken']>> {
    await h.postSigned(h.fake.makeWebhookBody([lineTextEvent({ userId: alice, text: '你好' })]));
    const token = h.sink.calls.at(-1)?.replyToken;
    if (!token) throw new Error('no reply token reached the sink');
    return token;
  }

  it('replies with a fresh reply token and returns the message ids', async () => {
    const replyToken = await inboundReplyToken();
    const result = await h.channel.send(target({ replyToken }), { text: '收到，谢谢你告诉我。' });
    const [sent] = h.fake.sentTo(alice);
    expect(sent).toMatchObject({ via: 'reply', delivered: true, messages: [{ type: 'text', text: '收到，谢谢你告诉我。' }] });
    expect(result).toEqual({ ok: true, platformMessageIds: sent?.sentMessages.map((m) => m.id) });
    expect(h.fake.requests.filter(isPush)).toEqual([]);
  });

  it('pushes with X-Line-Retry-Key when the reply token has expired', async () => {
    const { token } = await inboundReplyToken();
    const result = await h.channel.send(target({ replyToken: { token, expiresAt: aMinuteAgo() } }), { text: '提醒：明天上午九点复查。' });
    expect(result.ok).toBe(true);
    expect(h.fake.requests.filter(isReply)).toEqual([]);
    const [push] = h.fake.requests.filter(isPush);
    expect(push?.retryKey).toBe(lineRetryKey('outbox-row-1'));
    expect(push?.retryKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(h.fake.sentTo(alice)).toMatchObject([{ via: 'push', delivered: true }]);
  });

  it('pushes without trying a reply when there is no reply token', async () => {
    h.fake.addUser({ userId: alice });
    const rowId = '0b7f3c9e-1d2a-4c5b-8e6f-9a0b1c2d3e4f';
    const result = await h.channel.send(target({ idempotencyKey: rowId }), { text: '今天感觉怎么样？' });
    expect(result.ok).toBe(true);
    expect(h.fake.requests.map((r) => [r.endpoint, r.retryKey])).toEqual([['push', rowId]]);
  });

  it('falls back to a push when LINE calls the reply token invalid', async () => {
    const replyToken = await inboundReplyToken();
    h.fake.expireReplyToken(replyToken.token);
    const result = await h.channel.send(target({ replyToken }), { text: '我们稍后联系你。' });
    expect(result.ok).toBe(true);
    expect(h.fake.requests.map((r) => [r.endpoint, r.response?.status])).toEqual([
      ['reply', 400],
      ['push', 200],
    ]);
    expect(h.fake.deliveredTo(alice)).toHaveLength(1);
  });

  it('sends a retried push once: the second attempt is told LINE already accepted it', async () => {
    h.fake.addUser({ userId: alice });
    const first = await h.channel.send(target(), { text: '记得按时服药。' });
    const second = await h.channel.send(target(), { text: '记得按时服药。' });
    expect(h.fake.requests.map((r) => r.response?.status)).toEqual([200, 409]);
    expect(second).toEqual(first);
    expect(h.fake.deliveredTo(alice)).toHaveLength(1);
  });

  it('shows up to 13 choices as quick replies with labels cut to 20 characters', async () => {
    h.fake.addUser({ userId: alice });
    const choices: Choice[] = Array.from({ length: 13 }, (_, i) => ({
      label: i === 0 ? '是的，我想和我的个案工作者约一个时间见面谈谈' : `选项 ${i}`,
      value: `choice:${i}`,
    }));
    const result = await h.channel.send(target(), { text: '你想怎么做？', choices });
    expect(result.ok).toBe(true);
    const [sent] = h.fake.sentTo(alice);
    const message = sent?.messages[0];
    const items = message && 'quickReply' in message ? (message.quickReply?.items ?? []) : [];
    expect(items).toHaveLength(13);
    expect(items[0]?.action).toEqual({
      type: 'postback',
      label: '是的，我想和我的个案工作者约一个时间见…',
      data: 'choice:0',
      displayText: '是的，我想和我的个案工作者约一个时间见面谈谈',
    });
    for (const item of items) expect(item.action?.label?.length).toBeLessThanOrEqual(20);
    expect(items[5]?.action).toMatchObject({ label: '选项 5', data: 'choice:5', displayText: '选项 5' });
  });

  it('rejects more than 13 choices without calling LINE', async () => {
    const choices = Array.from({ length: 14 }, (_, i) => ({ label: `${i}`, value: `${i}` }));
    const result = await h.channel.send(target(), { text: '选一个', choices });
    expect(result).toMatchObject({ ok: false, kind: 'rejected' });
    expect(h.fake.requests).toEqual([]);
  });

  it('splits a long text into messages of at most 5,000 characters, choices on the last', async () => {
    h.fake.addUser({ userId: alice });
    const paragraph = `${'这是一段很长的说明。'.repeat(60)}\n`;
    const text = paragraph.repeat(20);
    const result = await h.channel.send(target(), { text, choices: [{ label: '明白了', value: 'ok' }] });
    expect(result.ok && result.platformMessageIds).toHaveLength(3);
    const [sent] = h.fake.sentTo(alice);
    const texts = (sent?.messages ?? []).map((m) => (m.type === 'text' ? m.text : ''));
    expect(texts).toHaveLength(3);
    // Parts break at line ends; the line breaks themselves are dropped.
    expect(texts.join('\n')).toBe(text.trimEnd());
    for (const part of texts) expect(part.length).toBeLessThanOrEqual(5000);
    expect(texts[0]?.endsWith('。')).toBe(true);
    expect(sent?.messages.map((m) => 'quickReply' in m && m.quickReply !== undefined)).toEqual([false, false, true]);
  });

  it('returns retry without retry_after on 429', async () => {
    h.fake.addUser({ userId: alice });
    h.fake.failNext(1, { status: 429, message: LINE_ERRORS.rateLimited }, { endpoint: 'push' });
    const result = await h.channel.send(target(), { text: '稍后再试' });
    expect(result).toEqual({ ok: false, kind: 'retry', reason: `LINE 429; ${LINE_ERRORS.rateLimited}` });
  });

  it('returns retry on 5xx and network failures', async () => {
    h.fake.addUser({ userId: alice });
    h.fake.failNext(1, { status: 500, message: 'Internal server error' }, { endpoint: 'push' });
    expect(await h.channel.send(target(), { text: 'a' })).toMatchObject({ ok: false, kind: 'retry', reason: 'LINE 500; Internal server error' });

    await h.fake.stop();
    expect(await h.channel.send(target(), { text: 'a' })).toMatchObject({ ok: false, kind: 'retry', reason: expect.stringMatching(/^network error/) });
  });

  it('returns retry when LINE does not answer in time', async () => {
    const slow = await startLineHarness({ channel: { requestTimeoutMs: 200 } });
    try {
      slow.fake.addUser({ userId: alice });
      slow.fake.delay(5_000, { endpoint: 'push', count: 1 });
      expect(await slow.channel.send(target(), { text: 'a' })).toEqual({ ok: false, kind: 'retry', reason: 'timeout after 200 ms' });
    } finally {
      await slow.close();
    }
  });

  it('does not push when a reply fails for another reason', async () => {
    const replyToken = await inboundReplyToken();
    h.fake.failNext(1, { status: 500, message: 'Internal server error' }, { endpoint: 'reply' });
    const result = await h.channel.send(target({ replyToken }), { text: 'a' });
    expect(result).toMatchObject({ ok: false, kind: 'retry' });
    expect(h.fake.requests.filter(isPush)).toEqual([]);
  });

  it('returns unreachable for a user id LINE does not know', async () => {
    const stranger = makeLineUserId('never-followed');
    const result = await h.channel.send(target({ chatId: stranger, externalUserId: stranger }), { text: '你好' });
    expect(result).toEqual({ ok: false, kind: 'unreachable', reason: `LINE 400; ${LINE_ERRORS.failedToSend}` });
    const malformed = await h.channel.send(target({ chatId: 'not-a-line-id' }), { text: '你好' });
    expect(malformed).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('cannot tell an unfollowed user from a push: LINE answers 200 and drops it', async () => {
    // As documented by LINE (and modelled by the fake): a push to someone who
    // blocked the account is accepted and not delivered. The unfollow webhook
    // event is how the service learns of it.
    h.fake.addUser({ userId: alice });
    h.fake.unfollow(alice);
    const result = await h.channel.send(target(), { text: '你好' });
    expect(result.ok).toBe(true);
    expect(h.fake.sentTo(alice)).toMatchObject([{ via: 'push', delivered: false }]);
  });

  it('returns rejected for any other 400', async () => {
    h.fake.addUser({ userId: alice });
    h.fake.failNext(
      1,
      { status: 400, message: 'The request body has 1 error(s)', details: [{ message: 'Invalid action', property: 'messages[0].quickReply' }] },
      { endpoint: 'push' },
    );
    const result = await h.channel.send(target(), { text: 'a' });
    expect(result).toEqual({
      ok: false,
      kind: 'rejected',
      reason: 'LINE 400; The request body has 1 error(s); messages[0].quickReply: Invalid action',
    });
  });

  it('keeps message text and the access token out of the log', async () => {
    const replyToken = await inboundReplyToken();
    await h.channel.send(target({ replyToken }), { text: '你的下次预约在周三。' });
    await h.channel.send(target({ chatId: makeLineUserId('nobody') }), { text: '你的下次预约在周三。' });
    const logs = h.logs();
    expect(logs).toContain('LINE message sent');
    expect(logs).not.toContain('你的下次预约在周三');
    expect(logs).not.toContain(h.fake.channelAccessToken);
    expect(logs).not.toContain(replyToken.token);
  });
});

describe('LINE send with a channel access token LINE refuses', () => {
  let h: LineHarness;

  beforeEach(async () => {
    h = await startLineHarness({ channel: { channelAccessToken: 'revoked-token-value' } });
    h.fake.addUser({ userId: alice });
  });

  afterEach(async () => {
    await h.close();
  });

  it('returns retry, logs one error without the token and reports the channel in error', async () => {
    const first = await h.channel.send(target(), { text: 'a' });
    const second = await h.channel.send(target({ idempotencyKey: 'outbox-row-2' }), { text: 'b' });
    expect(first).toMatchObject({ ok: false, kind: 'retry', reason: expect.stringContaining('LINE 401') });
    expect(second).toMatchObject({ ok: false, kind: 'retry' });
    const logs = h.logs();
    expect(logs.match(/LINE refused the channel access token/g)).toHaveLength(1);
    expect(logs).toContain('"level":50');
    expect(logs).not.toContain('revoked-token-value');
    expect(h.channel.status()).toMatchObject({ state: 'error', detail: expect.stringContaining('LINE 401') });
  });
});
