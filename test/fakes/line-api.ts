// FakeLineApi: a loopback LINE Messaging API for @line/bot-sdk.
//
// messagingApi.MessagingApiClient resolves absolute paths against `baseURL`
// (new URL('/v2/bot/...', baseURL)), so pass the fake's bare origin. It uses
// global fetch, never retries, and throws HTTPFetchError
// ({status, statusText, headers, body: raw text}) for any non-2xx answer.
// This file is the HTTP side, recording and failure injection; what reply,
// push and profile do lives in line-messaging.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { messagingApi, webhook } from '@line/bot-sdk';
import { FailureQueue } from './failure-queue.js';
import { FakeHttpServer, pause, sendJson } from './fake-http-server.js';
import { LINE_ERRORS, LineApiError, lineError } from './line-errors.js';
import { makeRequestId } from './line-ids.js';
import { LineChannel, type LineSentMessage } from './line-messaging.js';
import type { LineUser } from './line-users.js';
import type { LineErrorDetail } from './line-validation.js';
import { FAKE_LINE_BOT_USER_ID, makeLineWebhookBody } from './line-webhook.js';
import { parseBody } from './parse-body.js';
import { RequestLog, queryOf, type RecordedRequest } from './request-log.js';

export * from './line-webhook.js';
export { makeLineUserId } from './line-ids.js';
export { LINE_ERRORS } from './line-errors.js';
export { LINE_LIMITS, type LineErrorDetail } from './line-validation.js';
export type { LineSentMessage } from './line-messaging.js';
export type { LineUser } from './line-users.js';

export const DEFAULT_LINE_TOKEN = 'fake-line-channel-access-token';

export type LineEndpoint = 'reply' | 'push' | 'profile' | 'botInfo' | 'loading' | 'unknown';

export interface FakeLineApiOptions {
  /** The only channel access token accepted; others get 401. */
  channelAccessToken?: string;
  /** How long a reply token stays valid. Default 60 000 (about a minute, as on LINE). */
  replyTokenTtlMs?: number;
  /** Requests per second accepted by reply and push together before 429. Default 2000. */
  messageRequestsPerSecond?: number;
  /** Push requests that count toward the monthly quota before 429 "monthly limit". Default unlimited. */
  monthlyPushLimit?: number;
  /** Require push targets shaped like real ids (U/C/R + 32 hex). Default true. */
  strictIds?: boolean;
  botInfo?: Partial<messagingApi.BotInfoResponse>;
  clock?: () => number;
}

export interface LineRequestRecord extends RecordedRequest {
  endpoint: LineEndpoint;
  /** Parsed JSON body (undefined for GET or unparseable bodies). */
  body: unknown;
  /** The X-Line-Retry-Key header, if sent. */
  retryKey: string | undefined;
}

export interface LineFailure {
  status: number;
  message: string;
  details?: LineErrorDetail[];
  headers?: Record<string, string>;
}

export interface LineFailureFilter {
  endpoint?: LineEndpoint | readonly LineEndpoint[];
}

export class FakeLineApi {
  readonly channelAccessToken: string;
  readonly botInfo: messagingApi.BotInfoResponse;
  private readonly server = new FakeHttpServer('FakeLineApi', (req, res, raw) => this.handle(req, res, raw));
  private readonly log = new RequestLog<LineRequestRecord>('FakeLineApi');
  private readonly clock: () => number;
  private readonly channel: LineChannel;
  private readonly replyTokenTtlMs: number;
  private readonly failures = new FailureQueue<LineFailure, LineEndpoint>();
  private readonly delays = new FailureQueue<number, LineEndpoint>();
  private tooMany = 0;

  constructor(options: FakeLineApiOptions = {}) {
    this.channelAccessToken = options.channelAccessToken ?? DEFAULT_LINE_TOKEN;
    this.clock = options.clock ?? Date.now;
    this.replyTokenTtlMs = options.replyTokenTtlMs ?? 60_000;
    this.channel = new LineChannel({
      clock: this.clock,
      replyTokenTtlMs: this.replyTokenTtlMs,
      messageRequestsPerSecond: options.messageRequestsPerSecond ?? 2_000,
      monthlyPushLimit: options.monthlyPushLimit ?? Number.POSITIVE_INFINITY,
      strictIds: options.strictIds ?? true,
    });
    this.botInfo = {
      userId: FAKE_LINE_BOT_USER_ID,
      basicId: '@123fake',
      displayName: '同行 Test',
      chatMode: 'bot',
      markAsReadMode: 'auto',
      ...options.botInfo,
    };
    this.server.beforeStop(() => this.log.rejectWaiters('the fake was stopped'));
  }

