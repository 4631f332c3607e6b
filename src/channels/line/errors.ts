import { HTTPFetchError } from '@line/bot-sdk';
import { z } from 'zod';

/** Our own deadline for a LINE API call; the SDK has none. */
export class LineTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`LINE API call took longer than ${timeoutMs} ms`);
    this.name = 'LineTimeoutError';
  }
}

export type LineEndpoint = 'reply' | 'push';

/** What a failed reply or push call means for the sender. */
export type LineCallFailure =
  /** Expired, used or unknown reply token: push instead. */
  | { kind: 'invalid-reply-token'; reason: string }
  /** A push with this retry key was accepted before (409): it went out then. */
  | { kind: 'already-accepted'; reason: string; platformMessageIds: string[] }
  /** The channel access token or the API address is wrong: an operator has to act. */
  | { kind: 'operator'; status: number; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'rejected'; reason: string };

const ErrorBodySchema = z.object({
  message: z.string().optional(),
  details: z.array(z.object({ message: z.string().optional(), property: z.string().optional() })).optional(),
  sentMessages: z.array(z.object({ id: z.string() })).optional(),
});
type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** LINE's answer to a push for a user id that does not exist (or belongs to another provider). */
const FAILED_TO_SEND = 'Failed to send messages';
const INVALID_REPLY_TOKEN = 'Invalid reply token';
const INVALID_TO = /^The property, 'to', in the request body is invalid/;

/**
 * Maps an error from the SDK's reply or push call. The SDK throws
 * HTTPFetchError (status, headers, raw body text) for any non-2xx answer and
 * lets fetch's own errors (TypeError "fetch failed") through.
 *
 * A push to someone who blocked the account is not an error: LINE answers 200
 * and drops the message. Only the unfollow webhook tells us about it.
 */
export function classifyLineError(error: unknown, endpoint: LineEndpoint): LineCallFailure {
  if (error instanceof LineTimeoutError) return { kind: 'retry', reason: `timeout after ${error.timeoutMs} ms` };
  if (!(error instanceof HTTPFetchError)) return { kind: 'retry', reason: networkReason(error) };

  const { status } = error;
  const body = parseErrorBody(error.body);
  const reason = describe(status, body);
  if (status === 400) {
    if (endpoint === 'reply' && body.message === INVALID_REPLY_TOKEN) return { kind: 'invalid-reply-token', reason };
    if (endpoint === 'push' && (body.message === FAILED_TO_SEND || INVALID_TO.test(body.message ?? ''))) return { kind: 'unreachable', reason };
    return { kind: 'rejected', reason };
  }
  if (status === 409 && endpoint === 'push') {
    return { kind: 'already-accepted', reason, platformMessageIds: (body.sentMessages ?? []).map((m) => m.id) };
  }
  // 404 on reply/push means the base URL is wrong, not that the user is unknown.
  if (status === 401 || status === 403 || status === 404) return { kind: 'operator', status, reason };
  // 429 is either the rate limit or the monthly message quota; LINE sends no Retry-After.
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason };
  return { kind: 'rejected', reason };
}

function parseErrorBody(text: string): ErrorBody {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** LINE's error texts name properties and limits, never message content. */
function describe(status: number, body: ErrorBody): string {
  const details = (body.details ?? []).map((d) => `${d.property ?? '?'}: ${d.message ?? '?'}`);
  const text = [`LINE ${status}`, body.message, ...details].filter(Boolean).join('; ');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return 'unexpected failure';
  const cause: unknown = error.cause;
  const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  if (code !== undefined) return `network error: ${code}`;
  if (error instanceof TypeError && error.message === 'fetch failed') return 'network error';
  return `unexpected ${error.name}`;
}
