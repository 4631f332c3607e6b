// The webhook helpers agree with @line/bot-sdk: signatures validate and the
// SDK's middleware accepts the signed bodies.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { middleware, validateSignature, webhook } from '@line/bot-sdk';
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
  makeLineWebhookBody,
  postLineWebhook,
  signLineBody,
  signedLineWebhook,
} from '../../fakes/line-api.js';

const secret = 'fake-channel-secret';
const userId = makeLineUserId('carol');

describe('LINE webhook helpers', () => {
  it('signs bodies the way @line/bot-sdk validates them', () => {
    const body = JSON.stringify(makeLineWebhookBody([lineTextEvent({ userId, text: '我想聊聊' })]));
    const signature = signLineBody(secret, body);
    expect(validateSignature(body, secret, signature)).toBe(true);
    expect(validateSignature(body, 'other-secret', signature)).toBe(false);
    expect(validateSignature(`${body} `, secret, signature)).toBe(false);
  });

  it('builds events with the fields LINE sends', () => {
    const text = lineTextEvent({ userId, text: 'hi', isRedelivery: true, timestamp: 1_700_000_000_000 });
    expect(text).toMatchObject({
      type: 'message',
      mode: 'active',
      timestamp: 1_700_000_000_000,
      source: { type: 'user', userId },
      deliveryContext: { isRedelivery: true },
      message: { type: 'text', text: 'hi' },
    });
    expect(text.webhookEventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(text.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect(lineStickerEvent({ userId }).message).toMatchObject({ type: 'sticker', stickerResourceType: 'STATIC' });
    expect(lineImageEvent({ userId }).message).toMatchObject({ type: 'image', contentProvider: { type: 'line' } });
    expect(lineAudioEvent({ userId, durationMs: 1500 }).message).toMatchObject({ type: 'audio', duration: 1500 });
    expect(lineLocationEvent({ userId, latitude: 25.03, longitude: 121.56 }).message).toMatchObject({ type: 'location' });
    expect(lineFollowEvent({ userId, isUnblocked: true })).toMatchObject({ type: 'follow', follow: { isUnblocked: true } });
    expect(lineUnfollowEvent({ userId })).not.toHaveProperty('replyToken');
    expect(linePostbackEvent({ userId, data: 'mood=ok' })).toMatchObject({ type: 'postback', postback: { data: 'mood=ok' } });
  });

  it('is accepted by the SDK middleware when posted to a bot', async () => {
    const received: webhook.Event[] = [];
    const check = middleware({ channelSecret: secret });
    const server: Server = createServer((incoming, res) => {
      const req: IncomingMessage & { body: unknown } = Object.assign(incoming, { body: undefined });
      void check(req, res, (error?: Error) => {
        if (error) {
          res.statusCode = 401;
          res.end(String(error));
          return;
        }
        received.push(...(req.body as webhook.CallbackRequest).events);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const body = makeLineWebhookBody([lineTextEvent({ userId, text: '在吗' })]);
      const ok = await postLineWebhook(url, secret, body);
      expect(ok.status).toBe(200);
      expect(received).toHaveLength(1);

      const forged = signedLineWebhook('wrong-secret', body);
      const bad = await fetch(url, { method: 'POST', headers: forged.headers, body: forged.body });
      expect(bad.status).toBe(401);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
