// FakeTelegramApi: a loopback Telegram Bot API server for telegraf.
//
// telegraf calls POST `${apiRoot}/bot${token}/${method}` with a JSON body, or
// multipart/form-data (including a `method` field) when a payload carries a
// file. Answers use the Bot API envelope: {ok:true,result} or
// {ok:false,error_code,description,parameters?}. telegraf turns any status
// >= 500 into a TelegramError carrying the HTTP status text, not our body.
// This file is the HTTP side, recording and failure injection; the methods
// themselves live in telegram-methods.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Chat, Update, UserFromGetMe } from 'telegraf/types';
import { FailureQueue } from './failure-queue.js';
import { FakeHttpServer, pause, sendJson } from './fake-http-server.js';
import { isPlainObject, parseBody } from './parse-body.js';
import { RequestLog, queryOf } from './request-log.js';
import type { SentTelegramMessage } from './telegram-chat-store.js';
import { TelegramApiError, telegramErrors } from './telegram-errors.js';
import type { TelegramLimitOptions } from './telegram-limits.js';
import {
  TelegramBotState,
  type TelegramMethodHandler,
  type TelegramRequestRecord,
  type TelegramWebhook,
} from './telegram-methods.js';
import { chatIdParam, telegramParams, type TelegramParams } from './telegram-params.js';
import { chatOfUpdate } from './telegram-updates.js';

export { TelegramApiError, telegramErrors } from './telegram-errors.js';
export type { SentTelegramMessage, TelegramEdit } from './telegram-chat-store.js';
export type { TelegramLimitOptions } from './telegram-limits.js';
export type { TelegramRequestRecord, TelegramWebhook } from './telegram-methods.js';
export type { TelegramParams } from './telegram-params.js';
export * from './telegram-updates.js';

export const DEFAULT_TELEGRAM_TOKEN = '123456789:AAFakeTokenForTongxingTests_0123456789';

export interface FakeTelegramApiOptions {
  /** The only token the fake accepts; others get 401 Unauthorized. */
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  limits?: TelegramLimitOptions;
  /** Longest a getUpdates call is held open, whatever its `timeout`. Default 50 000. */
  maxLongPollMs?: number;
  /** When true, chats must be known (from pushUpdate or registerChat) or sends get "chat not found". */
  onlyKnownChats?: boolean;
  clock?: () => number;
}

export interface TelegramFailure {
  status: number;
  description: string;
  retryAfter?: number;
}

export interface TelegramCallFilter {
  /** Method name(s), case-insensitive. By default getUpdates is left alone so polling keeps working. */
  method?: string | readonly string[];
  chatId?: number | string;
}

interface CallContext {
  method: string;
  chatId: number | string | undefined;
}

export class FakeTelegramApi {
  readonly token: string;
  readonly botUser: UserFromGetMe;
  private readonly server = new FakeHttpServer('FakeTelegramApi', (req, res, raw) => this.handle(req, res, raw));
  private readonly log = new RequestLog<TelegramRequestRecord>('FakeTelegramApi', describeTelegram);
  private readonly clock: () => number;
  private readonly state: TelegramBotState;
  private readonly handlers: Map<string, TelegramMethodHandler>;
  private readonly failures = new FailureQueue<TelegramFailure, CallContext>();
  private readonly delays = new FailureQueue<number, CallContext>();
  private tooMany = 0;

