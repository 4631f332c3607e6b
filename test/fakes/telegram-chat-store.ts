// What the bot has said: messages it sent (with the ids and Message objects
// Telegram answered with) and edits to them, plus the chats the fake knows.
import type { Chat, InlineKeyboardMarkup, Message, User } from 'telegraf/types';
import { telegramErrors } from './telegram-errors.js';
import type { TelegramParams } from './telegram-params.js';

export const MAX_TEXT_LENGTH = 4096;

export interface TelegramEdit {
  method: 'editMessageText' | 'editMessageReplyMarkup';
  at: number;
  text?: string;
  replyMarkup?: unknown;
}

export interface SentTelegramMessage {
  chatId: number | string;
  text: string;
  /** reply_markup exactly as the bot sent it (inline or reply keyboard, etc.). */
  replyMarkup: unknown;
  params: TelegramParams;
  /** The Message the fake answered with. */
  message: Message.TextMessage;
  edits: TelegramEdit[];
  at: number;
}

export class TelegramChatStore {
  private readonly chats = new Map<string, Chat>();
  private readonly byKey = new Map<string, SentTelegramMessage>();
  private readonly log: SentTelegramMessage[] = [];
  private lastMessageId = 0;
  private lastChannelId = -1_001_000_000_000;

  constructor(
    private readonly bot: User,
    private readonly clock: () => number,
  ) {}

  registerChat(chat: Chat): void {
    this.chats.set(String(chat.id), chat);
    if ('username' in chat && chat.username) this.chats.set(`@${chat.username}`, chat);
  }

  knows(chatId: number | string): boolean {
    return this.chats.has(String(chatId));
  }

  chatFor(chatId: number | string): Chat {
    const known = this.chats.get(String(chatId));
    if (known) return known;
    let chat: Chat;
    if (typeof chatId === 'string') {
      this.lastChannelId -= 1;
      chat = { id: this.lastChannelId, type: 'channel', title: chatId, username: chatId.replace(/^@/, '') };
    } else if (chatId < 0) {
      chat = { id: chatId, type: 'supergroup', title: `Chat ${chatId}` };
    } else {
      chat = { id: chatId, type: 'private', first_name: `User ${chatId}` };
    }
    this.registerChat(chat);
    if (typeof chatId === 'string') this.chats.set(chatId, chat);
    return chat;
  }

  get sent(): readonly SentTelegramMessage[] {
    return this.log;
  }

  send(chatId: number | string, text: string, params: TelegramParams): Message.TextMessage {
    this.lastMessageId += 1;
    const now = this.clock();
    const inline = inlineKeyboard(params.reply_markup);
    const entities = Array.isArray(params.entities) ? { entities: params.entities as Message.TextMessage['entities'] } : {};
    const message: Message.TextMessage = {
      message_id: this.lastMessageId,
      from: this.bot,
      chat: this.chatFor(chatId),
      date: Math.floor(now / 1000),
      text,
      ...entities,
      ...(inline ? { reply_markup: inline } : {}),
    };
    const sent: SentTelegramMessage = {
      chatId,
      text,
      replyMarkup: params.reply_markup,
      params,
      message: structuredClone(message),
      edits: [],
      at: now,
    };
    this.log.push(sent);
    this.byKey.set(key(chatId, message.message_id), sent);
    return message;
  }

  editText(chatId: number | string, messageId: number, text: string, replyMarkup: unknown): Message.TextMessage {
    const sent = this.find(chatId, messageId);
    const current = this.current(sent);
    if (current.text === text && sameMarkup(current.replyMarkup, replyMarkup)) throw telegramErrors.notModified();
    sent.edits.push({ method: 'editMessageText', at: this.clock(), text, replyMarkup });
    return this.render(sent);
  }

  editMarkup(chatId: number | string, messageId: number, replyMarkup: unknown): Message.TextMessage {
    const sent = this.find(chatId, messageId);
    if (sameMarkup(this.current(sent).replyMarkup, replyMarkup)) throw telegramErrors.notModified();
    sent.edits.push({ method: 'editMessageReplyMarkup', at: this.clock(), replyMarkup });
    return this.render(sent);
  }

  private find(chatId: number | string, messageId: number): SentTelegramMessage {
    const sent = this.byKey.get(key(chatId, messageId));
    if (!sent) throw telegramErrors.messageToEditNotFound();
    return sent;
  }

  private current(sent: SentTelegramMessage): { text: string; replyMarkup: unknown } {
    let text = sent.text;
    let replyMarkup = inlineKeyboard(sent.replyMarkup);
    for (const edit of sent.edits) {
      if (edit.text !== undefined) text = edit.text;
      replyMarkup = inlineKeyboard(edit.replyMarkup);
    }
    return { text, replyMarkup };
  }

  private render(sent: SentTelegramMessage): Message.TextMessage {
    const { text, replyMarkup } = this.current(sent);
    const inline = inlineKeyboard(replyMarkup);
    const { reply_markup: _old, ...rest } = sent.message;
    return {
      ...rest,
      text,
      edit_date: Math.floor(this.clock() / 1000),
      ...(inline ? { reply_markup: inline } : {}),
    };
  }
}

function key(chatId: number | string, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/** Telegram only echoes inline keyboards back in Message.reply_markup. */
function inlineKeyboard(markup: unknown): InlineKeyboardMarkup | undefined {
  if (typeof markup === 'object' && markup !== null && 'inline_keyboard' in markup) {
    return markup as InlineKeyboardMarkup;
  }
  return undefined;
}

function sameMarkup(a: unknown, b: unknown): boolean {
  const inlineA = inlineKeyboard(a);
  const inlineB = inlineKeyboard(b);
  const emptyA = !inlineA || inlineA.inline_keyboard.length === 0;
  const emptyB = !inlineB || inlineB.inline_keyboard.length === 0;
  if (emptyA || emptyB) return emptyA && emptyB;
  return JSON.stringify(inlineA) === JSON.stringify(inlineB);
}
