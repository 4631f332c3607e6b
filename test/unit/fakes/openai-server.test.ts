// Proves FakeOpenAI against the real openai SDK.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import OpenAI, { APIConnectionTimeoutError, APIError, AuthenticationError, BadRequestError, InternalServerError } from 'openai';
import { FakeOpenAI } from '../../fakes/openai-server.js';

const API_KEY = 'sk-fake-test-key-0000';
const user = (content: string): OpenAI.Chat.ChatCompletionMessageParam => ({ role: 'user', content });

describe('FakeOpenAI with the openai SDK', () => {
  let fake: FakeOpenAI;
  let client: OpenAI;

  beforeEach(async () => {
    fake = new FakeOpenAI({ apiKey: API_KEY });
    await fake.start();
    client = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: API_KEY, maxRetries: 0, timeout: 2_000 });
  });

  afterEach(async () => {
    await fake.stop();
  });

  const ask = (content: string, extra: Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming> = {}) =>
    client.chat.completions.create({ model: 'gpt-4o-mini', messages: [user(content)], ...extra });

  it('answers scripted content with usage, and records what was sent', async () => {
    fake.reply({ content: '我在这里陪你。' });
    const completion = await ask('我今天很难受');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: '我在这里陪你。' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.model).toBe('gpt-4o-mini');
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(fake.chatRequests()).toMatchObject([{ model: 'gpt-4o-mini', messages: [{ role: 'user', content: '我今天很难受' }] }]);
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('exposes every prompt text so tests can assert no PII reached the model', async () => {
    fake.respondWith(({ index }) => ({ content: `reply ${index}` }));
    await client.chat.completions.create({
      model: 'm',
      messages: [
        { role: 'system', content: 'You are supportive.' },
        { role: 'user', content: [{ type: 'text', text: '[NAME] called from [PHONE]' }] },
      ],
    });
    const texts = fake.promptTexts();
    expect(texts).toEqual(['You are supportive.', '[NAME] called from [PHONE]']);
    expect(texts.join('\n')).not.toMatch(/1[3-9]\d{9}/);
  });

  it('answers json replies as JSON content', async () => {
    fake.reply({ json: { risk: 'low', reasons: [] } });
    const completion = await ask('classify', { response_format: { type: 'json_object' } });
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ risk: 'low', reasons: [] });
    expect(fake.chatRequests()[0]?.response_format).toEqual({ type: 'json_object' });
  });

  it('surfaces a scripted 500 as an APIError (InternalServerError)', async () => {
    fake.reply({ status: 500 });
    const error = await ask('hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(500);
    expect((error as APIError).requestID).toBe('req_fake_1');
  });

  it('surfaces a delay beyond the timeout as APIConnectionTimeoutError and marks the request aborted', async () => {
    fake.reply({ delayMs: 1_000, content: 'too late' });
    const quick = new OpenAI({ baseURL: fake.baseURL, apiKey: API_KEY, maxRetries: 0, timeout: 100 });
    const error = await quick.chat.completions.create({ model: 'm', messages: [user('hi')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    await expect(fake.waitFor((r) => r.aborted === true)).resolves.toMatchObject({ endpoint: 'chat' });
  });

  it('answers a delay within the timeout', async () => {
    fake.reply({ delayMs: 100 });
    const completion = await ask('hi');
    expect(completion.choices[0]?.message.content).toBe('delayed reply');
  });

  it('serves malformed and empty answers', async () => {
    fake.reply({ malformed: true }, { empty: true }, { empty: 'no-choices' });
    const malformed = await ask('a').catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(SyntaxError);
    expect((await ask('b')).choices[0]?.message.content).toBe('');
    expect((await ask('c')).choices).toEqual([]);
  });

  it('rejects a wrong key with 401 and stream: true with 400', async () => {
    const wrong = new OpenAI({ baseURL: fake.baseURL, apiKey: 'sk-wrong', maxRetries: 0 });
    const auth = await wrong.chat.completions.create({ model: 'm', messages: [user('x')] }).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(AuthenticationError);
    const stream = await client.chat.completions.create({ model: 'm', messages: [user('x')], stream: true }).catch((e: unknown) => e);
    expect(stream).toBeInstanceOf(BadRequestError);
    expect((stream as BadRequestError).param).toBe('stream');
  });

  it('accepts a baseURL without /v1 and fails loudly when the script runs out', async () => {
    const bare = new OpenAI({ baseURL: fake.url, apiKey: API_KEY, maxRetries: 2 });
    const error = await bare.chat.completions.create({ model: 'm', messages: [user('x')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).message).toMatch(/no scripted reply for chat request #1/);
    // x-should-retry: false stops the SDK retrying a test-script mistake.
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.path).toBe('/chat/completions');
  });

  it('lets the SDK retry a scripted 429 with retry-after', async () => {
    fake.reply({ status: 429, headers: { 'retry-after-ms': '10' } }, { content: 'ok' });
    const retrying = new OpenAI({ baseURL: fake.baseURL, apiKey: API_KEY, maxRetries: 1 });
    const completion = await retrying.chat.completions.create({ model: 'm', messages: [user('x')] });
    expect(completion.choices[0]?.message.content).toBe('ok');
    expect(fake.requests.map((r) => r.response?.status)).toEqual([429, 200]);
    expect(fake.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });
});
