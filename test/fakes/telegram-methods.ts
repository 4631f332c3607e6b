// The Bot API methods the fake implements and the bot-side state behind them
// (update queue, sent messages, webhook, blocked/unknown chats). No HTTP here:
// FakeTelegramApi routes calls to these handlers.
import type { ServerResponse } from 'node:http';
import type { UserFromGetMe } from 'telegraf/types';
import type { ParsedBody } from './parse-body.js';
import type { RecordedRequest } from './request-log.js';
import { MAX_TEXT_LENGTH, TelegramChatStore } from './telegram-chat-store.js';
import { TelegramApiError, telegramErrors } from './telegram-errors.js';
import { TelegramLimits, type TelegramLimitOptions } from './telegram-limits.js';
import { chatIdParam, numberParam, stringParam, type TelegramParams } from './telegram-params.js';
import { TelegramUpdateQueue } from './telegram-update-queue.js';

export interface TelegramRequestRecord extends RecordedRequest {
  /** The Bot API method from the URL, as sent (telegraf uses camelCase). */
  apiMethod: string;
  token: string;
  params: TelegramParams;
  body: ParsedBody;
  chatId: number | string | undefined;
}

export interface TelegramCall {
  params: TelegramParams;
  record: TelegramRequestRecord;
  res: ServerResponse;
}

export interface TelegramAnswer {
  result: unknown;
  description?: string;
}

export type TelegramMethodHandler = (call: TelegramCall) => TelegramAnswer | Promise<TelegramAnswer>;

export interface TelegramWebhook {
  url: string;
  secretToken: string | undefined;
  maxConnections: number | undefined;
  allowedUpdates: unknown;
}

export interface TelegramBotStateOptions {
  clock: () => number;
  limits: TelegramLimitOptions;
  maxLongPollMs: number;
  onlyKnownChats: boolean;
}

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

export class TelegramBotState {
  readonly queue = new TelegramUpdateQueue();
  readonly store: TelegramChatStore;
  readonly blocked = new Set<string>();
  readonly unknown = new Set<string>();
  webhook: TelegramWebhook | undefined;
  private readonly limits: TelegramLimits;
  private readonly answeredQueries = new Set<string>();

  constructor(
    readonly botUser: UserFromGetMe,
    private readonly options: TelegramBotStateOptions,
  ) {
    this.store = new TelegramChatStore(botUser, options.clock);
    this.limits = new TelegramLimits(options.limits, options.clock);
  }

  /** The built-in methods, keyed by lower-cased name (Telegram ignores case). */
  methods(): Map<string, TelegramMethodHandler> {
    const handlers: Array<[string, TelegramMethodHandler]> = [
      ['getMe', () => ({ result: this.botUser })],
      ['logOut', () => ({ result: true })],
      ['setMyCommands', () => ({ result: true })],
      ['deleteMyCommands', () => ({ result: true })],
      ['setWebhook', ({ params }) => this.setWebhook(params)],
      ['deleteWebhook', ({ params }) => this.deleteWebhook(params)],
      ['getWebhookInfo', () => this.getWebhookInfo()],
      ['getUpdates', (call) => this.getUpdates(call)],
      ['sendMessage', ({ params }) => this.sendMessage(params)],
      ['editMessageText', ({ params }) => this.editMessage(params, 'text')],
      ['editMessageReplyMarkup', ({ params }) => this.editMessage(params, 'markup')],
      ['answerCallbackQuery', ({ params }) => this.answerCallbackQuery(params)],
      ['sendChatAction', ({ params }) => this.sendChatAction(params)],
      ['deleteMessage', ({ params }) => (this.checkChat(params), { result: true })],
    ];
    return new Map(handlers.map(([name, handler]) => [name.toLowerCase(), handler]));
  }

