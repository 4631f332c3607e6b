import type { Logger } from '../../log/logger.js';
import type { TelegramApi } from './client.js';
import { classifyTelegramError } from './errors.js';
import type { ChannelProblems } from './problems.js';
import { backoffMs, sleep, type RetryDelay } from './sleep.js';

export interface WebhookRegistrationOptions {
  api: TelegramApi;
  url: string;
  secret: string;
  log: Logger;
  problems: ChannelProblems;
  retryDelay: RetryDelay;
}

export interface WebhookRegistration {
  /** Ends background retries. The webhook stays registered: another instance may be serving it. */
  stop(): Promise<void>;
}

/**
 * setWebhook with the secret token. The first attempt is awaited; when it
 * fails (Telegram or the network down at start) the channel still starts and
 * the call is retried in the background until it works or the channel stops.
 */
export async function registerWebhook(options: WebhookRegistrationOptions): Promise<WebhookRegistration> {
  const { api, log, problems } = options;
  const controller = new AbortController();

  async function attempt(): Promise<boolean> {
    try {
      await api.setWebhook(options.url, options.secret);
      problems.clear('webhook');
      log.info({ webhookUrl: options.url }, 'Telegram webhook registered');
      return true;
    } catch (error) {
      const failure = classifyTelegramError(error);
      const problem = `setWebhook failed: ${failure.reason}`;
      if (problems.set('webhook', problem)) {
        log.error({ kind: failure.kind, reason: failure.reason }, 'Telegram webhook could not be registered; retrying in the background');
      }
      return false;
    }
  }

  if (await attempt()) return { stop: () => Promise.resolve() };

  const retries = (async () => {
    for (let failures = 1; !controller.signal.aborted; failures += 1) {
      await sleep(backoffMs(options.retryDelay, failures), controller.signal);
      if (controller.signal.aborted || (await attempt())) return;
    }
  })();
  return {
    async stop() {
      controller.abort();
      await retries;
    },
  };
}