  // ── lifecycle and inspection ─────────────────────────────────────────────

  start(): Promise<{ url: string }> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Origin to pass as MessagingApiClient's `baseURL`. */
  get url(): string {
    return this.server.url;
  }

  get requests(): readonly LineRequestRecord[] {
    return this.log.all;
  }

  waitFor<S extends LineRequestRecord>(predicate: (record: LineRequestRecord) => record is S, timeoutMs?: number): Promise<S>;
  waitFor(predicate: (record: LineRequestRecord) => boolean, timeoutMs?: number): Promise<LineRequestRecord>;
  waitFor(predicate: (record: LineRequestRecord) => boolean, timeoutMs?: number): Promise<LineRequestRecord> {
    return this.log.waitFor(predicate, timeoutMs);
  }

  /** Waits until `count` reply/push requests to `userId` have been accepted; resolves with all of them. */
  async waitForSentTo(userId: string, count = 1, timeoutMs?: number): Promise<LineSentMessage[]> {
    await this.log.waitFor(
      (r) =>
        (r.endpoint === 'reply' || r.endpoint === 'push') &&
        r.response?.status === 200 &&
        this.sentTo(userId).length >= count,
      timeoutMs,
    );
    return this.sentTo(userId);
  }

  /** Every reply/push the fake accepted, delivered or not. */
  sentMessages(): readonly LineSentMessage[] {
    return this.channel.sent;
  }

  sentTo(userId: string): LineSentMessage[] {
    return this.channel.sent.filter((s) => s.to === userId);
  }

  /** Only what actually reached the user (not dropped because they blocked the account). */
  deliveredTo(userId: string): LineSentMessage[] {
    return this.sentTo(userId).filter((s) => s.delivered);
  }

  /** 429 answers given so far (rate limit, monthly limit and injected 429s). */
  get tooManyRequestsCount(): number {
    return this.tooMany;
  }

  clearRequests(): void {
    this.log.clear();
  }

  // ── users, tokens and webhook bodies ─────────────────────────────────────

  addUser(profile: Partial<messagingApi.UserProfileResponse> & { userId: string }, following = true): LineUser {
    return this.channel.users.add(profile, following);
  }

  follow(userId: string): void {
    this.channel.users.setFollowing(userId, true);
  }

  /** The user blocks the account: pushes are accepted but not delivered, profile is 404. */
  unfollow(userId: string): void {
    this.channel.users.setFollowing(userId, false);
  }

  user(userId: string): LineUser | undefined {
    return this.channel.users.get(userId);
  }

  issueReplyToken(userId?: string): string {
    return this.channel.replyTokens.issue(userId);
  }

  /** Ages a reply token past its lifetime. */
  expireReplyToken(token: string): void {
    this.channel.replyTokens.age(token, this.replyTokenTtlMs + 1);
  }

  /**
   * A webhook body as the platform would send it now: every event's reply
   * token becomes valid, senders become known followers, and follow/unfollow
   * events change whether the user follows the account.
   */
  makeWebhookBody(events: webhook.Event[], destination: string = this.botInfo.userId): webhook.CallbackRequest {
    const { users, replyTokens } = this.channel;
    for (const event of events) {
      const userId = event.source?.type === 'user' ? event.source.userId : undefined;
      if (userId !== undefined) {
        if (event.type === 'unfollow') users.setFollowing(userId, false);
        else if (event.type === 'follow' || !users.get(userId)) users.setFollowing(userId, true);
      }
      if ('replyToken' in event && typeof event.replyToken === 'string') replyTokens.issue(userId, event.replyToken);
    }
    return makeLineWebhookBody(events, destination);
  }

  // ── failure injection ────────────────────────────────────────────────────

