// Typed builders for the updates Telegram delivers to a bot (getUpdates or
// webhook). Shapes follow the Bot API; types come from telegraf/types.
import type { CallbackQuery, Chat, Message, MessageEntity, Update, User } from 'telegraf/types';

export interface UpdateBaseOptions {
  /** Defaults to an increasing module-wide counter. */
  updateId?: number;
  chatId: number;
  /** Sender id; defaults to chatId (a private chat). */
  fromId?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** Defaults to an increasing module-wide counter. */
  messageId?: number;
  /** Unix seconds; defaults to now. */
  date?: number;
}

type NonChannelChat = Exclude<Chat, Chat.ChannelChat>;

let lastUpdateId = 10_000;
let lastMessageId = 50_000;

export function nextUpdateId(): number {
  lastUpdateId += 1;
  return lastUpdateId;
}

function updateIdOf(options: UpdateBaseOptions): number {
  const id = options.updateId ?? nextUpdateId();
  lastUpdateId = Math.max(lastUpdateId, id);
  return id;
}

function messageIdOf(options: { messageId?: number }): number {
  if (options.messageId !== undefined) return options.messageId;
  lastMessageId += 1;
  return lastMessageId;
}

export function makeUser(options: UpdateBaseOptions): User {
  return {
    id: options.fromId ?? options.chatId,
    is_bot: false,
    first_name: options.firstName ?? 'Test',
    ...(options.lastName !== undefined ? { last_name: options.lastName } : {}),
    ...(options.username !== undefined ? { username: options.username } : {}),
    language_code: options.languageCode ?? 'zh-hans',
  };
}

export function makeChat(options: UpdateBaseOptions): NonChannelChat {
  if (options.chatId < 0) return { id: options.chatId, type: 'group', title: `Group ${options.chatId}` };
  return {
    id: options.chatId,
    type: 'private',
    first_name: options.firstName ?? 'Test',
    ...(options.lastName !== undefined ? { last_name: options.lastName } : {}),
    ...(options.username !== undefined ? { username: options.username } : {}),
  };
}

function messageBase(options: UpdateBaseOptions): {
  message_id: number;
  date: number;
  chat: NonChannelChat;
  from: User;
  edit_date?: never;
  author_signature?: never;
} {
  return {
    message_id: messageIdOf(options),
    date: options.date ?? Math.floor(Date.now() / 1000),
    chat: makeChat(options),
    from: makeUser(options),
  };
}

/** Marks a leading /command as a bot_command entity, as Telegram clients do. */
function commandEntities(text: string): MessageEntity[] | undefined {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
}

export function makeTextUpdate(
  options: UpdateBaseOptions & { text: string; entities?: MessageEntity[] },
): Update.MessageUpdate<Message.TextMessage> {
  const entities = options.entities ?? commandEntities(options.text);
  return {
    update_id: updateIdOf(options),
    message: { ...messageBase(options), text: options.text, ...(entities ? { entities } : {}) },
  };
}

export function makeCallbackUpdate(
  options: UpdateBaseOptions & {
    data: string;
    callbackQueryId?: string;
    /** Text of the bot message that carried the button. */
    messageText?: string;
    /** The bot that sent that message; defaults to a generic bot user. */
    bot?: User;
  },
): Update.CallbackQueryUpdate<CallbackQuery.DataQuery> {
  const updateId = updateIdOf(options);
  const bot: User = options.bot ?? { id: 1, is_bot: true, first_name: 'Bot', username: 'fake_bot' };
  const message: Message.TextMessage = {
    message_id: messageIdOf(options),
    date: options.date ?? Math.floor(Date.now() / 1000),
    chat: makeChat(options),
    from: bot,
    text: options.messageText ?? '',
  };
  return {
    update_id: updateId,
    callback_query: {
      id: options.callbackQueryId ?? `cbq-${updateId}`,
      from: makeUser(options),
      chat_instance: `ci-${options.chatId}`,
      data: options.data,
      message,
    },
  };
}

export function makeStickerUpdate(
  options: UpdateBaseOptions & { emoji?: string; fileId?: string; setName?: string },
): Update.MessageUpdate<Message.StickerMessage> {
  const fileId = options.fileId ?? 'CAACAgIAAxkBAAFakeSticker';
  return {
    update_id: updateIdOf(options),
    message: {
      ...messageBase(options),
      sticker: {
        file_id: fileId,
        file_unique_id: `u-${fileId}`,
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: options.emoji ?? '👍',
        ...(options.setName !== undefined ? { set_name: options.setName } : {}),
      },
    },
  };
}

export function makePhotoUpdate(
  options: UpdateBaseOptions & { caption?: string; fileId?: string },
): Update.MessageUpdate<Message.PhotoMessage> {
  const fileId = options.fileId ?? 'AgACAgIAAxkBAAFakePhoto';
  return {
    update_id: updateIdOf(options),
    message: {
      ...messageBase(options),
      photo: [
        { file_id: `${fileId}-s`, file_unique_id: `u-${fileId}-s`, width: 90, height: 90, file_size: 1_200 },
        { file_id: fileId, file_unique_id: `u-${fileId}`, width: 1280, height: 1280, file_size: 98_000 },
      ],
      ...(options.caption !== undefined ? { caption: options.caption } : {}),
    },
  };
}

export function makeVoiceUpdate(
  options: UpdateBaseOptions & { duration?: number; fileId?: string },
): Update.MessageUpdate<Message.VoiceMessage> {
  const fileId = options.fileId ?? 'AwACAgIAAxkBAAFakeVoice';
  return {
    update_id: updateIdOf(options),
    message: {
      ...messageBase(options),
      voice: {
        file_id: fileId,
        file_unique_id: `u-${fileId}`,
        duration: options.duration ?? 3,
        mime_type: 'audio/ogg',
        file_size: 12_000,
      },
    },
  };
}

/** The chat an update came from, if it has one (used to register known chats). */
export function chatOfUpdate(update: Update): Chat | undefined {
  if ('message' in update) return update.message.chat;
  if ('edited_message' in update) return update.edited_message.chat;
  if ('channel_post' in update) return update.channel_post.chat;
  if ('callback_query' in update) {
    const message = update.callback_query.message;
    return message ? message.chat : undefined;
  }
  return undefined;
}
