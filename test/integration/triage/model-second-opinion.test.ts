import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import type { RunningService } from '../../../src/service.js';
import { FakeOpenAI } from '../../fakes/openai-server.js';
import { describeEachDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';

describeEachDatabase('the model as a second opinion on risk', (db) => {
  const model = new FakeOpenAI({ apiKey: 'sk-test' });
  let service: RunningService;
  let identityId = '';
  let participantId = '';

  beforeAll(async () => {
    await model.start();
    await seedDemo(db().prisma);
    const participant = await db().prisma.participant.findFirstOrThrow({ where: { track: 'ABSTINENT' } });
    participantId = participant.id;
    identityId = (await db().prisma.channelIdentity.create({ data: { channel: 'WEB', externalId: 'm-1', chatId: 'm-1', participantId } })).id;
    service = await startTestService(db(), {
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_MODEL: 'test-model',
      RISK_MODEL_ENABLED: 'true',
      RISK_MODEL_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await service?.stop();
    await model.stop();
  });

  async function say(text: string): Promise<void> {
    await service.inbox.accept({ channel: 'WEB', eventKey: randomUUID(), externalUserId: 'm-1', chatId: 'm-1', kind: 'text', text, sentAt: new Date().toISOString() });
    await service.inbox.drained();
  }

  function texts(rows: { payload: unknown }[]): string[] {
    return rows.map((r) => (r.payload as { text: string }).text);
  }

  it('raises a level the rules missed: escalation and crisis reply follow', async () => {
    model.respondWith(() => ({ json: { level: 3, categories: ['suicide'], time_frame: 'current', rationale: 'goodbye message with a plan implied' } }));
    await say('最近总是睡不着，也不想说话');
    await eventually(async () => (await db().prisma.escalation.findFirst({ where: { participantId } })) ?? undefined, 10_000, 'an escalation');
    const assessments = await db().prisma.riskAssessment.findMany({ where: { participantId }, orderBy: { createdAt: 'asc' } });
    expect(assessments.at(-1)?.level).toBe(3);
    expect(assessments.at(-1)?.source).toContain('model');
    await eventually(async () => {
      const rows = await db().prisma.outboxMessage.findMany({ where: { identityId } });
      return texts(rows).some((t) => t.includes('你不是一个人')) ? true : undefined;
    });
  });

  it('is not held up by a slow free-chat answer to the same message', async () => {
    await db().prisma.escalation.deleteMany({ where: { participantId } });
    // The risk call asks for JSON; the free-chat call does not and takes 3 s.
    model.respondWith(({ body }) =>
      body.response_format
        ? { json: { level: 3, categories: ['suicide'], time_frame: 'current', rationale: 'quiet goodbye' } }
        : { delayMs: 3000, content: '慢慢说，我在听。' },
    );
    const sentAt = Date.now();
    await service.inbox.accept({ channel: 'WEB', eventKey: randomUUID(), externalUserId: 'm-1', chatId: 'm-1', kind: 'text', text: '这几天晚上老是醒', sentAt: new Date().toISOString() });
    await eventually(async () => (await db().prisma.escalation.findFirst({ where: { participantId } })) ?? undefined, 10_000, 'an escalation');
    expect(Date.now() - sentAt).toBeLessThan(2500);
    await service.inbox.drained();
  });

  it('never lowers the rules: a level-3 message stays level 3 when the model says 0', async () => {
    model.respondWith(() => ({ json: { level: 0, categories: [], time_frame: 'current', rationale: 'nothing' } }));
    const before = await db().prisma.riskAssessment.count();
    await say('我想死，药已经准备好了');
    const latest = await db().prisma.riskAssessment.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(latest.level).toBeGreaterThanOrEqual(3);
    expect(await db().prisma.riskAssessment.count()).toBe(before + 1);
  });

  it('changes nothing when the model fails', async () => {
    model.respondWith(() => ({ status: 500 }));
    const before = await db().prisma.riskAssessment.count();
    await say('这几天心情很低落');
    // The rules' own row (raised by the earlier messages' context) and nothing from the model.
    expect(await db().prisma.riskAssessment.count()).toBe(before + 1);
    const latest = await db().prisma.riskAssessment.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(latest.level).toBeGreaterThanOrEqual(1);
    expect(latest.source).not.toContain('model');
  });
});
