import type { Update } from 'telegraf/types';
import type { Logger } from '../../log/logger.js';
import type { InboundSink } from '../channel.js';
import type { TelegramApi } from './client.js';
import { classifyTelegramError, type TelegramFailure } from './errors.js';
import type { UpdateHandler } from './handle-update.js';
import type { ChannelProblems } from './problems.js';
import { isTelegramUpdate, updateType } from './parse-update.js';
import { backoffMs, sleep, type RetryDelay } from './sleep.js';

export interface PollingOptions {
  api: TelegramApi;
  handler: UpdateHandler;
  sink: InboundSink;
  log: Logger;
  problems: ChannelProblems;
  pollTimeoutSeconds: number;
  retryDelay: RetryDelay;
  /** Called whenever a call to Telegram worked: the token and API root are good. */
  onWorking: () => void;
}

export interface Polling {
  /** Ends the long poll in flight and resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * Long polling with getUpdates. Updates are stored one at a time, in order;
 * the offset moves past an update only once the sink took it, so an update
 * that could not be stored comes again with the next call. Telegram forgets
 * an update once a later call's offset passes it.
 */
export function startPolling(options: PollingOptions): Polling {
  const { api, handler, sink, log, problems } = options;
  const controller = new AbortController();
  const { signal } = controller;
  let offset = 0;

  async function run(): Promise<void> {
    let webhookCleared = false;
    let failures = 0;
    while (!signal.aborted) {
      let wait = 0;
      try {
        // getUpdates answers 409 while a webhook is set; pending updates are kept.
        if (!webhookCleared) {
          await api.deleteWebhook();
          webhookCleared = true;
          options.onWorking();
        }
        const updates = await api.getUpdates(offset, options.pollTimeoutSeconds, signal);
        if (problems.clear('polling')) log.info('Telegram polling works again');
        options.onWorking();
        failures = (await store(updates)) ? 0 : failures + 1;
        if (failures > 0) wait = backoffMs(options.retryDelay, failures);
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        const failure = classifyTelegramError(error);
        if (isConflict(failure)) webhookCleared = false;
        report(failure);
        wait = failure.kind === 'retry' && failure.retryAfterMs !== undefined ? failure.retryAfterMs : backoffMs(options.retryDelay, failures);
      }
      await sleep(wait, signal);
    }
    await confirm();
  }

  /** False when the sink failed; the offset then stays at that update. */
  async function store(updates: readonly Update[]): Promise<boolean> {
    for (const update of updates) {
      if (signal.aborted) return true;
      if (isTelegramUpdate(update)) {
        try {
          await handler.handle(update, sink);
        } catch (error) {
          log.error({ err: error, updateType: updateType(update) }, 'Telegram update could not be stored; fetching it again');
          return false;
        }
      } else {
        log.warn('Telegram update of an unexpected shape skipped');
      }
      offset = Math.max(offset, update.update_id + 1);
    }
    return true;
  }

  function report(failure: TelegramFailure): void {
    const needsOperator = failure.kind === 'operator' || isConflict(failure);
    if (needsOperator && problems.set('polling', failure.reason)) {
      log.error({ kind: failure.kind, reason: failure.reason }, 'Telegram polling refused; check TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT and that no other instance polls');
    } else {
      log.warn({ kind: failure.kind, reason: failure.reason }, 'Telegram getUpdates failed; polling again after a pause');
    }
  }

  /** Tells Telegram which updates are stored, so a restart does not fetch them again. */
  async function confirm(): Promise<void> {
    if (offset === 0) return;
    try {
      await api.confirmUpdates(offset);
    } catch (error) {
      log.debug({ reason: classifyTelegramError(error).reason }, 'Telegram update offset not confirmed at stop; they come again and are dropped as duplicates');
    }
  }

  const loop = run().catch((error: unknown) => {
    log.error({ err: error }, 'Telegram polling ended unexpectedly');
  });
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}

/** 409: a webhook is set, or another instance is polling with the same token. */
function isConflict(failure: TelegramFailure): boolean {
  return failure.kind === 'retry' && failure.status === 409;
}
