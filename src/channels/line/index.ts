import { messagingApi } from '@line/bot-sdk';
import { systemClock } from '../../core/clock.js';
import type { Logger } from '../../log/logger.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelStatus, InboundSink } from '../channel.js';
import { LINE_LIMITS } from './build-messages.js';
import type { LineChannelOptions } from './options.js';
import { createLineSender } from './send.js';
import { lineWebhookRoutes } from './webhook-routes.js';

export { lineEnvSchema, lineEnvProblem, lineOptionsFromEnv, refineLineEnv, type LineEnv } from './env.js';
export { REPLY_TOKEN_LIFETIME_MS } from './convert-events.js';
export { LINE_WEBHOOK_PATH } from './webhook-routes.js';
export type { LineChannelOptions } from './options.js';

export const DEFAULT_LINE_REQUEST_TIMEOUT_MS = 10_000;

export const LINE_CAPABILITIES: ChannelCapabilities = {
  choices: 'buttons',
  maxChoices: LINE_LIMITS.quickReplyItems,
  maxChoiceLabelLength: LINE_LIMITS.quickReplyLabelLength,
  maxTextLength: LINE_LIMITS.textLength,
  phoneLinks: true,
  // Pushes carry X-Line-Retry-Key; see send.ts for the one reply caveat.
  idempotentSends: true,
};

/**
 * LINE through @line/bot-sdk: webhooks at POST /webhooks/line (set that URL
 * in the LINE Developers Console), replies while the reply token is fresh and
 * pushes otherwise.
 */
export function createLineChannel(options: LineChannelOptions, log: Logger): ChannelAdapter {
  const channelLog = log.child({ channel: 'LINE' });
  let sink: InboundSink | undefined;
  let lastEventAt: string | undefined;

  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    ...(options.apiBaseUrl ? { baseURL: options.apiBaseUrl } : {}),
  });
  const clock = options.clock ?? systemClock;
  const sender = createLineSender({
    client,
    clock,
    log: channelLog,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_LINE_REQUEST_TIMEOUT_MS,
  });
  const routes = lineWebhookRoutes({
    channelSecret: options.channelSecret,
    sink: () => sink,
    log: channelLog,
    onAccepted: () => {
      lastEventAt = clock.now().toISOString();
    },
  });

  return {
    channel: 'LINE',
    capabilities: LINE_CAPABILITIES,
    routes,
    start(next: InboundSink): Promise<void> {
      sink = next;
      return Promise.resolve();
    },
    stop(): Promise<void> {
      sink = undefined;
      return Promise.resolve();
    },
    send: (target, message) => sender.send(target, message),
    status(): ChannelStatus {
      const problem = sender.operatorProblem();
      return {
        channel: 'LINE',
        state: problem !== undefined ? 'error' : sink ? 'running' : 'stopped',
        ...(lastEventAt ? { lastEventAt } : {}),
        ...(problem !== undefined ? { detail: problem } : {}),
      };
    },
  };
}
