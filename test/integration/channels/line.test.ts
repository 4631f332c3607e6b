import { afterAll, beforeAll, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createInvite } from '../../../src/linking/invites.js';
import type { RunningService } from '../../../src/service.js';
import { FakeLineApi, lineFollowEvent, lineStickerEvent, lineTextEvent, lineUnfollowEvent, makeLineUserId, postLineWebhook } from '../../fakes/line-api.js';
import { describeEachDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';

const SECRET = 'line-e2e-secret';

function texts(messages: messagingApi.Message[]): string[] {
  return messages.flatMap((m) => (m.type === 'text' ? [m.text] : []));
}

describeEachDatabase('LINE end to end: webhook → inbox → pipeline → outbox → Messaging API', (db) => {
  const fake = new FakeLineApi();
  let service: RunningService;
  const userId = makeLineUserId('wang');
  let webhook: string;

  beforeAll(async () => {
    await fake.start();
    await seedDemo(db().prisma);
    service = await startTestService(db(), {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.url,
    });
    webhook = `${service.http.url}/webhooks/line`;
    fake.addUser({ userId, displayName: 'Wang' });
  });

  afterAll(async () => {
    await service?.stop();
    await fake.stop();
  });

  async function deliver(...events: Parameters<FakeLineApi['makeWebhookBody']>[0]): Promise<number> {
    return (await postLineWebhook(webhook, SECRET, fake.makeWebhookBody(events))).status;
  }

  it('refuses a webhook with a bad signature and stores nothing', async () => {
    const body = JSON.stringify(fake.makeWebhookBody([lineTextEvent({ userId, text: 'hi' })]));
    const response = await fetch(webhook, { method: 'POST', headers: { 'x-line-signature': 'bad', 'content-type': 'application/json' }, body });
    expect(response.status).toBe(401);
    expect(await db().prisma.inboundEvent.count({ where: { channel: 'LINE' } })).toBe(0);
  });

  it('links with an invite code and answers with the reply token, once', async () => {
    const participant = await db().prisma.participant.findFirstOrThrow({ where: { track: 'ABSTINENT' } });
    const { code } = await createInvite(db().prisma, { participantId: participant.id }, { now: new Date() });
    // Following the account first: one short message on how to get a code.
    expect(await deliver(lineFollowEvent({ userId }))).toBe(200);
    const [greeting] = await fake.waitForSentTo(userId, 1, 10_000);
    expect(texts(greeting?.messages ?? []).join('')).toContain('邀请码');
    const event = lineTextEvent({ userId, text: code });
    expect(await deliver(event)).toBe(200);
    const sent = (await fake.waitForSentTo(userId, 2, 10_000))[1];
    expect(sent?.via).toBe('reply');
    expect(texts(sent?.messages ?? []).join('')).toContain('已连接，王小军');

    // LINE redelivers the same event: dropped.
    expect(await postLineWebhook(webhook, SECRET, { destination: fake.botInfo.userId, events: [{ ...event, deliveryContext: { isRedelivery: true } }] })).toHaveProperty('status', 200);
    await service.inbox.drained();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.sentTo(userId)).toHaveLength(2);
  });

  it('answers a crisis message with the safe reply on LINE', async () => {
    expect(await deliver(lineTextEvent({ userId, text: '活着没意思，我把药都准备好了' }))).toBe(200);
    const sent = await fake.waitForSentTo(userId, 3, 10_000);
    expect(texts(sent[2]?.messages ?? []).join('')).toMatch(/你不是一个人[\s\S]*12356/);
    expect(await db().prisma.escalation.count()).toBe(1);
  });

  it('asks for text when a sticker arrives', async () => {
    expect(await deliver(lineStickerEvent({ userId }))).toBe(200);
    const sent = await fake.waitForSentTo(userId, 4, 10_000);
    expect(texts(sent[3]?.messages ?? []).join('')).toContain('只能看懂文字');
  });

  it('pushes (with a retry key) when the reply token has expired', async () => {
    const identity = await db().prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'LINE' } });
    await db().prisma.outboxMessage.create({
      data: { channel: 'LINE', identityId: identity.id, payload: { text: '明天上午九点尿检，记得带身份证' }, priority: 7 },
    });
    service.dispatcher.wake();
    const sent = await fake.waitForSentTo(userId, 5, 10_000);
    expect(sent[4]?.via).toBe('push');
    expect(sent[4]?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks the account unreachable when the person unfollows', async () => {
    expect(await deliver(lineUnfollowEvent({ userId }))).toBe(200);
    await eventually(async () => {
      const identity = await db().prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'LINE' } });
      return identity.reachable ? undefined : identity;
    });
  });
});
