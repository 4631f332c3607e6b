import type { messagingApi } from '@line/bot-sdk';
import type { Clock } from '../../core/clock.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../log/logger.js';
import type { SendResult, SendTarget } from '../channel.js';
import { buildLineMessages } from './build-messages.js';
import { classifyLineError, LineTimeoutError, type LineCallFailure, type LineEndpoint } from './errors.js';
import { lineRetryKey } from './retry-key.js';

export interface LineSenderOptions {
  client: messagingApi.MessagingApiClient;
  clock: Clock;
  log: Logger;
  requestTimeoutMs: number;
}

export interface LineSender {
  send(target: SendTarget, message: OutboundMessage): Promise<SendResult>;
  /** Set while LINE refuses our credentials or address; cleared by the next accepted call. */
  operatorProblem(): string | undefined;
}

type CallOutcome = { ok: true; platformMessageIds: string[] } | { ok: false; failure: LineCallFailure };

/**
 * Replies while the event's reply token is fresh (free, and no monthly quota),
 * otherwise pushes with X-Line-Retry-Key so a retried push is sent once.
 *
 * A reply has no retry key: if a reply was accepted but the answer was lost
 * (timeout, crash), sending the row again finds the token used and pushes,
 * so the person may see that message twice. That is the better failure for
 * this service than a lost message.
 */
export function createLineSender(options: LineSenderOptions): LineSender {
  const { client, clock, log, requestTimeoutMs } = options;
  let problem: string | undefined;

  async function call(endpoint: LineEndpoint, run: () => Promise<{ sentMessages: messagingApi.SentMessage[] }>): Promise<CallOutcome> {
    try {
      const response = await withTimeout(run(), requestTimeoutMs);
      return { ok: true, platformMessageIds: response.sentMessages.map((m) => m.id) };
    } catch (error) {
      return { ok: false, failure: classifyLineError(error, endpoint) };
    }
  }

  function result(endpoint: LineEndpoint, outcome: CallOutcome): SendResult {
    if (outcome.ok) return succeeded(endpoint, outcome.platformMessageIds);
    const { failure } = outcome;
    switch (failure.kind) {
      case 'already-accepted':
        log.info({ endpoint }, 'LINE had already accepted this push (retry key)');
        return succeeded(endpoint, failure.platformMessageIds);
      case 'operator':
        if (problem === undefined) {
          log.error({ endpoint, status: failure.status, reason: failure.reason }, 'LINE refused the channel access token or API address; check LINE_CHANNEL_ACCESS_TOKEN and LINE_API_BASE_URL');
        }
        problem = failure.reason;
        return { ok: false, kind: 'retry', reason: failure.reason };
      case 'invalid-reply-token':
        // Only reached when the push fallback is not taken; treat like any refusal.
        return { ok: false, kind: 'rejected', reason: failure.reason };
      default:
        log.warn({ endpoint, kind: failure.kind, reason: failure.reason }, 'LINE send failed');
        return { ok: false, kind: failure.kind, reason: failure.reason };
    }
  }

  function succeeded(endpoint: LineEndpoint, platformMessageIds: string[]): SendResult {
    if (problem !== undefined) log.info('LINE accepts the channel access token again');
    problem = undefined;
    log.debug({ endpoint, count: platformMessageIds.length }, 'LINE message sent');
    return { ok: true, platformMessageIds };
  }

  async function send(target: SendTarget, message: OutboundMessage): Promise<SendResult> {
    const built = buildLineMessages(message);
    if (!built.ok) return { ok: false, kind: 'rejected', reason: built.reason };
    const { messages } = built;

    const token = target.replyToken;
    if (token && Date.parse(token.expiresAt) > clock.now().getTime()) {
      const replied = await call('reply', () => client.replyMessage({ replyToken: token.token, messages }));
      if (replied.ok || replied.failure.kind !== 'invalid-reply-token') return result('reply', replied);
      log.debug('LINE reply token no longer valid; pushing instead');
    }
    const retryKey = lineRetryKey(target.idempotencyKey);
    return result('push', await call('push', () => client.pushMessage({ to: target.chatId, messages }, retryKey)));
  }

  return { send, operatorProblem: () => problem };
}

/**
 * The SDK's fetch has no deadline and takes no AbortSignal, so the call is
 * abandoned rather than cancelled: it may still complete at LINE.
 */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LineTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