  private setWebhook(params: TelegramParams): TelegramAnswer {
    const url = stringParam(params, 'url') ?? '';
    if (params.drop_pending_updates === true) this.queue.dropPending();
    if (url === '') {
      this.webhook = undefined;
      return { result: true, description: 'Webhook was deleted' };
    }
    // The real server insists on HTTPS; the fake also takes http:// for loopback bots.
    if (!/^https?:\/\//.test(url)) {
      throw new TelegramApiError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    }
    this.webhook = {
      url,
      secretToken: stringParam(params, 'secret_token'),
      maxConnections: numberParam(params, 'max_connections'),
      allowedUpdates: params.allowed_updates,
    };
    return { result: true, description: 'Webhook was set' };
  }

  private deleteWebhook(params: TelegramParams): TelegramAnswer {
    if (params.drop_pending_updates === true) this.queue.dropPending();
    const wasSet = this.webhook !== undefined;
    this.webhook = undefined;
    return { result: true, description: wasSet ? 'Webhook was deleted' : 'Webhook is already deleted' };
  }

  private getWebhookInfo(): TelegramAnswer {
    const hook = this.webhook;
    return {
      result: {
        url: hook?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: this.queue.size,
        ...(hook?.maxConnections !== undefined ? { max_connections: hook.maxConnections } : {}),
        ...(Array.isArray(hook?.allowedUpdates) ? { allowed_updates: hook.allowedUpdates } : {}),
      },
    };
  }

  private async getUpdates({ params, res }: TelegramCall): Promise<TelegramAnswer> {
    if (this.webhook) throw telegramErrors.webhookActive();
    const timeoutSeconds = numberParam(params, 'timeout') ?? 0;
    const updates = await this.queue.getUpdates({
      offset: numberParam(params, 'offset'),
      limit: numberParam(params, 'limit'),
      timeoutMs: Math.min(timeoutSeconds * 1000, this.options.maxLongPollMs),
      onCancel: (cancel) => res.once('close', cancel),
    });
    return { result: updates };
  }

  private sendMessage(params: TelegramParams): TelegramAnswer {
    const chatId = this.checkChat(params);
    const text = checkText(params);
    const retryAfter = this.limits.admit(String(chatId));
    if (retryAfter !== undefined) throw telegramErrors.tooManyRequests(retryAfter);
    return { result: this.store.send(chatId, text, params) };
  }

  private editMessage(params: TelegramParams, what: 'text' | 'markup'): TelegramAnswer {
    if (stringParam(params, 'inline_message_id')) {
      if (what === 'text') checkText(params);
      return { result: true };
    }
    const chatId = this.checkChat(params);
    const messageId = numberParam(params, 'message_id');
    if (messageId === undefined) throw telegramErrors.messageIdInvalid();
    if (what === 'markup') return { result: this.store.editMarkup(chatId, messageId, params.reply_markup) };
    return { result: this.store.editText(chatId, messageId, checkText(params), params.reply_markup) };
  }

  private answerCallbackQuery(params: TelegramParams): TelegramAnswer {
    const id = stringParam(params, 'callback_query_id');
    if (!id || this.answeredQueries.has(id)) throw telegramErrors.queryIdInvalid();
    this.answeredQueries.add(id);
    return { result: true };
  }

  private sendChatAction(params: TelegramParams): TelegramAnswer {
    this.checkChat(params);
    if (!CHAT_ACTIONS.has(stringParam(params, 'action') ?? '')) throw telegramErrors.actionInvalid();
    return { result: true };
  }

  private checkChat(params: TelegramParams): number | string {
    const chatId = chatIdParam(params);
    if (chatId === undefined) throw telegramErrors.chatIdEmpty();
    const key = String(chatId);
    if (this.unknown.has(key) || (this.options.onlyKnownChats && !this.store.knows(chatId))) {
      throw telegramErrors.chatNotFound();
    }
    if (this.blocked.has(key)) throw telegramErrors.blocked();
    return chatId;
  }
}

function checkText(params: TelegramParams): string {
  const text = stringParam(params, 'text') ?? '';
  if (text.trim() === '') throw telegramErrors.textEmpty();
  if (text.length > MAX_TEXT_LENGTH) throw telegramErrors.messageTooLong();
  return text;
}
