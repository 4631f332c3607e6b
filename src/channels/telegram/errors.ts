import { TelegramError } from 'telegraf';
import { TelegramTimeoutError } from './client.js';

/** What a failed Bot API call means. */
export type TelegramFailure =
  /** Try again later: 429 (with Telegram's retry_after), 5xx, timeouts, network errors. */
  | { kind: 'retry'; retryAfterMs?: number; reason: string; status?: number }
  /** This chat will never take messages: blocked, deactivated, unknown. */
  | { kind: 'unreachable'; reason: string; status: number }
  /** Telegram refused this request as invalid. */
  | { kind: 'rejected'; reason: string; status: number }
  /** The token or the API root is wrong (401, 404): an operator has to act. */
  | { kind: 'operator'; status: number; reason: string };

/** 400 descriptions that mean the recipient does not exist for this bot. */
const UNKNOWN_RECIPIENT = /chat not found|user not found|PEER_ID_INVALID/i;

/**
 * Maps an error from a telegraf call. telegraf throws TelegramError for every
 * answer with ok:false, and for any status >= 500 without reading the body
 * (the description is then the HTTP status text). node-fetch's FetchError
 * (with a system `code` such as ECONNRESET) and AbortError pass through.
 *
 * Reasons quote Telegram's description, which names the problem and never
 * the message content; the error object itself is not logged, because
 * TelegramError keeps the request payload (text included) in `on`.
 */
export function classifyTelegramError(error: unknown): TelegramFailure {
  if (error instanceof TelegramTimeoutError) return { kind: 'retry', reason: `timeout after ${error.timeoutMs} ms` };
  if (error instanceof TelegramError) return classifyApiError(error);
  return { kind: 'retry', reason: networkReason(error) };
}

function classifyApiError(error: TelegramError): TelegramFailure {
  const status = error.code;
  const reason = describe(status, error.description);
  if (status === 429) {
    const retryAfter = error.parameters?.retry_after;
    return { kind: 'retry', reason, status, ...(typeof retryAfter === 'number' && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
  }
  if (status >= 500 || status === 409 || status === 420) return { kind: 'retry', reason, status };
  if (status === 401 || status === 404) return { kind: 'operator', status, reason };
  // "bot was blocked by the user", "user is deactivated", "bot can't initiate conversation with a user", …
  if (status === 403) return { kind: 'unreachable', reason, status };
  if (status === 400 && UNKNOWN_RECIPIENT.test(error.description)) return { kind: 'unreachable', reason, status };
  return { kind: 'rejected', reason, status };
}

function describe(status: number, description: unknown): string {
  const text = `Telegram ${status}: ${typeof description === 'string' ? description : 'no description'}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** node-fetch errors carry the URL, token included, in their message: only the code is kept. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return 'unexpected failure';
  if (error.name === 'AbortError') return 'request aborted';
  if (error.name === 'FetchError') {
    const code = stringProperty(error, 'code') ?? stringProperty(error, 'errno');
    if (code !== undefined) return `network error: ${code}`;
    const type = stringProperty(error, 'type');
    if (type === 'request-timeout' || type === 'body-timeout') return 'timeout';
    if (type === 'invalid-json') return 'answer was not JSON';
    return `network error${type ? `: ${type}` : ''}`;
  }
  return `unexpected ${error.name}`;
}

function stringProperty(error: Error, key: string): string | undefined {
  const value: unknown = (error as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
