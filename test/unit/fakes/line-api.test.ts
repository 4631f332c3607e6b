// Proves FakeLineApi against the real @line/bot-sdk MessagingApiClient.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { FakeLineApi, lineFollowEvent, lineTextEvent, lineUnfollowEvent, makeLineUserId } from '../../fakes/line-api.js';

async function fetchError(promise: Promise<unknown>): Promise<HTTPFetchError & { json: { message: string; details?: unknown } }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HTTPFetchError)) throw new Error(`expected HTTPFetchError, got ${String(error)}`);
  return Object.assign(error, { json: JSON.parse(error.body) as { message: string; details?: unknown } });
}

const text = (t: string): messagingApi.TextMessage => ({ type: 'text', text: t });

describe('FakeLineApi with @line/bot-sdk', () => {
  let fake: FakeLineApi;
  let client: messagingApi.MessagingApiClient;
  const alice = makeLineUserId('alice');

  beforeEach(async () => {
    fake = new FakeLineApi();
    const { url } = await fake.start();
    client = new messagingApi.MessagingApiClient({ channelAccessToken: fake.channelAccessToken, baseURL: url });
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('replies with a token from a webhook body, once', async () => {
    const body = fake.makeWebhookBody([lineTextEvent({ userId: alice, text: '你好' })]);
    const event = body.events[0];
    const replyToken = event && 'replyToken' in event ? event.replyToken : undefined;
    if (replyToken === undefined) throw new Error('event has no reply token');

    const response = await client.replyMessage({ replyToken, messages: [text('收到')] });
    expect(response.sentMessages).toHaveLength(1);
    expect(response.sentMessages[0]?.id).toMatch(/^\d+$/);
    expect(fake.sentTo(alice)).toMatchObject([{ via: 'reply', messages: [text('收到')], delivered: true }]);

    const again = await fetchError(client.replyMessage({ replyToken, messages: [text('again')] }));
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ message: 'Invalid reply token' });
  });

  it('refuses an expired reply token and one it never issued', async () => {
    const token = fake.issueReplyToken(alice);
    fake.expireReplyToken(token);
    const expired = await fetchError(client.replyMessage({ replyToken: token, messages: [text('late')] }));
    expect(expired.status).toBe(400);
    expect(expired.json.message).toBe('Invalid reply token');
    const unknown = await fetchError(client.replyMessage({ replyToken: 'f'.repeat(32), messages: [text('x')] }));
    expect(unknown.json.message).toBe('Invalid reply token');
  });

  it('expires reply tokens after the configured lifetime', async () => {
    let now = 5_000_000;
    const quick = new FakeLineApi({ replyTokenTtlMs: 1_000, clock: () => now });
    const { url } = await quick.start();
    try {
      const c = new messagingApi.MessagingApiClient({ channelAccessToken: quick.channelAccessToken, baseURL: url });
      const token = quick.issueReplyToken(alice);
      now += 1_001;
      const error = await fetchError(c.replyMessage({ replyToken: token, messages: [text('x')] }));
      expect(error.json.message).toBe('Invalid reply token');
    } finally {
      await quick.stop();
    }
  });

  it('pushes to a follower, records the retry key, and answers a repeated key with 409', async () => {
    fake.addUser({ userId: alice, displayName: 'Alice' });
    const retryKey = randomUUID();
    const pushed = await client.pushMessage({ to: alice, messages: [text('早安')] }, retryKey);
    expect(pushed.sentMessages).toHaveLength(1);
    expect(fake.requests.at(-1)?.retryKey).toBe(retryKey);
    expect(fake.deliveredTo(alice)).toMatchObject([{ via: 'push', retryKey }]);

    const duplicate = await fetchError(client.pushMessage({ to: alice, messages: [text('早安')] }, retryKey));
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({ message: 'The retry key is already accepted', sentMessages: pushed.sentMessages });
    expect(duplicate.headers.get('x-line-accepted-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.sentTo(alice)).toHaveLength(1);
  });

  it('accepts but does not deliver pushes to a user who unfollowed, and 400s unknown users', async () => {
    const bob = makeLineUserId('bob');
    fake.makeWebhookBody([lineFollowEvent({ userId: bob }), lineUnfollowEvent({ userId: bob })]);
    await expect(client.pushMessage({ to: bob, messages: [text('还在吗')] })).resolves.toBeDefined();
    expect(fake.sentTo(bob)).toMatchObject([{ delivered: false }]);
    expect(fake.deliveredTo(bob)).toEqual([]);

    const stranger = await fetchError(client.pushMessage({ to: makeLineUserId('stranger'), messages: [text('x')] }));
    expect(stranger.status).toBe(400);
    expect(stranger.json.message).toBe('Failed to send messages');
    const malformed = await fetchError(client.pushMessage({ to: 'U123', messages: [text('x')] }));
    expect(malformed.json.message).toMatch(/^The property, 'to', in the request body is invalid/);
  });

  it('gets profiles of followers only, and the bot info', async () => {
    fake.addUser({ userId: alice, displayName: 'Alice', language: 'zh-TW' });
    expect(await client.getProfile(alice)).toEqual({ userId: alice, displayName: 'Alice', language: 'zh-TW' });
    fake.unfollow(alice);
    const gone = await fetchError(client.getProfile(alice));
    expect(gone.status).toBe(404);
    expect(await client.getBotInfo()).toMatchObject({ displayName: '同行 Test', chatMode: 'bot' });
  });

  it('answers a bad or missing channel access token with 401', async () => {
    const wrong = new messagingApi.MessagingApiClient({ channelAccessToken: 'nope', baseURL: fake.url });
    const error = await fetchError(wrong.getBotInfo());
    expect(error.status).toBe(401);
    expect(error.json.message).toMatch(/^Authentication failed/);
    const bare = await fetch(`${fake.url}/v2/bot/info`);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { message: string }).message).toMatch(/^Authorization header required/);
  });

  it('enforces 5 messages per request, 13 quick reply items and 20-char labels', async () => {
    fake.addUser({ userId: alice });
    const six = Array.from({ length: 6 }, (_, i) => text(`m${i}`));
    const tooMany = await fetchError(client.pushMessage({ to: alice, messages: six }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toEqual({
      message: 'The request body has 1 error(s)',
      details: [{ message: 'Size must be between 1 and 5', property: 'messages' }],
    });

    const item = (label: string): messagingApi.QuickReplyItem => ({ type: 'action', action: { type: 'message', label, text: label } });
    const fourteen = Array.from({ length: 14 }, (_, i) => item(`选项${i}`));
    const items = await fetchError(client.pushMessage({ to: alice, messages: [{ ...text('选'), quickReply: { items: fourteen } }] }));
    expect(items.json.details).toEqual([{ message: 'Size must be between 1 and 13', property: 'messages[0].quickReply.items' }]);

    const longLabel = await fetchError(
      client.pushMessage({ to: alice, messages: [{ ...text('选'), quickReply: { items: [item('x'.repeat(21))] } }] }),
    );
    expect(longLabel.json.details).toEqual([
      { message: 'Length must be between 0 and 20', property: 'messages[0].quickReply.items[0].action.label' },
    ]);
    await expect(
      client.pushMessage({ to: alice, messages: [{ ...text('选'), quickReply: { items: [item('x'.repeat(20))] } }] }),
    ).resolves.toBeDefined();
  });

  it('answers 429 from the rate limit and from injected failures, and counts them', async () => {
    const limited = new FakeLineApi({ messageRequestsPerSecond: 2, clock: () => 1_700_000_000_000 });
    const { url } = await limited.start();
    try {
      const c = new messagingApi.MessagingApiClient({ channelAccessToken: limited.channelAccessToken, baseURL: url });
      limited.addUser({ userId: alice });
      await c.pushMessage({ to: alice, messages: [text('1')] });
      await c.pushMessage({ to: alice, messages: [text('2')] });
      const error = await fetchError(c.pushMessage({ to: alice, messages: [text('3')] }));
      expect(error.status).toBe(429);
      expect(error.json).toEqual({ message: 'The API rate limit has been exceeded. Try again later.' });
      expect(limited.tooManyRequestsCount).toBe(1);
    } finally {
      await limited.stop();
    }

    fake.addUser({ userId: alice });
    fake.failNext(1, { status: 429, message: 'The API rate limit has been exceeded. Try again later.' }, { endpoint: 'push' });
    expect((await fetchError(client.pushMessage({ to: alice, messages: [text('x')] }))).status).toBe(429);
    await expect(client.pushMessage({ to: alice, messages: [text('x')] })).resolves.toBeDefined();
    fake.failNext(1, { status: 500, message: 'Internal error' });
    expect((await fetchError(client.getBotInfo())).status).toBe(500);
  });

  it('enforces a monthly push quota but not on replies', async () => {
    const capped = new FakeLineApi({ monthlyPushLimit: 1 });
    const { url } = await capped.start();
    try {
      const c = new messagingApi.MessagingApiClient({ channelAccessToken: capped.channelAccessToken, baseURL: url });
      capped.addUser({ userId: alice });
      await c.pushMessage({ to: alice, messages: [text('1')] });
      const error = await fetchError(c.pushMessage({ to: alice, messages: [text('2')] }));
      expect(error.json.message).toBe('You have reached your monthly limit.');
      await expect(c.replyMessage({ replyToken: capped.issueReplyToken(alice), messages: [text('r')] })).resolves.toBeDefined();
    } finally {
      await capped.stop();
    }
  });

  it('shows the loading animation and lets tests wait for sends', async () => {
    fake.addUser({ userId: alice });
    await expect(client.showLoadingAnimation({ chatId: alice, loadingSeconds: 10 })).resolves.toEqual({});
    const waiting = fake.waitForSentTo(alice);
    await client.pushMessage({ to: alice, messages: [text('done')] });
    expect((await waiting).map((s) => s.messages)).toEqual([[text('done')]]);
    await expect(fake.waitFor((r) => r.endpoint === 'profile', 50)).rejects.toThrow(/timed out after 50ms[\s\S]*POST \/v2\/bot\/message\/push → 200/);
  });
});