  /** The next `count` matching requests fail with this status and `{message, details?}` body. */
  failNext(count: number, failure: LineFailure, filter: LineFailureFilter = {}): void {
    this.failures.add(count, failure, endpointMatcher(filter));
  }

  /** Holds matching answers for `ms` (all of them unless `count`); delay(0) clears. */
  delay(ms: number, options: LineFailureFilter & { count?: number } = {}): void {
    if (ms <= 0) {
      this.delays.clear();
      return;
    }
    this.delays.add(options.count ?? Number.POSITIVE_INFINITY, ms, endpointMatcher(options));
  }

  // ── HTTP ─────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const parsed = parseBody(req.headers['content-type'], raw);
    const retryKey = req.headers['x-line-retry-key'];
    const record = this.log.add({
      seq: this.log.nextSeq,
      at: this.clock(),
      method,
      path: url.pathname,
      query: queryOf(url),
      headers: req.headers,
      rawBody: raw.toString('utf8'),
      endpoint: endpointOf(method, url.pathname),
      body: parsed.kind === 'json' ? parsed.value : undefined,
      retryKey: typeof retryKey === 'string' ? retryKey : undefined,
    });
    const requestId = makeRequestId();

    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      if (record.endpoint === 'unknown') throw lineError(404, LINE_ERRORS.notFound);
      this.checkAuth(req.headers.authorization);
      const delayMs = this.delays.take(record.endpoint);
      if (delayMs !== undefined && !(await pause(delayMs, res))) return this.log.abort(record);
      const failure = this.failures.take(record.endpoint);
      if (failure) {
        const details = failure.details ? { details: failure.details } : {};
        throw new LineApiError(failure.status, { message: failure.message, ...details }, failure.headers);
      }
      if (parsed.kind === 'invalid-json') throw lineError(400, LINE_ERRORS.badJson);
      [status, body] = this.route(record, url.pathname, requestId);
    } catch (error) {
      if (!(error instanceof LineApiError)) throw error;
      status = error.status;
      body = error.body;
      headers = error.headers;
      if (status === 429) this.tooMany += 1;
    }
    if (res.destroyed) return this.log.abort(record);
    sendJson(res, status, body, { 'x-line-request-id': requestId, ...headers });
    this.log.respond(record, { status, body });
  }

  private route(record: LineRequestRecord, path: string, requestId: string): [number, unknown] {
    const request = { body: record.body, retryKey: record.retryKey, requestId };
    switch (record.endpoint) {
      case 'reply':
        return [200, this.channel.reply(request)];
      case 'push':
        return [200, this.channel.push(request)];
      case 'profile':
        return [200, this.channel.profile(decodeURIComponent(path.slice('/v2/bot/profile/'.length)))];
      case 'botInfo':
        return [200, this.botInfo];
      case 'loading':
        return [202, this.channel.loading(record.body)];
      default:
        throw lineError(404, LINE_ERRORS.notFound);
    }
  }

  private checkAuth(header: string | undefined): void {
    const match = /^Bearer (.+)$/.exec(header ?? '');
    if (!match) throw lineError(401, LINE_ERRORS.authHeaderRequired);
    if (match[1] !== this.channelAccessToken) throw lineError(401, LINE_ERRORS.authFailed);
  }
}

function endpointOf(method: string, path: string): LineEndpoint {
  if (method === 'POST' && path === '/v2/bot/message/reply') return 'reply';
  if (method === 'POST' && path === '/v2/bot/message/push') return 'push';
  if (method === 'GET' && /^\/v2\/bot\/profile\/[^/]+$/.test(path)) return 'profile';
  if (method === 'GET' && path === '/v2/bot/info') return 'botInfo';
  if (method === 'POST' && path === '/v2/bot/chat/loading/start') return 'loading';
  return 'unknown';
}

function endpointMatcher(filter: LineFailureFilter): (endpoint: LineEndpoint) => boolean {
  if (filter.endpoint === undefined) return () => true;
  const wanted = new Set<LineEndpoint>(typeof filter.endpoint === 'string' ? [filter.endpoint] : filter.endpoint);
  return (endpoint) => wanted.has(endpoint);
}
