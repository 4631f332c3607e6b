import { expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createInvite } from '../../../src/linking/invites.js';
import type { RunningService } from '../../../src/service.js';
import { describeEachDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';
import { WebChatClient } from '../../support/web-chat-client.js';

describeEachDatabase('the message pipeline through the web chat', (db) => {
  let service: RunningService;
  let participantId: string;

  it('starts on a seeded database', async () => {
    await seedDemo(db().prisma);
    service = await startTestService(db());
    const participant = await db().prisma.participant.findFirstOrThrow({ where: { track: 'DEPENDENT' } });
    participantId = participant.id;
  });

  it('links a browser with an invite code, shows the privacy notice and records consent', async () => {
    const chat = new WebChatClient(service.http.url);
    await db().prisma.participant.update({ where: { id: participantId }, data: { consentAt: null } });
    const { code } = await createInvite(db().prisma, { participantId }, { now: new Date() });
    expect(await chat.send({ text: `我的邀请码 ${code.toLowerCase()}` })).toEqual({ status: 202, result: 'stored' });
    await chat.waitForReply(/已连接，刘强/);
    const participant = await db().prisma.participant.findUniqueOrThrow({ where: { id: participantId } });
    expect(participant.consentAt).not.toBeNull();

    // The code is used up: a second browser cannot use it.
    const other = new WebChatClient(service.http.url);
    await other.send({ text: code });
    await other.waitForReply(/邀请码无效或已过期/);
  });

  it('answers an unlinked browser once with how to get a code, storing nothing about it', async () => {
    const stranger = new WebChatClient(service.http.url);
    const before = await db().prisma.channelIdentity.count();
    await stranger.send({ text: '你好' });
    await stranger.waitForReply(/邀请码/);
    await stranger.send({ text: '在吗' });
    await service.inbox.drained();
    await stranger.poll();
    expect(stranger.received).toHaveLength(1);
    expect(await db().prisma.channelIdentity.count()).toBe(before);
    const events = await db().prisma.inboundEvent.findMany({ where: { status: 'IGNORED' } });
    for (const event of events) expect(event.payload).toEqual({ redacted: true });
  });

  it('limits guessing: after five wrong codes even a right one is refused for a while', async () => {
    const guesser = new WebChatClient(service.http.url);
    for (const guess of ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC', 'DDDD-DDDD', 'EEEE-EEEE']) await guesser.send({ text: guess });
    await eventually(async () => (guesser.received.length >= 5 ? true : (await guesser.poll(), undefined)), 10_000, 'five answers');
    const family = await db().prisma.familyMember.findFirstOrThrow();
    const { code } = await createInvite(db().prisma, { familyMemberId: family.id }, { now: new Date() });
    await guesser.send({ text: code });
    await guesser.waitForReply(/尝试次数太多/);
  });

  it('refuses an expired code', async () => {
    const chat = new WebChatClient(service.http.url);
    const { code } = await createInvite(db().prisma, { participantId }, { now: new Date(Date.now() - 8 * 86_400_000) });
    await chat.send({ text: code });
    await chat.waitForReply(/邀请码无效或已过期/);
  });

  it('stores a linked person\'s message once, replies once, and drops a duplicate', async () => {
    const chat = new WebChatClient(service.http.url);
    expect(await chat.demoLogin('participant', participantId)).toBe(200);
    const id = crypto.randomUUID();
    expect(await chat.send({ text: '今天去哪里尿检？' }, id)).toEqual({ status: 202, result: 'stored' });
    expect(await chat.send({ text: '今天去哪里尿检？' }, id)).toEqual({ status: 202, result: 'duplicate' });
    await service.inbox.drained();
    const stored = await db().prisma.message.count({ where: { participantId, direction: 'INBOUND', text: '今天去哪里尿检？' } });
    expect(stored).toBe(1);
    // The answer (from the rule-based answerer, no model here) comes once, with the menu.
    await eventually(async () => ((await chat.poll(), chat.received.length) >= 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await chat.poll();
    expect(chat.received).toHaveLength(1);
    expect(chat.received[0]?.choices?.length).toBeGreaterThan(0);
  });

  it('STOP ends messages except replies, tells the caseworker, and START resumes', async () => {
    const chat = new WebChatClient(service.http.url);
    await chat.demoLogin('participant', participantId);
    await chat.send({ text: '退订' });
    await chat.waitForReply(/已停止所有消息/);
    const identity = await db().prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'WEB', participantId, optedOutAt: { not: null } } });
    const task = await db().prisma.caseworkerTask.findFirst({ where: { participantId, kind: 'OPTED_OUT' } });
    expect(task?.staffUserId).not.toBeNull();

    // A reminder (not a reply) is cancelled while opted out.
    await db().prisma.outboxMessage.create({
      data: { channel: 'WEB', identityId: identity.id, payload: { text: '明天上午九点尿检' }, isReply: false, priority: 7 },
    });
    service.dispatcher.wake();
    await eventually(
      async () => (await db().prisma.outboxMessage.findFirst({ where: { identityId: identity.id, status: 'CANCELLED' } })) ?? undefined,
      10_000,
      'the reminder to be cancelled',
    );

    await chat.send({ text: 'START' });
    await chat.waitForReply(/消息已恢复/);
    expect((await db().prisma.channelIdentity.findUniqueOrThrow({ where: { id: identity.id } })).optedOutAt).toBeNull();
  });

  it('asks for text instead of media', async () => {
    const message = await service.inbox.accept({
      channel: 'WEB',
      eventKey: `media-${Date.now()}`,
      externalUserId: (await db().prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'WEB', participantId } })).externalId,
      chatId: 'x',
      kind: 'voice',
      sentAt: new Date().toISOString(),
    });
    expect(message).toBe('stored');
    await service.inbox.drained();
    const voice = await db().prisma.message.findFirstOrThrow({ where: { participantId, kind: 'VOICE' } });
    expect(voice.text).toBeNull();
    await eventually(
      async () => (await db().prisma.outboxMessage.findFirst({ where: { payload: { path: ['text'], string_contains: '只能看懂文字' } } })) ?? undefined,
    );
  });

  it('processes an event left behind by a crash exactly once', async () => {
    const identity = await db().prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'WEB', participantId } });
    // As if a previous process stored the event, claimed it, and died.
    await db().prisma.inboundEvent.create({
      data: {
        channel: 'WEB',
        eventKey: 'crashed-1',
        status: 'PENDING',
        attempts: 1,
        lockedUntil: new Date(Date.now() - 1000),
        payload: {
          channel: 'WEB',
          eventKey: 'crashed-1',
          externalUserId: identity.externalId,
          chatId: identity.chatId,
          kind: 'text',
          text: '昨天的消息',
          sentAt: new Date().toISOString(),
        },
      },
    });
    expect(await service.inbox.recover()).toBe(1);
    await service.inbox.drained();
    expect(await service.inbox.recover()).toBe(0);
    expect(await db().prisma.message.count({ where: { text: '昨天的消息' } })).toBe(1);
    const event = await db().prisma.inboundEvent.findFirstOrThrow({ where: { eventKey: 'crashed-1' } });
    expect(event.status).toBe('PROCESSED');
  });

  it('rejects malformed posts with 400', async () => {
    const response = await fetch(`${service.http.url}/chat/api/messages`, { method: 'POST', body: '{"nope":1}' });
    expect(response.status).toBe(400);
  });

  it('stops cleanly', async () => {
    await service.stop();
  });
});
