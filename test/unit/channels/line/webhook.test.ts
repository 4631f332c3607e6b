import type { webhook } from '@line/bot-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPLY_TOKEN_LIFETIME_MS } from '../../../../src/channels/line/index.js';
import { MAX_INBOUND_TEXT } from '../../../../src/core/messages.js';
import {
  lineAudioEvent,
  lineFollowEvent,
  lineImageEvent,
  lineLocationEvent,
  linePostbackEvent,
  lineStickerEvent,
  lineTextEvent,
  lineUnfollowEvent,
  makeLineUserId,
  signLineBody,
} from '../../../fakes/line-api.js';
import { CHANNEL_SECRET, startLineHarness, type LineHarness } from './helpers.js';

const userId = makeLineUserId('webhook-user');
const at = 1_760_000_000_000;

/** Event kinds the fake has no builder for, made from the SDK's own types. */
function mediaEvent(message: webhook.VideoMessageContent | webhook.FileMessageContent, webhookEventId: string): webhook.MessageEvent {
  return {
    type: 'message',
    source: { type: 'user', userId },
    timestamp: at,
    mode: 'active',
    webhookEventId,
    deliveryContext: { isRedelivery: false },
    replyToken: 'a'.repeat(32),
    message,
  };
}

describe('POST /webhooks/line', () => {
  let h: LineHarness;

  beforeEach(async () => {
    h = await startLineHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it('refuses a missing signature with 401 and stores nothing', async () => {
    const body = h.fake.makeWebhookBody([lineTextEvent({ userId, text: '我今天还好' })]);
    const response = await h.post(body);
    expect(response.status).toBe(401);
    expect(h.sink.calls).toEqual([]);
  });

  it('refuses a wrong signature or a changed body with 401 and stores nothing', async () => {
    const text = JSON.stringify(h.fake.makeWebhookBody([lineTextEvent({ userId, text: '我今天还好' })]));
    const otherSecret = await h.post(text, { 'x-line-signature': signLineBody('another-secret', text) });
    const tampered = await h.post(text.replace('还好', '不好'), { 'x-line-signature': signLineBody(CHANNEL_SECRET, text) });
    const garbage = await h.post(text, { 'x-line-signature': 'not base64 at all' });
    expect([otherSecret.status, tampered.status, garbage.status]).toEqual([401, 401, 401]);
    expect(h.sink.calls).toEqual([]);
  });

  it('answers malformed JSON with 400 after checking the signature', async () => {
    expect((await h.postSigned('{"events": [')).status).toBe(400);
    expect((await h.postSigned('{"destination": "x"}')).status).toBe(400);
    expect(h.sink.calls).toEqual([]);
  });

  it("answers LINE's verify call (no events) with 200", async () => {
    const response = await h.postSigned({ destination: h.fake.botInfo.userId, events: [] });
    expect(response.status).toBe(200);
    expect(h.sink.calls).toEqual([]);
  });

  it('converts each event type to a channel-neutral message', async () => {
    const events: webhook.Event[] = [
      lineTextEvent({ userId, text: '你好', timestamp: at, webhookEventId: 'E-TEXT' }),
      lineStickerEvent({ userId, timestamp: at, webhookEventId: 'E-STICKER' }),
      lineImageEvent({ userId, timestamp: at, webhookEventId: 'E-IMAGE' }),
      mediaEvent({ type: 'video', id: '1001', duration: 3000, contentProvider: { type: 'line' }, quoteToken: 'q' }, 'E-VIDEO'),
      lineAudioEvent({ userId, timestamp: at, webhookEventId: 'E-AUDIO' }),
      mediaEvent({ type: 'file', id: '1002', fileName: 'report.pdf', fileSize: 1234 }, 'E-FILE'),
      lineLocationEvent({ userId, latitude: 25.03, longitude: 121.56, timestamp: at, webhookEventId: 'E-LOCATION' }),
      lineFollowEvent({ userId, timestamp: at, webhookEventId: 'E-FOLLOW' }),
      linePostbackEvent({ userId, data: 'checkin:mood:ok', timestamp: at, webhookEventId: 'E-POSTBACK' }),
      lineUnfollowEvent({ userId, timestamp: at, webhookEventId: 'E-UNFOLLOW' }),
    ];
    const response = await h.postSigned(h.fake.makeWebhookBody(events));
    expect(response.status).toBe(200);

    const expiresAt = new Date(at + REPLY_TOKEN_LIFETIME_MS).toISOString();
    const common = { channel: 'LINE', externalUserId: userId, chatId: userId, sentAt: new Date(at).toISOString() };
    expect(h.sink.calls.map((m) => [m.eventKey, m.kind])).toEqual([
      ['E-TEXT', 'text'],
      ['E-STICKER', 'sticker'],
      ['E-IMAGE', 'image'],
      ['E-VIDEO', 'video'],
      ['E-AUDIO', 'voice'],
      ['E-FILE', 'file'],
      ['E-LOCATION', 'location'],
      ['E-FOLLOW', 'follow'],
      ['E-POSTBACK', 'choice'],
      ['E-UNFOLLOW', 'unfollow'],
    ]);
    for (const message of h.sink.calls) expect(message).toMatchObject(common);
    const first = events[0];
    expect(h.sink.calls[0]).toEqual({
      ...common,
      eventKey: 'E-TEXT',
      kind: 'text',
      text: '你好',
      replyToken: { token: first && 'replyToken' in first ? first.replyToken : 'missing', expiresAt },
    });
    expect(h.sink.calls[8]).toMatchObject({ kind: 'choice', choice: 'checkin:mood:ok', replyToken: { expiresAt } });
    expect(h.sink.calls[7]?.replyToken?.expiresAt).toBe(expiresAt);
    expect(h.sink.calls[9]).not.toHaveProperty('replyToken');
    // Media carries no content: nothing of a photo, file name or place is kept.
    expect(h.sink.calls[5]).not.toHaveProperty('text');
    expect(h.sink.calls[6]).not.toHaveProperty('text');
  });

  it('ignores groups, rooms, standby mode and event types it does not handle', async () => {
    const group: webhook.Event = { ...lineTextEvent({ userId, text: 'group chat' }), source: { type: 'group', groupId: 'C'.padEnd(33, '0'), userId } };
    const room: webhook.Event = { ...lineTextEvent({ userId, text: 'room chat' }), source: { type: 'room', roomId: 'R'.padEnd(33, '0'), userId } };
    const standby: webhook.Event = { ...lineTextEvent({ userId, text: 'standby' }), mode: 'standby' };
    const unsend: webhook.UnsendEvent = { ...lineUnfollowEvent({ userId }), type: 'unsend', unsend: { messageId: '1' } };
    const response = await h.postSigned(h.fake.makeWebhookBody([group, room, standby, unsend]));
    expect(response.status).toBe(200);
    expect(h.sink.calls).toEqual([]);
  });

  it('hands a redelivery to the sink, which reports a duplicate, and still answers 200', async () => {
    const original = lineTextEvent({ userId, text: '在吗', webhookEventId: 'E-ONCE' });
    const first = await h.postSigned(h.fake.makeWebhookBody([original]));
    const redelivered = { ...original, deliveryContext: { isRedelivery: true } };
    const second = await h.postSigned(h.fake.makeWebhookBody([redelivered]));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(h.sink.calls.map((m) => m.eventKey)).toEqual(['E-ONCE', 'E-ONCE']);
    expect(h.sink.results).toEqual(['stored', 'duplicate']);
  });

  it('answers 503 when the sink cannot store an event, after trying the others', async () => {
    h.sink.failNext(1);
    const body = h.fake.makeWebhookBody([
      lineTextEvent({ userId, text: 'one', webhookEventId: 'E-1' }),
      lineTextEvent({ userId, text: 'two', webhookEventId: 'E-2' }),
    ]);
    const failed = await h.postSigned(body);
    expect(failed.status).toBe(503);
    expect(h.sink.results).toEqual(['failed', 'stored']);

    // LINE redelivers the same body: the stored one is a duplicate, the lost one is stored now.
    const retried = await h.postSigned(body);
    expect(retried.status).toBe(200);
    expect(h.sink.stored.map((m) => m.eventKey).sort()).toEqual(['E-1', 'E-2']);
  });

  it('answers 503 while the channel is stopped', async () => {
    await h.channel.stop();
    const response = await h.postSigned(h.fake.makeWebhookBody([lineTextEvent({ userId, text: 'hi' })]));
    expect(response.status).toBe(503);
  });

  it('cuts text over the inbound limit', async () => {
    await h.postSigned(h.fake.makeWebhookBody([lineTextEvent({ userId, text: '长'.repeat(MAX_INBOUND_TEXT + 500) })]));
    expect(h.sink.calls[0]?.text).toHaveLength(MAX_INBOUND_TEXT);
  });

  it('keeps message text, reply tokens and the secret out of the log', async () => {
    const event = lineTextEvent({ userId, text: '我很想用药，怎么办' });
    await h.postSigned(h.fake.makeWebhookBody([event]));
    await h.post(JSON.stringify(h.fake.makeWebhookBody([event])), { 'x-line-signature': 'bad' });
    const logs = h.logs();
    expect(logs).toContain('LINE event accepted');
    expect(logs).not.toContain('我很想用药');
    expect(logs).not.toContain(event.replyToken);
    expect(logs).not.toContain(CHANNEL_SECRET);
  });

  it('reports running with the time of the last event', async () => {
    expect(h.channel.status()).toMatchObject({ channel: 'LINE', state: 'running' });
    await h.postSigned(h.fake.makeWebhookBody([lineFollowEvent({ userId })]));
    expect(h.channel.status().lastEventAt).toEqual(expect.any(String));
  });
});
