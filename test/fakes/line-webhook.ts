// What the LINE Platform sends to a bot's webhook: typed event builders, the
// request body, and the x-line-signature (base64 HMAC-SHA256 of the raw body
// keyed with the channel secret).
import { createHmac } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';
import { makeLineMessageId, makeLineUserId, makeQuoteToken, makeReplyToken, makeWebhookEventId } from './line-ids.js';

/** The default bot user id (FakeLineApi's botInfo.userId and webhook `destination`). */
export const FAKE_LINE_BOT_USER_ID = makeLineUserId('tongxing-fake-line-bot');

export function signLineBody(channelSecret: string, body: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}

export interface LineEventOptions {
  userId: string;
  /** Defaults to a fresh random token (FakeLineApi.makeWebhookBody registers it). */
  replyToken?: string;
  webhookEventId?: string;
  /** Milliseconds since the epoch; defaults to now. */
  timestamp?: number;
  isRedelivery?: boolean;
  mode?: webhook.EventMode;
}

type EventBase = Omit<webhook.EventBase, 'type'> & { source: webhook.UserSource };

function base(options: LineEventOptions): EventBase {
  const timestamp = options.timestamp ?? Date.now();
  return {
    source: { type: 'user', userId: options.userId },
    timestamp,
    mode: options.mode ?? 'active',
    webhookEventId: options.webhookEventId ?? makeWebhookEventId(timestamp),
    deliveryContext: { isRedelivery: options.isRedelivery ?? false },
  };
}

type MessageEventOf<C extends webhook.MessageContent> = webhook.MessageEvent & {
  replyToken: string;
  message: C;
  source: webhook.UserSource;
};

function messageEvent<C extends webhook.MessageContent>(options: LineEventOptions, message: C): MessageEventOf<C> {
  return { ...base(options), type: 'message', replyToken: options.replyToken ?? makeReplyToken(), message };
}

export function lineTextEvent(
  options: LineEventOptions & { text: string; messageId?: string },
): MessageEventOf<webhook.TextMessageContent> {
  return messageEvent(options, {
    type: 'text',
    id: options.messageId ?? makeLineMessageId(),
    text: options.text,
    quoteToken: makeQuoteToken(),
  });
}

export function lineStickerEvent(
  options: LineEventOptions & { packageId?: string; stickerId?: string; keywords?: string[]; messageId?: string },
): MessageEventOf<webhook.StickerMessageContent> {
  return messageEvent(options, {
    type: 'sticker',
    id: options.messageId ?? makeLineMessageId(),
    packageId: options.packageId ?? '446',
    stickerId: options.stickerId ?? '1988',
    stickerResourceType: 'STATIC',
    ...(options.keywords ? { keywords: options.keywords } : {}),
    quoteToken: makeQuoteToken(),
  });
}

export function lineImageEvent(
  options: LineEventOptions & { messageId?: string },
): MessageEventOf<webhook.ImageMessageContent> {
  return messageEvent(options, {
    type: 'image',
    id: options.messageId ?? makeLineMessageId(),
    contentProvider: { type: 'line' },
    quoteToken: makeQuoteToken(),
  });
}

export function lineAudioEvent(
  options: LineEventOptions & { durationMs?: number; messageId?: string },
): MessageEventOf<webhook.AudioMessageContent> {
  return messageEvent(options, {
    type: 'audio',
    id: options.messageId ?? makeLineMessageId(),
    contentProvider: { type: 'line' },
    duration: options.durationMs ?? 4_000,
  });
}

export function lineLocationEvent(
  options: LineEventOptions & { latitude: number; longitude: number; title?: string; address?: string; messageId?: string },
): MessageEventOf<webhook.LocationMessageContent> {
  return messageEvent(options, {
    type: 'location',
    id: options.messageId ?? makeLineMessageId(),
    latitude: options.latitude,
    longitude: options.longitude,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.address !== undefined ? { address: options.address } : {}),
  });
}

export function lineFollowEvent(
  options: LineEventOptions & { isUnblocked?: boolean },
): webhook.FollowEvent & { source: webhook.UserSource } {
  return {
    ...base(options),
    type: 'follow',
    replyToken: options.replyToken ?? makeReplyToken(),
    follow: { isUnblocked: options.isUnblocked ?? false },
  };
}

/** Unfollow (block) events carry no reply token. */
export function lineUnfollowEvent(
  options: Omit<LineEventOptions, 'replyToken'>,
): webhook.UnfollowEvent & { source: webhook.UserSource } {
  return { ...base(options), type: 'unfollow' };
}

export function linePostbackEvent(
  options: LineEventOptions & { data: string; params?: Record<string, string> },
): webhook.PostbackEvent & { replyToken: string; source: webhook.UserSource } {
  return {
    ...base(options),
    type: 'postback',
    replyToken: options.replyToken ?? makeReplyToken(),
    postback: { data: options.data, ...(options.params ? { params: options.params } : {}) },
  };
}

/** The bot's own user id goes in `destination`. */
export function makeLineWebhookBody(
  events: webhook.Event[],
  destination: string = FAKE_LINE_BOT_USER_ID,
): webhook.CallbackRequest {
  return { destination, events };
}

/** Body text plus the headers LINE sends with it. */
export function signedLineWebhook(
  channelSecret: string,
  body: webhook.CallbackRequest | string,
): { body: string; headers: Record<string, string> } {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    body: text,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-line-signature': signLineBody(channelSecret, text),
      'user-agent': 'LineBotWebhook/2.0',
    },
  };
}

/** POSTs a signed webhook body to the bot, as the LINE Platform does. */
export async function postLineWebhook(
  url: string,
  channelSecret: string,
  body: webhook.CallbackRequest | string,
): Promise<Response> {
  const signed = signedLineWebhook(channelSecret, body);
  return fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
}
