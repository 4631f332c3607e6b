import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import type { RunningService } from '../../../src/service.js';
import { FakeOpenAI } from '../../fakes/openai-server.js';
import { describeEachDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';
import { WebChatClient } from '../../support/web-chat-client.js';

const TIMEOUT_MS = 3000;
const CHAT_TEXT = '周末想去爬山，你觉得怎么样';

/**
 * Free chat through the whole service, on both databases: the model is asked
 * after the message's transaction committed, so a slow model never holds the
 * database (PGlite has one connection), and the rules' answer stands in.
 */
describeEachDatabase('free chat with a model through the pipeline', (db) => {
  const model = new FakeOpenAI({ apiKey: 'sk-test' });
  let service: RunningService;
  let participants: { id: string; displayName: string }[] = [];

  beforeAll(async () => {
    await model.start();
    await seedDemo(db().prisma);
    participants = await db().prisma.participant.findMany({ select: { id: true, displayName: true }, orderBy: { pseudonym: 'asc' }, take: 2 });
    service = await startTestService(db(), {
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_MODEL: 'test-model',
      OPENAI_TIMEOUT_MS: String(TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await model.stop();
  });

  async function chatAs(index: number): Promise<WebChatClient> {
    const chat = new WebChatClient(service.http.url);
    const participant = participants[index];
    if (!participant) throw new Error('demo participant missing');
    expect(await chat.demoLogin('participant', participant.id)).toBe(200);
    return chat;
  }

  it('answers with the model on either database, records token use, and sends no names', async () => {
    model.respondWith(() => ({ content: '爬山挺好的，记得带水，注意安全。', usage: { prompt_tokens: 120, completion_tokens: 20 } }));
    const chat = await chatAs(0);
    await chat.send({ text: `${participants[0]?.displayName}想问：${CHAT_TEXT}` });
    const reply = await chat.waitForReply(/爬山挺好的/);
    expect(reply.choices?.length).toBeGreaterThan(0);
    expect(model.promptTexts().join('\n')).not.toContain(participants[0]?.displayName);
    await eventually(async () => ((await db().prisma.llmUsage.count()) > 0 ? true : undefined), 5000, 'token use recorded');
  });

  it('keeps the database free while the model thinks: another person is answered meanwhile', async () => {
    model.respondWith(() => ({ delayMs: 2000, content: '慢慢来的回答' }));
    const slow = await chatAs(0);
    const other = await chatAs(1);
    const asked = model.requests.length;
    await slow.send({ text: CHAT_TEXT });
    await model.waitFor((r) => r.seq > asked, 5000);
    await other.send({ text: '菜单' });
    await other.waitForReply(/./, 5000);
    // The model is still thinking, yet the other person was answered.
    await slow.poll();
    expect(slow.received).toHaveLength(0);
    await slow.waitForReply(/慢慢来的回答/, 5000);
  });

  it('sends the rules’ answer at once when the model fails, and after its deadline when it hangs', async () => {
    model.respondWith(() => ({ status: 500 }));
    const chat = await chatAs(1);
    const failedAt = Date.now();
    await chat.send({ text: CHAT_TEXT });
    const fallback = await chat.waitForReply(/./, 5000);
    expect(fallback.text).not.toContain('delayed reply');
    expect(Date.now() - failedAt).toBeLessThan(TIMEOUT_MS + 2000);

    model.respondWith(() => ({ delayMs: TIMEOUT_MS * 3 }));
    const hungAt = Date.now();
    const before = chat.received.length;
    await chat.send({ text: '下周想换个工作' });
    await eventually(async () => ((await chat.poll(), chat.received.length > before) ? true : undefined), 10_000, 'the stand-in');
    const waited = Date.now() - hungAt;
    expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 200);
    expect(waited).toBeLessThan(TIMEOUT_MS + 4000);
    expect(chat.received.at(-1)?.text).not.toContain('delayed reply');
  });
});
