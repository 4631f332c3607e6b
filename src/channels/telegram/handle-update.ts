import type { Update } from 'telegraf/types';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../log/logger.js';
import type { InboundSink } from '../channel.js';
import type { TelegramApi } from './client.js';
import { convertTelegramUpdate } from './convert-update.js';
import { classifyTelegramError } from './errors.js';
import { updateType } from './parse-update.js';

export interface UpdateHandlerOptions {
  api: TelegramApi;
  log: Logger;
  clock: Clock;
  /** Called after each event the sink took. */
  onAccepted: () => void;
}

export type HandleOutcome = 'stored' | 'duplicate' | 'ignored';

export interface UpdateHandler {
  /** Converts and stores one update; rejects when the sink could not store it. */
  handle(update: Update, sink: InboundSink): Promise<HandleOutcome>;
  /** Resolves when the callback answers in flight have settled. */
  settle(): Promise<void>;
}

/**
 * The one path from a Telegram update to the inbox, shared by the webhook and
 * polling. After a callback query is stored its answer goes out in the
 * background (it only stops the button's spinner); a failed answer is logged.
 */
export function createUpdateHandler(options: UpdateHandlerOptions): UpdateHandler {
  const { api, log, clock } = options;
  const answering = new Set<Promise<void>>();

  function answerCallback(callbackQueryId: string): void {
    const answer = api
      .answerCallbackQuery(callbackQueryId)
      .then(() => undefined)
      .catch((error: unknown) => {
        const failure = classifyTelegramError(error);
        log.warn({ kind: failure.kind, reason: failure.reason }, 'Telegram callback query could not be answered');
      })
      .finally(() => answering.delete(answer));
    answering.add(answer);
  }

  return {
    async handle(update, sink) {
      const type = updateType(update);
      const decision = convertTelegramUpdate(update, clock.now());
      if (decision.kind === 'ignore') {
        log.debug({ updateType: type, reason: decision.reason }, 'Telegram update ignored');
        return 'ignored';
      }
      const stored = await sink.accept(decision.message);
      options.onAccepted();
      log.debug({ updateType: type, kind: decision.message.kind, stored }, 'Telegram update accepted');
      // A duplicate's query was answered when it was first stored.
      if (decision.callbackQueryId !== undefined && stored === 'stored') answerCallback(decision.callbackQueryId);
      return stored;
    },
    async settle() {
      await Promise.all([...answering]);
    },
  };
}
