import { afterAll, beforeAll, expect, it } from 'vitest';
import { createConversationEngine } from '../../../src/conversation/index.js';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { DEFAULT_ACK_POLICY } from '../../../src/escalation/policy.js';
import type { RunningService } from '../../../src/service.js';
import { CONTACT_CASEWORKER } from '../../../src/triage/safe-reply.js';
import { describeEachDatabase } from '../../support/database.js';
import { startTestService } from '../../support/service.js';
import { WebChatClient } from '../../support/web-chat-client.js';

describeEachDatabase('conversation engine behind the real pipeline (web chat)', (db) => {
  let service: RunningService;
  let participantId = '';

  beforeAll(async () => {
    await seedDemo(db().prisma);
    participantId = (await db().prisma.participant.findFirstOrThrow({ where: { track: 'DEPENDENT' } })).id;
    const engine = createConversationEngine({ escalation: { policy: DEFAULT_ACK_POLICY, consoleUrl: undefined }, clock: { now: () => new Date() } });
    service = await startTestService(db(), {}, { responder: engine });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('runs a check-in with taps and typed answers, end to end', async () => {
    const chat = new WebChatClient(service.http.url);
    expect(await chat.demoLogin('participant', participantId)).toBe(200);
    await chat.send({ text: '菜单' });
    const menu = await chat.waitForReply(/刘强，你好/);
    expect(menu.choices?.map((c) => c.value)).toContain('m:checkin');
    await chat.send({ choice: 'm:checkin' });
    await chat.waitForReply(/心情怎么样/);
    await chat.send({ text: '3' });
    await chat.waitForReply(/心瘾/);
    await chat.send({ choice: 'ci:c:2' });
    await chat.waitForReply(/有没有用过/);
    await chat.send({ text: '没有' });
    await chat.waitForReply(/还有什么想说的/);
    await chat.send({ choice: 'ci:n:skip' });
    await chat.waitForReply(/谢谢你签到，刘强/);
    const checkIn = await db().prisma.checkIn.findFirstOrThrow({ where: { participantId } });
    expect(checkIn).toMatchObject({ mood: 3, craving: 2, usedSinceLast: false });
  });

  it('a worrying free text gets the safe reply first, then an answer that offers the caseworker first', async () => {
    const chat = new WebChatClient(service.http.url);
    await chat.demoLogin('participant', participantId);
    await chat.send({ text: '心瘾好大，上家又打电话来了' });
    const answer = await chat.waitForReply(/心瘾来了怎么办/);
    const safe = chat.received.find((r) => r.text.includes('谢谢你愿意说出来'));
    expect(safe).toBeDefined();
    expect(chat.received.indexOf(safe!)).toBeLessThan(chat.received.indexOf(answer));
    expect(answer.choices?.[0]?.value).toBe(CONTACT_CASEWORKER);
    expect(answer.choices?.map((c) => c.value)).toContain('m:checkin');
    expect(await db().prisma.escalation.count({ where: { participantId } })).toBe(1);
  });
});
