// The model client with the real openai SDK against FakeOpenAI on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelClient, stripReasoning, type ModelClient } from '../../../src/llm/client.js';
import { ModelBadOutputError, ModelTimeoutError, ModelUnavailableError } from '../../../src/llm/errors.js';
import { FakeOpenAI } from '../../fakes/openai-server.js';
import { API_KEY, MODEL, captureLog, llmOptions, timed } from './helpers.js';

const SYSTEM = 'SYSTEM-PROMPT-MARKER: be kind.';
const USER_TEXT = '王小明说他今天很难受';
const REPLY = '我在这里陪你，慢慢说。';

describe('createModelClient', () => {
  let fake: FakeOpenAI;
  let client: ModelClient;
  let logs: ReturnType<typeof captureLog>;

  beforeEach(async () => {
    fake = new FakeOpenAI({ apiKey: API_KEY });
    await fake.start();
    logs = captureLog();
    client = createModelClient(llmOptions(fake.baseURL), logs.log);
  });

  afterEach(async () => {
    await fake.stop();
  });

  const ask = (extra: { json?: boolean; timeoutMs?: number } = {}) =>
    client.chat({ system: SYSTEM, messages: [{ role: 'user', content: USER_TEXT }], purpose: 'test', promptVersion: 'test.v1', ...extra });

  it('sends the system prompt first and returns content, usage and model', async () => {
    fake.reply({ content: `  ${REPLY}\n`, usage: { prompt_tokens: 42, completion_tokens: 7 } });
    const result = await ask();
    expect(result).toMatchObject({ content: REPLY, usage: { promptTokens: 42, completionTokens: 7 }, model: MODEL, finishReason: 'stop' });
    expect(result.json).toBeUndefined();
    const [request] = fake.chatRequests();
    expect(request?.model).toBe(MODEL);
    expect(request?.messages).toEqual([
      { role: 'system', content: SYSTEM },
      { role: 'user', content: USER_TEXT },
    ]);
    expect(request?.response_format).toBeUndefined();
    // No vendor-only or model-specific parameters.
    expect(Object.keys(request ?? {}).sort()).toEqual(['messages', 'model']);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('asks for a JSON object and parses it; Markdown fences are tolerated', async () => {
    fake.reply({ json: { level: 2 } }, { content: '```json\n{"level": 3}\n```' });
    expect((await ask({ json: true })).json).toEqual({ level: 2 });
    expect((await ask({ json: true })).json).toEqual({ level: 3 });
    expect(fake.chatRequests()[0]?.response_format).toEqual({ type: 'json_object' });
  });

  it('treats content that is not a JSON object as bad output, keeping the usage', async () => {
    fake.reply({ content: 'level: 3, I think', usage: { prompt_tokens: 10, completion_tokens: 4 } }, { json: [1, 2] });
    const error = await ask({ json: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelBadOutputError);
    expect(error).toMatchObject({ reason: 'not-json', usage: { promptTokens: 10, completionTokens: 4 } });
    await expect(ask({ json: true })).rejects.toMatchObject({ reason: 'not-json' });
  });

  it('gives up at the deadline when the server is slow, well before it answers', async () => {
    fake.reply({ delayMs: 3_000, content: 'too late' });
    const { ms, value: error } = await timed(() => ask({ timeoutMs: 250 }).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(ModelTimeoutError);
    expect((error as ModelTimeoutError).timeoutMs).toBe(250);
    expect(ms).toBeGreaterThanOrEqual(240);
    expect(ms).toBeLessThan(250 + 400);
  });

  it('maps a 500 to ModelUnavailableError(server)', async () => {
    fake.reply({ status: 500 });
    await expect(ask()).rejects.toSatisfy((e) => e instanceof ModelUnavailableError && e.reason === 'server' && e.status === 500);
    expect(fake.requests).toHaveLength(1);
  });

  it('maps 401, 404 and 429 to operator and rate-limit reasons', async () => {
    fake.reply({ status: 404 }, { status: 429 });
    await expect(ask()).rejects.toMatchObject({ reason: 'not-found', status: 404, code: 'model_not_found' });
    await expect(ask()).rejects.toMatchObject({ reason: 'rate-limited', status: 429 });
    const wrongKey = createModelClient(llmOptions(fake.baseURL, { apiKey: 'sk-wrong' }), logs.log);
    await expect(wrongKey.chat({ system: SYSTEM, messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ reason: 'auth', status: 401 });
  });

  it('maps a refused connection to ModelUnavailableError(network)', async () => {
    const url = fake.baseURL;
    await fake.stop();
    const offline = createModelClient(llmOptions(url), logs.log);
    await expect(offline.chat({ system: SYSTEM, messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      kind: 'unavailable',
      reason: 'network',
    });
    await fake.start();
  });

  it('treats empty choices and empty content as bad output', async () => {
    fake.reply({ empty: 'no-choices' }, { empty: true }, { content: '<think>hmm</think>   ' });
    await expect(ask()).rejects.toMatchObject({ kind: 'bad-output', reason: 'empty' });
    await expect(ask()).rejects.toMatchObject({ kind: 'bad-output', reason: 'empty' });
    await expect(ask()).rejects.toMatchObject({ kind: 'bad-output', reason: 'empty' });
  });

  it('normalises the SDK SyntaxError on a malformed 200 body', async () => {
    fake.reply({ malformed: true });
    const error = await ask().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelBadOutputError);
    expect(error).toMatchObject({ reason: 'malformed' });
  });

  it('treats a content_filter finish as bad output', async () => {
    fake.reply({ content: 'partial', finishReason: 'content_filter' });
    await expect(ask()).rejects.toMatchObject({ reason: 'filtered' });
  });

  it('removes <think> blocks that reasoning models served by vLLM or Ollama put in the content', async () => {
    fake.reply({ content: '<think>The user is sad. I should…</think>\n\n我在这里。' });
    expect((await ask()).content).toBe('我在这里。');
    expect(stripReasoning('答案<think>unfinished')).toBe('答案');
  });

  it('logs timings and outcomes, never the prompt, the reply or the key', async () => {
    fake.reply({ content: REPLY }, { status: 401, message: `Incorrect API key provided: ${API_KEY}` }, { malformed: true });
    await ask();
    await ask().catch(() => undefined);
    await ask().catch(() => undefined);
    const written = logs.output();
    for (const secret of [SYSTEM, USER_TEXT, REPLY, '王小明', API_KEY, 'Incorrect API key']) expect(written).not.toContain(secret);
    const lines = logs.lines();
    expect(lines.map((l) => l.msg)).toEqual(['model call answered', 'model call failed', 'model call failed']);
    expect(lines[0]).toMatchObject({ component: 'llm', model: MODEL, purpose: 'test', promptVersion: 'test.v1' });
    expect(lines[1]).toMatchObject({ failure: 'unavailable', reason: 'auth', status: 401 });
    expect(lines[2]).toMatchObject({ failure: 'bad-output', reason: 'malformed' });
  });
});

describe('createModelClient deadline while the body is still arriving', () => {
  let server: Server;
  let url = '';

  beforeEach(async () => {
    // Headers at once, then a body that never ends: the SDK's own timeout has stopped counting.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"x","object":"chat.completion","choices":[');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('still returns ModelTimeoutError at the deadline', async () => {
    const client = createModelClient(llmOptions(url), captureLog().log);
    const { ms, value: error } = await timed(() =>
      client.chat({ system: 's', messages: [{ role: 'user', content: 'u' }], timeoutMs: 300 }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(ModelTimeoutError);
    expect(ms).toBeLessThan(300 + 400);
  });
});
