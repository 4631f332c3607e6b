import { types, type Message } from 'wechaty';
import { clampInboundText, type InboundKind, type InboundMessage } from '../../core/messages.js';

export type InboundDecision =
  | { kind: 'accept'; message: InboundMessage }
  | { kind: 'ignore'; reason: 'self' | 'room' | 'official-account' | 'recalled' };

const NON_TEXT: Partial<Record<types.Message, InboundKind>> = {
  [types.Message.Image]: 'image',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
  [types.Message.Emoticon]: 'sticker',
  [types.Message.Location]: 'location',
};

/**
 * A WeChat message as a channel-neutral one. Only people writing to the bot
 * one-to-one count: group chats, the bot's own messages (also those typed on
 * its phone) and official accounts' pushes are ignored.
 */
export function toInbound(message: Message): InboundDecision {
  if (message.self()) return { kind: 'ignore', reason: 'self' };
  if (message.room()) return { kind: 'ignore', reason: 'room' };
  const talker = message.talker();
  if (talker.type() === types.Contact.Official) return { kind: 'ignore', reason: 'official-account' };
  const type = message.type();
  if (type === types.Message.Recalled) return { kind: 'ignore', reason: 'recalled' };

  const base = {
    channel: 'WECHAT' as const,
    eventKey: message.id,
    externalUserId: talker.id,
    chatId: talker.id,
    sentAt: message.date().toISOString(),
  };
  if (type === types.Message.Text) {
    return { kind: 'accept', message: { ...base, kind: 'text', text: clampInboundText(message.text()) } };
  }
  return { kind: 'accept', message: { ...base, kind: NON_TEXT[type] ?? 'other' } };
}
