// Telegram Bot API error answers, worded as the real server words them.

export interface TelegramErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export class TelegramApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(`${status}: ${description}`);
  }

  toBody(): TelegramErrorBody {
    return {
      ok: false,
      error_code: this.status,
      description: this.description,
      ...(this.retryAfter !== undefined ? { parameters: { retry_after: this.retryAfter } } : {}),
    };
  }
}

const bad = (description: string): TelegramApiError => new TelegramApiError(400, `Bad Request: ${description}`);

export const telegramErrors = {
  unauthorized: () => new TelegramApiError(401, 'Unauthorized'),
  notFound: () => new TelegramApiError(404, 'Not Found'),
  methodNotFound: () => new TelegramApiError(404, 'Not Found: method not found'),
  tooManyRequests: (retryAfter: number) =>
    new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter),
  blocked: () => new TelegramApiError(403, 'Forbidden: bot was blocked by the user'),
  chatNotFound: () => bad('chat not found'),
  chatIdEmpty: () => bad('chat_id is empty'),
  textEmpty: () => bad('message text is empty'),
  messageTooLong: () => bad('message is too long'),
  messageToEditNotFound: () => bad('message to edit not found'),
  messageIdInvalid: () => bad('message identifier is not specified'),
  notModified: () =>
    bad(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    ),
  queryIdInvalid: () => bad('query is too old and response timeout expired or query ID is invalid'),
  actionInvalid: () => bad('wrong type of action'),
  getUpdatesConflict: () =>
    new TelegramApiError(
      409,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    ),
  webhookActive: () =>
    new TelegramApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    ),
};
