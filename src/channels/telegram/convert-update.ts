import type { CallbackQuery, ChatMemberUpdated, Message, Update } from 'telegraf/types';
import { clampInboundText, type InboundKind, type InboundMessage } from '../../core/messages.js';

export type IgnoreReason =
  | 'edited'
  | 'not-private'
  | 'from-bot'
  | 'service-message'
  | 'no-callback-data'
  | 'member-status'
  | 'unsupported-update';

export type TelegramUpdateDecision =
  /** callbackQueryId: answer this callback query once the message is stored. */
  | { kind: 'accept'; message: InboundMessage; callbackQueryId?: string }
  | { kind: 'ignore'; reason: IgnoreReason };

/** Message content fields by the kind they become, checked in this order. */
const CONTENT_KINDS: ReadonlyArray<readonly [field: string, kind: InboundKind]> = [
  ['sticker', 'sticker'],
  ['photo', 'image'],
  ['voice', 'voice'],
  ['audio', 'voice'],
  ['video_note', 'video'],
  // An animation (GIF) also carries `document`, so it is looked at first.
  ['animation', 'video'],
  ['video', 'video'],
  ['document', 'file'],
  ['venue', 'location'],
  ['location', 'location'],
];

/**
 * Service messages: things that happened in the chat, not something the
 * person sent. Other unknown messages count as content ('other').
 */
const SERVICE_FIELDS = [
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'channel_chat_created',
  'message_auto_delete_timer_changed',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'pinned_message',
  'successful_payment',
  'refunded_payment',
  'users_shared',
  'chat_shared',
  'connected_website',
  'write_access_allowed',
  'proximity_alert_triggered',
  'boost_added',
  'chat_background_set',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'giveaway_created',
  'giveaway_completed',
  'video_chat_scheduled',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_participants_invited',
  'web_app_data',
  'passport_data',
];

/**
 * A Telegram update as a channel-neutral message. Only private chats with a
 * person count; edited messages, groups, channels and other update kinds are
 * ignored. Media become their kind without any text (captions are dropped).
 *
 * `receivedAt` stamps callback queries, which carry no date of their own.
 */
export function convertTelegramUpdate(update: Update, receivedAt: Date): TelegramUpdateDecision {
  if ('message' in update) return convertMessage(update.message);
  if ('callback_query' in update) return convertCallback(update.callback_query, receivedAt);
  if ('my_chat_member' in update) return convertMemberStatus(update.my_chat_member);
  if ('edited_message' in update) return { kind: 'ignore', reason: 'edited' };
  return { kind: 'ignore', reason: 'unsupported-update' };
}

function convertMessage(message: Message): TelegramUpdateDecision {
  if (message.chat.type !== 'private' || !message.from) return { kind: 'ignore', reason: 'not-private' };
  if (message.from.is_bot) return { kind: 'ignore', reason: 'from-bot' };
  const base = {
    channel: 'TELEGRAM' as const,
    eventKey: `${message.chat.id}:${message.message_id}`,
    externalUserId: String(message.from.id),
    chatId: String(message.chat.id),
    sentAt: new Date(message.date * 1000).toISOString(),
  };
  if ('text' in message) return { kind: 'accept', message: { ...base, kind: 'text', text: clampInboundText(normaliseCommand(message.text)) } };
  const kind = contentKind(message);
  if (kind === undefined) return { kind: 'ignore', reason: 'service-message' };
  return { kind: 'accept', message: { ...base, kind } };
}

function contentKind(message: Message): InboundKind | undefined {
  for (const [field, kind] of CONTENT_KINDS) if (field in message) return kind;
  if (SERVICE_FIELDS.some((field) => field in message)) return undefined;
  // contact, poll, dice, game, story, invoice, giveaway and whatever Telegram adds next.
  return 'other';
}

/**
 * "/start@TongxingBot CODE" (typed, or from a client that adds the bot's
 * name) reads as "/start CODE"; deep links already arrive as "/start CODE".
 */
function normaliseCommand(text: string): string {
  return text.replace(/^(\/start)@\w+(?=\s|$)/i, '$1');
}

function convertCallback(query: CallbackQuery, receivedAt: Date): TelegramUpdateDecision {
  // Without a message the button was on an inline-mode message, not in our chat.
  const chat = query.message?.chat;
  if (!chat || chat.type !== 'private') return { kind: 'ignore', reason: 'not-private' };
  if (query.from.is_bot) return { kind: 'ignore', reason: 'from-bot' };
  if (!('data' in query)) return { kind: 'ignore', reason: 'no-callback-data' };
  return {
    kind: 'accept',
    callbackQueryId: query.id,
    message: {
      channel: 'TELEGRAM',
      eventKey: `cb:${query.id}`,
      externalUserId: String(query.from.id),
      chatId: String(chat.id),
      kind: 'choice',
      choice: query.data,
      sentAt: receivedAt.toISOString(),
    },
  };
}

/**
 * In a private chat Telegram reports the bot's membership only when the
 * person blocks the bot ("kicked") or unblocks it ("member").
 */
function convertMemberStatus(change: ChatMemberUpdated): TelegramUpdateDecision {
  if (change.chat.type !== 'private') return { kind: 'ignore', reason: 'not-private' };
  const status = change.new_chat_member.status;
  const kind = status === 'kicked' ? 'unfollow' : status === 'member' ? 'follow' : undefined;
  if (kind === undefined) return { kind: 'ignore', reason: 'member-status' };
  return {
    kind: 'accept',
    message: {
      channel: 'TELEGRAM',
      eventKey: `${change.chat.id}:member:${change.date}:${status}`,
      externalUserId: String(change.from.id),
      chatId: String(change.chat.id),
      kind,
      sentAt: new Date(change.date * 1000).toISOString(),
    },
  };
}
