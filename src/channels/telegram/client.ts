import { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup, Message, Update, WebhookInfo } from 'telegraf/types';

/** Our own deadline for a Bot API call; telegraf's is 500 s. */
export class TelegramTimeoutError extends Error {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`Telegram ${method} took longer than ${timeoutMs} ms`);
    this.name = 'TelegramTimeoutError';
  }
}

/** The updates the channel reads; everything else is not delivered at all. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** The signal type telegraf declares (the abort-controller polyfill's). */
type ClientSignal = NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;

/**
 * The few Bot API calls the channel makes, each with a deadline. Calls go
 * through telegraf's `callApi`, the one entry point that takes an AbortSignal.
 */
export interface TelegramApi {
  sendMessage(chatId: number | string, text: string, replyMarkup?: InlineKeyboardMarkup): Promise<Message.TextMessage>;
  answerCallbackQuery(callbackQueryId: string): Promise<true>;
  setWebhook(url: string, secretToken: string): Promise<true>;
  deleteWebhook(): Promise<true>;
  getWebhookInfo(): Promise<WebhookInfo>;
  /** The bot's own account (its username makes t.me invite links). */
  getMe(): Promise<{ username?: string }>;
  /** Long poll; `signal` ends it early (stop). */
  getUpdates(offset: number, timeoutSeconds: number, signal: AbortSignal): Promise<Update[]>;
  /** Confirms updates before `offset` without waiting for new ones. */
  confirmUpdates(offset: number): Promise<void>;
}

export function createTelegramApi(token: string, apiRoot: string, requestTimeoutMs: number): TelegramApi {
  const telegram = new Telegram(token, { apiRoot: withTrailingSlash(apiRoot) });

  async function call<T>(method: string, run: (signal: ClientSignal) => Promise<T>, timeoutMs = requestTimeoutMs, outer?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    try {
      // node-fetch 2 accepts any AbortSignal whose constructor is named AbortSignal, the native one included.
      return await run(signal as unknown as ClientSignal);
    } catch (error) {
      if (timeout.aborted && !outer?.aborted) throw new TelegramTimeoutError(method, timeoutMs);
      throw error;
    }
  }

  return {
    sendMessage: (chatId, text, replyMarkup) =>
      call('sendMessage', (signal) =>
        telegram.callApi('sendMessage', { chat_id: chatId, text, ...(replyMarkup ? { reply_markup: replyMarkup } : {}) }, { signal }),
      ),
    answerCallbackQuery: (id) => call('answerCallbackQuery', (signal) => telegram.callApi('answerCallbackQuery', { callback_query_id: id }, { signal })),
    setWebhook: (url, secretToken) =>
      call('setWebhook', (signal) =>
        telegram.callApi('setWebhook', { url, secret_token: secretToken, allowed_updates: ALLOWED_UPDATES }, { signal }),
      ),
    // Pending updates are kept: they are delivered by polling instead.
    deleteWebhook: () => call('deleteWebhook', (signal) => telegram.callApi('deleteWebhook', { drop_pending_updates: false }, { signal })),
    getWebhookInfo: () => call('getWebhookInfo', (signal) => telegram.callApi('getWebhookInfo', {}, { signal })),
    getMe: () => call('getMe', (signal) => telegram.callApi('getMe', {}, { signal })),
    getUpdates: (offset, timeoutSeconds, outer) =>
      call(
        'getUpdates',
        (signal) => telegram.callApi('getUpdates', { offset, timeout: timeoutSeconds, allowed_updates: ALLOWED_UPDATES }, { signal }),
        timeoutSeconds * 1000 + requestTimeoutMs,
        outer,
      ),
    confirmUpdates: async (offset) => {
      await call('getUpdates', (signal) => telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }, { signal }));
    },
  };
}

/**
 * telegraf resolves `./bot<token>/<method>` against apiRoot, so a root with a
 * path but no trailing slash would lose its last segment.
 */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
