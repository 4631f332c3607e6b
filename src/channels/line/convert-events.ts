import type { webhook } from '@line/bot-sdk';
import { clampInboundText, type InboundKind, type InboundMessage } from '../../core/messages.js';

/**
 * How long after an event we still use its reply token. LINE's tokens last
 * about a minute; stopping 10 s early leaves room for the outbox and the call
 * itself, so a reply rarely fails at the edge and has to go out as a push.
 */
export const REPLY_TOKEN_LIFETIME_MS = 50_000;

export type LineEventDecision =
  | { kind: 'accept'; message: InboundMessage }
  | { kind: 'ignore'; reason: 'not-a-user' | 'standby' | 'unsupported-event' };

const MESSAGE_KINDS: Partial<Record<string, InboundKind>> = {
  text: 'text',
  sticker: 'sticker',
  image: 'image',
  video: 'video',
  audio: 'voice',
  file: 'file',
  location: 'location',
} satisfies Record<webhook.MessageContent['type'], InboundKind>;

/**
 * A LINE webhook event as a channel-neutral message. Only one-to-one chats
 * with a person count: group and room events are ignored, as are events in
 * standby mode (another module owns the chat then).
 */
export function convertLineEvent(event: webhook.Event): LineEventDecision {
  const source = event.source;
  if (source?.type !== 'user' || !source.userId) return { kind: 'ignore', reason: 'not-a-user' };
  if (event.mode === 'standby') return { kind: 'ignore', reason: 'standby' };

  const base = {
    channel: 'LINE' as const,
    // webhookEventId is unique per event and kept on redelivery.
    eventKey: event.webhookEventId,
    externalUserId: source.userId,
    chatId: source.userId,
    sentAt: new Date(event.timestamp).toISOString(),
  };
  const withReplyToken = (token: string | undefined): Pick<InboundMessage, 'replyToken'> =>
    token ? { replyToken: { token, expiresAt: new Date(event.timestamp + REPLY_TOKEN_LIFETIME_MS).toISOString() } } : {};

  switch (event.type) {
    case 'message': {
      const content = event.message;
      const kind = MESSAGE_KINDS[content.type] ?? 'other';
      const reply = withReplyToken(event.replyToken);
      if (content.type === 'text' && typeof content.text === 'string') {
        return { kind: 'accept', message: { ...base, ...reply, kind: 'text', text: clampInboundText(content.text) } };
      }
      return { kind: 'accept', message: { ...base, ...reply, kind: kind === 'text' ? 'other' : kind } };
    }
    case 'follow':
      return { kind: 'accept', message: { ...base, ...withReplyToken(event.replyToken), kind: 'follow' } };
    case 'unfollow':
      return { kind: 'accept', message: { ...base, kind: 'unfollow' } };
    case 'postback':
      return { kind: 'accept', message: { ...base, ...withReplyToken(event.replyToken), kind: 'choice', choice: event.postback.data } };
    default:
      return { kind: 'ignore', reason: 'unsupported-event' };
  }
}
