import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** Tokens a completed call used, as the server reported them (0 when it did not). */
export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * Every failure of a model call is one of three typed errors. Their messages
 * and fields are built here from enumerations and numbers only, never from
 * the server's text, so they are safe to log.
 */
export abstract class ModelError extends Error {
  abstract readonly kind: 'timeout' | 'unavailable' | 'bad-output';
}

/** No complete answer within the deadline (ours, or the SDK's until headers). */
export class ModelTimeoutError extends ModelError {
  readonly kind = 'timeout';
  constructor(readonly timeoutMs: number) {
    super(`model call took longer than ${timeoutMs} ms`);
    this.name = 'ModelTimeoutError';
  }
}

export type UnavailableReason =
  /** Connection refused, reset, DNS. */
  | 'network'
  /** 401/403: the key is wrong; an operator has to act. */
  | 'auth'
  /** 404: wrong base URL or model id; an operator has to act. */
  | 'not-found'
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** Another 4xx, e.g. a parameter this server does not support. */
  | 'rejected'
  | 'aborted'
  | 'unexpected';

/** The server could not be reached or said no. */
export class ModelUnavailableError extends ModelError {
  readonly kind = 'unavailable';
  constructor(
    readonly reason: UnavailableReason,
    readonly status?: number,
    /** The API's error code when it is a plain identifier, e.g. "model_not_found". */
    readonly code?: string,
  ) {
    super(`model unavailable: ${reason}${status === undefined ? '' : ` (${status}${code ? ` ${code}` : ''})`}`);
    this.name = 'ModelUnavailableError';
  }
}

export type BadOutputReason =
  /** A 200 whose body is not JSON (the SDK throws a plain SyntaxError). */
  | 'malformed'
  /** Not a chat completion: no choices, no message. */
  | 'invalid-shape'
  | 'empty'
  | 'filtered'
  | 'refused'
  /** JSON was asked for and the content is not a JSON object. */
  | 'not-json'
  /** JSON that does not match the expected schema. */
  | 'invalid';

/** The server answered, but not with something usable. */
export class ModelBadOutputError extends ModelError {
  readonly kind = 'bad-output';
  constructor(
    readonly reason: BadOutputReason,
    /** Present when the server answered with usage: the tokens are spent all the same. */
    readonly usage?: ModelUsage,
  ) {
    super(`model gave unusable output: ${reason}`);
    this.name = 'ModelBadOutputError';
  }
}

/**
 * Maps whatever a call threw to a ModelError. `timedOut` says our own
 * deadline fired (its abort surfaces from the SDK as APIUserAbortError or as a
 * DOMException while the body is read).
 */
export function toModelError(error: unknown, context: { timedOut: boolean; timeoutMs: number }): ModelError {
  if (error instanceof ModelError) return error;
  if (context.timedOut || error instanceof APIConnectionTimeoutError) return new ModelTimeoutError(context.timeoutMs);
  if (error instanceof APIUserAbortError) return new ModelUnavailableError('aborted');
  if (error instanceof APIConnectionError) return new ModelUnavailableError('network');
  if (error instanceof APIError) {
    const status = error.status;
    const code = typeof error.code === 'string' && /^[a-z0-9_.-]{1,64}$/i.test(error.code) ? error.code : undefined;
    if (status === 401 || status === 403) return new ModelUnavailableError('auth', status, code);
    if (status === 404) return new ModelUnavailableError('not-found', status, code);
    if (status === 429) return new ModelUnavailableError('rate-limited', status, code);
    if (status !== undefined && status >= 500) return new ModelUnavailableError('server', status, code);
    return new ModelUnavailableError(status === undefined ? 'unexpected' : 'rejected', status, code);
  }
  // openai v6 parses a 200 body with response.json(): a truncated body is a bare SyntaxError.
  if (error instanceof SyntaxError) return new ModelBadOutputError('malformed');
  return new ModelUnavailableError('unexpected');
}