  constructor(options: FakeTelegramApiOptions = {}) {
    this.token = options.token ?? DEFAULT_TELEGRAM_TOKEN;
    this.clock = options.clock ?? Date.now;
    this.botUser = {
      id: Number(/^(\d+):/.exec(this.token)?.[1] ?? 123456789),
      is_bot: true,
      first_name: options.botFirstName ?? 'Tongxing Test Bot',
      username: options.botUsername ?? 'tongxing_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    this.state = new TelegramBotState(this.botUser, {
      clock: this.clock,
      limits: options.limits ?? {},
      maxLongPollMs: options.maxLongPollMs ?? 50_000,
      onlyKnownChats: options.onlyKnownChats ?? false,
    });
    this.handlers = this.state.methods();
    this.server.beforeStop(() => {
      this.state.queue.release();
      this.log.rejectWaiters('the fake was stopped');
    });
  }

  // ── lifecycle ────────────────────────────────────────────────────────────

  start(): Promise<{ url: string }> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Base URL, for telegraf's `apiRoot`. */
  get url(): string {
    return this.server.url;
  }

  // ── inspection ───────────────────────────────────────────────────────────

  get requests(): readonly TelegramRequestRecord[] {
    return this.log.all;
  }

  callsTo(method: string): TelegramRequestRecord[] {
    const wanted = method.toLowerCase();
    return this.log.all.filter((r) => r.apiMethod.toLowerCase() === wanted);
  }

  waitFor<S extends TelegramRequestRecord>(
    predicate: (record: TelegramRequestRecord) => record is S,
    timeoutMs?: number,
  ): Promise<S>;
  waitFor(predicate: (record: TelegramRequestRecord) => boolean, timeoutMs?: number): Promise<TelegramRequestRecord>;
  waitFor(predicate: (record: TelegramRequestRecord) => boolean, timeoutMs?: number): Promise<TelegramRequestRecord> {
    return this.log.waitFor(predicate, timeoutMs);
  }

  /** Waits until `count` messages to `chatId` have been accepted; resolves with all of them. */
  async waitForSentTo(chatId: number | string, count = 1, timeoutMs?: number): Promise<SentTelegramMessage[]> {
    await this.log.waitFor(
      (r) =>
        r.apiMethod.toLowerCase() === 'sendmessage' &&
        String(r.chatId) === String(chatId) &&
        r.response?.status === 200 &&
        this.sentTo(chatId).length >= count,
      timeoutMs,
    );
    return this.sentTo(chatId);
  }

  /** Messages the bot successfully sent, in order. */
  sentMessages(): readonly SentTelegramMessage[] {
    return this.state.store.sent;
  }

  sentTo(chatId: number | string): SentTelegramMessage[] {
    return this.state.store.sent.filter((m) => String(m.chatId) === String(chatId));
  }

  /** 429 answers given so far (flood limits and injected 429s). */
  get tooManyRequestsCount(): number {
    return this.tooMany;
  }

  get webhook(): Readonly<TelegramWebhook> | undefined {
    return this.state.webhook;
  }

  clearRequests(): void {
    this.log.clear();
  }

  // ── updates ──────────────────────────────────────────────────────────────

  /** Queues an update for getUpdates; its chat becomes a known chat. */
  pushUpdate<U extends Update>(update: U): U {
    const chat = chatOfUpdate(update);
    if (chat) this.state.store.registerChat(chat);
    this.state.queue.push(update);
    return update;
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  get pendingUpdates(): readonly Update[] {
    return this.state.queue.pendingUpdates;
  }

  /**
   * POSTs an update to the webhook set with setWebhook, as Telegram would.
   * Like Telegram, a method call in the webhook's JSON answer (telegraf's
   * webhookReply) is executed; it shows up in `requests` with the header
   * `x-fake-origin: webhook-reply`.
   */
  async deliverUpdate(update: Update): Promise<{ status: number; body: string }> {
    const hook = this.state.webhook;
    if (!hook) throw new Error('FakeTelegramApi.deliverUpdate: no webhook is set (call setWebhook first)');
    const chat = chatOfUpdate(update);
    if (chat) this.state.store.registerChat(chat);
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(hook.secretToken ? { 'x-telegram-bot-api-secret-token': hook.secretToken } : {}),
      },
      body: JSON.stringify(update),
    });
    const body = await response.text();
    await this.runWebhookReply(response.headers.get('content-type'), body);
    return { status: response.status, body };
  }

  // ── chats and failure injection ──────────────────────────────────────────

  registerChat(chat: Chat): void {
    this.state.store.registerChat(chat);
  }

  /** Sends to this chat get 403 "Forbidden: bot was blocked by the user". */
  blockChat(chatId: number | string): void {
    this.state.blocked.add(String(chatId));
  }

  unblockChat(chatId: number | string): void {
    this.state.blocked.delete(String(chatId));
  }

  /** Sends to this chat get 400 "Bad Request: chat not found". */
  unknownChat(chatId: number | string): void {
    this.state.unknown.add(String(chatId));
  }

  /** The next `count` matching calls fail with this status and description. */
  failNext(count: number, failure: TelegramFailure, filter: TelegramCallFilter = {}): void {
    this.failures.add(count, failure, matcher(filter));
  }

  /** Holds matching answers for `ms` (all of them unless `count`); delay(0) clears. */
  delay(ms: number, options: TelegramCallFilter & { count?: number } = {}): void {
    if (ms <= 0) {
      this.delays.clear();
      return;
    }
    this.delays.add(options.count ?? Number.POSITIVE_INFINITY, ms, matcher(options));
  }

  /** Adds or replaces a method. Throw TelegramApiError from the handler to fail. */
  onMethod(method: string, handler: (params: TelegramParams, record: TelegramRequestRecord) => unknown): void {
    this.handlers.set(method.toLowerCase(), async ({ params, record }) => ({ result: await handler(params, record) }));
  }

  // ── HTTP ─────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/bot([^/]+)\/(?:test\/)?([^/]+)$/.exec(url.pathname);
    const body = parseBody(req.headers['content-type'], raw);
    const query = queryOf(url);
    const params = telegramParams(query, body);
    const record = this.log.add({
      seq: this.log.nextSeq,
      at: this.clock(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      headers: req.headers,
      rawBody: raw.toString('utf8'),
      apiMethod: match?.[2] ?? '',
      token: match?.[1] ?? '',
      params,
      body,
      chatId: chatIdParam(params),
    });

    let status = 200;
    let payload: unknown;
    try {
      if (!match) throw telegramErrors.notFound();
      if (record.token !== this.token) throw telegramErrors.unauthorized();
      const context: CallContext = { method: record.apiMethod.toLowerCase(), chatId: record.chatId };
      const delayMs = this.delays.take(context);
      if (delayMs !== undefined && !(await pause(delayMs, res))) return this.log.abort(record);
      const failure = this.failures.take(context);
      if (failure) throw new TelegramApiError(failure.status, failure.description, failure.retryAfter);
      const handler = this.handlers.get(context.method);
      if (!handler) throw telegramErrors.methodNotFound();
      const answer = await handler({ params, record, res });
      payload = { ok: true, result: answer.result, ...(answer.description ? { description: answer.description } : {}) };
    } catch (error) {
      if (!(error instanceof TelegramApiError)) throw error;
      status = error.status;
      payload = error.toBody();
      if (status === 429) this.tooMany += 1;
    }
    if (res.destroyed) return this.log.abort(record);
    sendJson(res, status, payload);
    this.log.respond(record, { status, body: payload });
  }

  private async runWebhookReply(contentType: string | null, body: string): Promise<void> {
    if (!contentType?.includes('application/json')) return;
    const parsed = parseBody(contentType, Buffer.from(body));
    if (parsed.kind !== 'json' || !isPlainObject(parsed.value)) return;
    const { method, ...params } = parsed.value;
    if (typeof method !== 'string') return;
    await fetch(`${this.url}/bot${this.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fake-origin': 'webhook-reply' },
      body: JSON.stringify(params),
    });
  }
}

function matcher(filter: TelegramCallFilter): (context: CallContext) => boolean {
  const methods =
    filter.method === undefined
      ? undefined
      : new Set((typeof filter.method === 'string' ? [filter.method] : filter.method).map((m) => m.toLowerCase()));
  return (context) => {
    if (methods ? !methods.has(context.method) : context.method === 'getupdates') return false;
    return filter.chatId === undefined || String(filter.chatId) === String(context.chatId);
  };
}

function describeTelegram(record: TelegramRequestRecord): string {
  const status = record.response ? String(record.response.status) : record.aborted ? 'aborted by client' : 'pending';
  const chat = record.chatId !== undefined ? ` chat=${record.chatId}` : '';
  const text = typeof record.params.text === 'string' ? ` text=${JSON.stringify(record.params.text.slice(0, 60))}` : '';
  const body = record.response?.body;
  const error =
    record.response && record.response.status !== 200 && isPlainObject(body) ? ` (${String(body.description)})` : '';
  return `${record.apiMethod || record.path}${chat}${text} → ${status}${error}`;
}
