// FakeOpenAI: a loopback OpenAI-compatible chat completions server for the
// openai SDK. Point the SDK at `${fake.url}/v1` (or `${fake.url}`; both
// /v1/chat/completions and /chat/completions are served). Answers come from a
// script: queued replies first, then the handler set with respondWith(), then
// the defaultReply option; with none left it answers 500 with
// x-should-retry: false and says so.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { FakeHttpServer, pause, sendJson, sendText } from './fake-http-server.js';
import { chatCompletion, openAIError, requestText, type FakeOpenAIReply } from './openai-replies.js';
import { isPlainObject, parseBody } from './parse-body.js';
import { RequestLog, queryOf, type RecordedRequest } from './request-log.js';

export { estimateTokens, openAIError, type FakeOpenAIReply, type OpenAIErrorBody } from './openai-replies.js';

export interface FakeOpenAIOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Answer used when the queue and handler have nothing. */
  defaultReply?: FakeOpenAIReply;
  /** Model ids listed by GET /v1/models. */
  models?: readonly string[];
  clock?: () => number;
}

export type OpenAIEndpoint = 'chat' | 'models' | 'unknown';

export interface OpenAIRequestRecord extends RecordedRequest {
  endpoint: OpenAIEndpoint;
  /** Parsed JSON body as sent (undefined if absent or unparseable). */
  body: unknown;
  /** The chat request, when the body was a valid non-streaming chat completion request. */
  chat: ChatCompletionCreateParamsNonStreaming | undefined;
}

export interface OpenAIChatCall {
  body: ChatCompletionCreateParamsNonStreaming;
  record: OpenAIRequestRecord;
  /** 0-based number of this chat request. */
  index: number;
}

export type FakeOpenAIHandler = (call: OpenAIChatCall) => FakeOpenAIReply | Promise<FakeOpenAIReply>;

export class FakeOpenAI {
  private readonly server = new FakeHttpServer('FakeOpenAI', (req, res, raw) => this.handle(req, res, raw));
  private readonly log = new RequestLog<OpenAIRequestRecord>('FakeOpenAI');
  private readonly clock: () => number;
  private readonly queue: FakeOpenAIReply[] = [];
  private handler: FakeOpenAIHandler | undefined;
  private chatCount = 0;

  constructor(private readonly options: FakeOpenAIOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.server.beforeStop(() => this.log.rejectWaiters('the fake was stopped'));
  }

  start(): Promise<{ url: string }> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get url(): string {
    return this.server.url;
  }

  /** `${url}/v1`, ready for the SDK's baseURL. */
  get baseURL(): string {
    return `${this.server.url}/v1`;
  }

  // ── script ───────────────────────────────────────────────────────────────

  /** Queues replies, used one per chat request in order. */
  reply(...replies: FakeOpenAIReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Answers every chat request the queue does not cover. */
  respondWith(handler: FakeOpenAIHandler): this {
    this.handler = handler;
    return this;
  }

  get pendingReplies(): number {
    return this.queue.length;
  }

  // ── inspection ───────────────────────────────────────────────────────────

  get requests(): readonly OpenAIRequestRecord[] {
    return this.log.all;
  }

  /** Bodies of the chat requests, in order. */
  chatRequests(): ChatCompletionCreateParamsNonStreaming[] {
    return this.log.all.flatMap((r) => (r.chat ? [r.chat] : []));
  }

  /** Every piece of message text that reached the model, e.g. to assert no PII was sent. */
  promptTexts(): string[] {
    return this.chatRequests().flatMap(requestText);
  }

  waitFor<S extends OpenAIRequestRecord>(predicate: (record: OpenAIRequestRecord) => record is S, timeoutMs?: number): Promise<S>;
  waitFor(predicate: (record: OpenAIRequestRecord) => boolean, timeoutMs?: number): Promise<OpenAIRequestRecord>;
  waitFor(predicate: (record: OpenAIRequestRecord) => boolean, timeoutMs?: number): Promise<OpenAIRequestRecord> {
    return this.log.waitFor(predicate, timeoutMs);
  }

  clearRequests(): void {
    this.log.clear();
  }

  // ── HTTP ─────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const parsed = parseBody(req.headers['content-type'], raw);
    const body = parsed.kind === 'json' ? parsed.value : undefined;
    const endpoint = endpointOf(method, url.pathname);
    const record = this.log.add({
      seq: this.log.nextSeq,
      at: this.clock(),
      method,
      path: url.pathname,
      query: queryOf(url),
      headers: req.headers,
      rawBody: raw.toString('utf8'),
      endpoint,
      body,
      chat: endpoint === 'chat' ? asChatRequest(body) : undefined,
    });
    const requestId = `req_fake_${record.seq}`;
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      if (res.destroyed) return this.log.abort(record);
      sendJson(res, status, payload, { 'x-request-id': requestId, ...headers });
      this.log.respond(record, { status, body: payload });
    };

