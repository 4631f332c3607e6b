import type { OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../log/logger.js';
import type { SendResult, SendTarget } from '../channel.js';
import { buildTelegramMessages } from './build-messages.js';
import type { TelegramApi } from './client.js';
import { classifyTelegramError } from './errors.js';
import type { ChannelProblems } from './problems.js';
import { SendProgress } from './send-progress.js';

export interface TelegramSenderOptions {
  api: TelegramApi;
  log: Logger;
  problems: ChannelProblems;
}

export type TelegramSend = (target: SendTarget, message: OutboundMessage) => Promise<SendResult>;

/**
 * Sends a message as one sendMessage call per part, in order. A failure
 * returns at once; the parts already sent are remembered for the row, so the
 * outbox's retry continues with the failed part. Never throws.
 */
export function createTelegramSender(options: TelegramSenderOptions): TelegramSend {
  const { api, log, problems } = options;
  const progress = new SendProgress();

  return async function send(target, message) {
    const built = buildTelegramMessages(message);
    if (!built.ok) return { ok: false, kind: 'rejected', reason: built.reason };
    const { parts } = built;
    const chatId = /^-?\d+$/.test(target.chatId) ? Number(target.chatId) : target.chatId;
    const key = target.idempotencyKey;

    const platformMessageIds = progress.sent(key, parts);
    if (platformMessageIds.length > 0) log.debug({ resumeAt: platformMessageIds.length + 1, parts: parts.length }, 'Telegram send resumes a split message');
    for (let index = platformMessageIds.length; index < parts.length; index += 1) {
      const part = parts[index];
      if (!part) break;
      try {
        const sent = await api.sendMessage(chatId, part.text, part.replyMarkup);
        platformMessageIds.push(String(sent.message_id));
        if (index < parts.length - 1) progress.record(key, parts, platformMessageIds);
      } catch (error) {
        const failure = classifyTelegramError(error);
        const context = { part: index + 1, parts: parts.length, kind: failure.kind, reason: failure.reason };
        if (failure.kind === 'operator') {
          if (problems.set('send', failure.reason)) log.error(context, 'Telegram refused the bot token or API root; check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT');
          return { ok: false, kind: 'retry', reason: failure.reason };
        }
        if (failure.kind === 'retry') {
          log.warn(context, 'Telegram send failed; will retry');
          return { ok: false, kind: 'retry', reason: failure.reason, ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) };
        }
        // Permanent for this row: nothing is resumed.
        progress.forget(key);
        log.warn(context, 'Telegram send failed');
        return { ok: false, kind: failure.kind, reason: failure.reason };
      }
    }
    progress.forget(key);
    if (problems.clear('send')) log.info('Telegram accepts the bot token again');
    log.debug({ parts: parts.length }, 'Telegram message sent');
    return { ok: true, platformMessageIds };
  };
}
