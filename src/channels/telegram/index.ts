import { systemClock } from '../../core/clock.js';
import type { Logger } from '../../log/logger.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelStatus, InboundSink } from '../channel.js';
import { TELEGRAM_LIMITS } from './build-messages.js';
import { createTelegramApi, type TelegramApi } from './client.js';
import { classifyTelegramError } from './errors.js';
import { createUpdateHandler } from './handle-update.js';
import { ChannelProblems } from './problems.js';
import { DEFAULT_TELEGRAM_API_ROOT, type TelegramChannelOptions } from './options.js';
import { startPolling, type Polling } from './polling.js';
import { registerWebhook, type WebhookRegistration } from './register-webhook.js';
import { createTelegramSender } from './send.js';
import { TELEGRAM_WEBHOOK_PATH, telegramWebhookRoutes } from './webhook-routes.js';

export { refineTelegramEnv, telegramEnvProblem, telegramEnvSchema, telegramOptionsFromEnv, type TelegramEnv } from './env.js';
export { DEFAULT_TELEGRAM_API_ROOT, type TelegramChannelOptions, type TelegramMode } from './options.js';
export { TELEGRAM_WEBHOOK_PATH } from './webhook-routes.js';

export const DEFAULT_TELEGRAM_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_TELEGRAM_POLL_TIMEOUT_SECONDS = 30;
const DEFAULT_RETRY_DELAY = { initialMs: 1_000, maxMs: 60_000 };

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  choices: 'buttons',
  maxChoices: 10,
  maxChoiceLabelLength: TELEGRAM_LIMITS.buttonLabelLength,
  maxTextLength: TELEGRAM_LIMITS.textLength,
  // tel: links are not allowed on inline buttons, but Telegram makes phone numbers in text tappable.
  phoneLinks: true,
};

/**
 * Telegram through telegraf's Bot API client. Webhook mode serves POST
 * /webhooks/telegram (and registers it at start when publicUrl is set);
 * polling mode fetches updates with getUpdates and needs no public address.
 */
export function createTelegramChannel(options: TelegramChannelOptions, log: Logger): ChannelAdapter {
  if (options.mode === 'webhook' && !options.webhookSecret) {
    throw new Error('Telegram webhook mode needs a webhook secret (TELEGRAM_WEBHOOK_SECRET)');
  }
  const channelLog = log.child({ channel: 'TELEGRAM' });
  const clock = options.clock ?? systemClock;
  const retryDelay = options.retryDelay ?? DEFAULT_RETRY_DELAY;
  const api = createTelegramApi(
    options.token,
    options.apiRoot ?? DEFAULT_TELEGRAM_API_ROOT,
    options.requestTimeoutMs ?? DEFAULT_TELEGRAM_REQUEST_TIMEOUT_MS,
  );
  const problems = new ChannelProblems();

  let sink: InboundSink | undefined;
  let state: 'stopped' | 'starting' | 'running' = 'stopped';
  let lastEventAt: string | undefined;
  let webhookUrl: string | undefined;
  let polling: Polling | undefined;
  let registration: WebhookRegistration | undefined;
  let lookup: Promise<void> | undefined;
  let identity: Promise<void> | undefined;
  let botUsername: string | undefined;

  const handler = createUpdateHandler({
    api,
    log: channelLog,
    clock,
    onAccepted: () => {
      lastEventAt = clock.now().toISOString();
    },
  });
  const routes =
    options.mode === 'webhook' && options.webhookSecret
      ? telegramWebhookRoutes({ secret: options.webhookSecret, sink: () => sink, handler, log: channelLog })
      : undefined;

  async function startWebhook(): Promise<void> {
    if (!options.webhookSecret) return;
    if (options.publicUrl) {
      const url = `${options.publicUrl.replace(/\/+$/, '')}${TELEGRAM_WEBHOOK_PATH}`;
      webhookUrl = url;
      registration = await registerWebhook({ api, url, secret: options.webhookSecret, log: channelLog, problems, retryDelay });
    } else {
      lookup = reportRegisteredWebhook(api, channelLog).then((url) => {
        webhookUrl = url;
      });
    }
    state = 'running';
  }

  return {
    channel: 'TELEGRAM',
    capabilities: TELEGRAM_CAPABILITIES,
    ...(routes ? { routes } : {}),
    async start(next: InboundSink): Promise<void> {
      if (state !== 'stopped') return;
      sink = next;
      state = 'starting';
      // Only invite links need the username: never hold up the start for it.
      identity = lookUpBotUsername(api, channelLog).then((name) => {
        botUsername = name;
      });
      if (options.mode === 'polling') {
        polling = startPolling({
          api,
          handler,
          sink: next,
          log: channelLog,
          problems,
          pollTimeoutSeconds: options.pollTimeoutSeconds ?? DEFAULT_TELEGRAM_POLL_TIMEOUT_SECONDS,
          retryDelay,
          onWorking: () => {
            if (state === 'starting') state = 'running';
          },
        });
        channelLog.info('Telegram polling started');
        return;
      }
      await startWebhook();
    },
    async stop(): Promise<void> {
      // Webhook requests from here on answer 503, so Telegram delivers them again later.
      sink = undefined;
      await Promise.all([polling?.stop(), registration?.stop(), lookup, identity]);
      await handler.settle();
      polling = undefined;
      registration = undefined;
      lookup = undefined;
      state = 'stopped';
    },
    send: createTelegramSender({ api, log: channelLog, problems }),
    status(): ChannelStatus {
      const problem = problems.describe();
      return {
        channel: 'TELEGRAM',
        state: problem !== undefined && state !== 'stopped' ? 'error' : state,
        ...(webhookUrl ? { webhookUrl } : {}),
        ...(lastEventAt ? { lastEventAt } : {}),
        ...(botUsername ? { botUsername } : {}),
        ...(problem !== undefined ? { detail: problem } : {}),
      };
    },
  };
}

async function lookUpBotUsername(api: TelegramApi, log: Logger): Promise<string | undefined> {
  try {
    return (await api.getMe()).username;
  } catch (error) {
    log.warn({ err: error }, 'could not read the bot username (getMe); invite links will not include t.me');
    return undefined;
  }
}

/** Without PUBLIC_URL the webhook is set by hand; status shows what Telegram has. */
async function reportRegisteredWebhook(api: TelegramApi, log: Logger): Promise<string | undefined> {
  try {
    const info = await api.getWebhookInfo();
    if (info.url === '') {
      log.warn('No Telegram webhook is registered and PUBLIC_URL is not set: Telegram has nowhere to send updates');
      return undefined;
    }
    return info.url;
  } catch (error) {
    log.warn({ reason: classifyTelegramError(error).reason }, 'Telegram webhook info not available');
    return undefined;
  }
}