    const authError = this.checkAuth(req.headers.authorization);
    if (authError) return answer(401, authError);
    if (endpoint === 'models') {
      const models = this.options.models ?? ['gpt-4o-mini'];
      return answer(200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
    }
    if (endpoint === 'unknown') return answer(404, openAIError(404, { message: `Unknown request URL: ${method} ${url.pathname}.`, code: 'unknown_url' }));
    if (parsed.kind === 'invalid-json' || !isPlainObject(body)) {
      return answer(400, openAIError(400, { message: 'We could not parse the JSON body of your request.' }));
    }
    if (body.stream === true) {
      return answer(400, openAIError(400, { message: 'FakeOpenAI does not support stream: true.', param: 'stream' }));
    }
    if (typeof body.model !== 'string' || body.model === '') {
      return answer(400, openAIError(400, { message: 'you must provide a model parameter', param: 'model' }));
    }
    const chat = record.chat;
    if (!chat) return answer(400, openAIError(400, { message: "[] is too short - 'messages'", param: 'messages' }));

    const index = this.chatCount;
    this.chatCount += 1;
    const reply = await this.nextReply({ body: chat, record, index });
    if (!reply) {
      const message = `FakeOpenAI has no scripted reply for chat request #${index + 1} (queue empty, no handler, no defaultReply)`;
      console.error(message);
      return answer(500, openAIError(500, { message }), { 'x-should-retry': 'false' });
    }
    if (reply.delayMs !== undefined && !(await pause(reply.delayMs, res))) return this.log.abort(record);

    if ('status' in reply) return answer(reply.status, openAIError(reply.status, reply), reply.headers);
    if ('malformed' in reply) {
      const broken = `{"id":"chatcmpl-fake-${record.seq}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis`;
      sendText(res, 200, broken, 'application/json', { 'x-request-id': requestId });
      return this.log.respond(record, { status: 200, body: broken });
    }
    const common = { id: `chatcmpl-fake-${record.seq}`, created: Math.floor(this.clock() / 1000) };
    if ('empty' in reply) {
      return answer(200, chatCompletion(chat, { ...common, content: reply.empty === 'no-choices' ? undefined : '' }));
    }
    if ('json' in reply) {
      return answer(200, chatCompletion(chat, { ...common, content: JSON.stringify(reply.json), usage: reply.usage, model: reply.model }));
    }
    if ('content' in reply) {
      return answer(
        200,
        chatCompletion(chat, { ...common, content: reply.content, finishReason: reply.finishReason, usage: reply.usage, model: reply.model }),
      );
    }
    return answer(200, chatCompletion(chat, { ...common, content: 'delayed reply' }));
  }

  private async nextReply(call: OpenAIChatCall): Promise<FakeOpenAIReply | undefined> {
    const queued = this.queue.shift();
    if (queued) return queued;
    if (this.handler) return this.handler(call);
    return this.options.defaultReply;
  }

  private checkAuth(header: string | undefined): ReturnType<typeof openAIError> | undefined {
    const expected = this.options.apiKey;
    if (expected === undefined) return undefined;
    const key = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (key === undefined) {
      return openAIError(401, {
        message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.",
        code: null,
      });
    }
    if (key !== expected) {
      return openAIError(401, { message: `Incorrect API key provided: ${key.slice(0, 3)}…${key.slice(-4)}.` });
    }
    return undefined;
  }
}

function endpointOf(method: string, path: string): OpenAIEndpoint {
  if (method === 'POST' && (path === '/v1/chat/completions' || path === '/chat/completions')) return 'chat';
  if (method === 'GET' && (path === '/v1/models' || path === '/models')) return 'models';
  return 'unknown';
}

function asChatRequest(body: unknown): ChatCompletionCreateParamsNonStreaming | undefined {
  if (!isPlainObject(body) || body.stream === true || typeof body.model !== 'string') return undefined;
  if (!Array.isArray(body.messages) || body.messages.length === 0) return undefined;
  return body as unknown as ChatCompletionCreateParamsNonStreaming;
}
