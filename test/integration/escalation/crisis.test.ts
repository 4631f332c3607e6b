import { randomUUID } from 'node:crypto';
import { beforeAll, afterAll, expect, it } from 'vitest';
import type { Prisma } from '../../../src/generated/prisma/client.js';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { reescalateOverdue } from '../../../src/escalation/reescalate.js';
import { DEFAULT_ACK_POLICY } from '../../../src/escalation/policy.js';
import type { Responder } from '../../../src/pipeline/responder.js';
import type { RunningService } from '../../../src/service.js';
import { describeEachDatabase, type TestDatabase } from '../../support/database.js';
import { eventually, startTestService } from '../../support/service.js';

function payloadText(payload: Prisma.JsonValue): string {
  return (payload as { text?: string }).text ?? '';
}

describeEachDatabase('crisis messages: safe reply, escalation, alerts, acknowledgement', (db) => {
  let service: RunningService;
  let failNextResponse = false;
  const responder: Responder = {
    async respond() {
      if (failNextResponse) throw new Error('conversation broke');
      return [{ text: 'flow reply' }];
    },
  };
  const ids = { participant: '', family: '', caseworker: '', backup: '', pIdentity: '', fIdentity: '', cwIdentity: '', backupIdentity: '' };

  async function link(database: TestDatabase, owner: Prisma.ChannelIdentityUncheckedCreateInput): Promise<string> {
    return (await database.prisma.channelIdentity.create({ data: owner })).id;
  }

  async function say(externalUserId: string, text: string): Promise<string> {
    const eventKey = randomUUID();
    await service.inbox.accept({ channel: 'WEB', eventKey, externalUserId, chatId: externalUserId, kind: 'text', text, sentAt: new Date().toISOString() });
    await service.inbox.drained();
    return eventKey;
  }

  async function outboxFor(identityId: string) {
    return db().prisma.outboxMessage.findMany({ where: { identityId }, orderBy: [{ createdAt: 'asc' }, { nextAttemptAt: 'asc' }] });
  }

  beforeAll(async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const participant = await prisma.participant.findFirstOrThrow({ where: { track: 'ABSTINENT' }, include: { familyMembers: true } });
    ids.participant = participant.id;
    ids.family = participant.familyMembers[0]?.id ?? '';
    ids.caseworker = participant.caseworkerId ?? '';
    ids.backup = participant.backupCaseworkerId ?? '';
    ids.pIdentity = await link(db(), { channel: 'WEB', externalId: 'p-1', chatId: 'p-1', participantId: ids.participant });
    ids.fIdentity = await link(db(), { channel: 'WEB', externalId: 'f-1', chatId: 'f-1', familyMemberId: ids.family });
    ids.cwIdentity = await link(db(), { channel: 'WEB', externalId: 'cw-1', chatId: 'cw-1', staffUserId: ids.caseworker });
    ids.backupIdentity = await link(db(), { channel: 'WEB', externalId: 'bk-1', chatId: 'bk-1', staffUserId: ids.backup });
    service = await startTestService(db(), { PUBLIC_URL: 'https://tx.example.org' }, { responder });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('answers a suicidal message with the reviewed template in the same step, opens an escalation and alerts the caseworker', async () => {
    await say('p-1', '我真的不想活了，安眠药已经攒了一瓶');
    const replies = await outboxFor(ids.pIdentity);
    expect(replies).toHaveLength(1);
    expect(payloadText(replies[0]!.payload)).toMatch(/你不是一个人[\s\S]*12356[\s\S]*120/);
    expect(payloadText(replies[0]!.payload)).not.toContain('flow reply');
    expect(replies[0]!.priority).toBe(0);

    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: ids.participant } });
    expect(escalation.level).toBeGreaterThanOrEqual(3);
    expect(escalation.status).toBe('OPEN');
    expect(escalation.assignedToId).toBe(ids.caseworker);
    expect(escalation.ackDeadline.getTime() - escalation.openedAt.getTime()).toBeLessThanOrEqual(DEFAULT_ACK_POLICY.level3Ms);

    const assessment = await db().prisma.riskAssessment.findFirstOrThrow({ where: { participantId: ids.participant } });
    expect(assessment.categories).toContain('suicide');
    expect(assessment.source).toContain('rules');

    const [alert] = await outboxFor(ids.cwIdentity);
    const alertText = payloadText(alert!.payload);
    expect(alertText).toContain(`#${escalation.number}`);
    expect(alertText).toMatch(/P-[2-9A-Z]{5}/);
    expect(alertText).toContain('https://tx.example.org/admin/escalations/');
    expect(alertText).not.toContain('王小军');
    expect(alert!.payload).toMatchObject({ choices: [{ value: `ack:${escalation.number}` }] });
    await eventually(async () => ((await db().prisma.outboxMessage.findUniqueOrThrow({ where: { id: alert!.id } })).status === 'SENT' ? true : undefined));
  });

  it('folds a burst of messages into one escalation', async () => {
    await say('p-1', '真的撑不下去了');
    await say('p-1', '对不起');
    expect(await db().prisma.escalation.count({ where: { participantId: ids.participant } })).toBe(1);
    const events = await db().prisma.escalationEvent.findMany({ where: { type: 'NOTE' } });
    expect(events.length).toBeGreaterThanOrEqual(1);
  });

  it('raises the level for a family report of an overdose and gives the family first-aid steps', async () => {
    await say('f-1', '我儿子好像吃了很多药，现在叫不醒，嘴唇发紫');
    const [reply] = await outboxFor(ids.fIdentity);
    expect(payloadText(reply!.payload)).toMatch(/120[\s\S]*侧躺[\s\S]*纳洛酮/);
    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: ids.participant } });
    expect(escalation.level).toBe(4);
    expect(await db().prisma.escalationEvent.count({ where: { escalationId: escalation.id, type: 'RAISED' } })).toBe(1);
    const alerts = await outboxFor(ids.cwIdentity);
    expect(alerts.length).toBeGreaterThanOrEqual(2);
    expect(payloadText(alerts.at(-1)!.payload)).toMatch(/紧急/);
  });

  it('lets the caseworker acknowledge from their chat with ACK <number>', async () => {
    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: ids.participant } });
    await say('cw-1', `ack ${escalation.number}`);
    const updated = await db().prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(updated.status).toBe('ACKNOWLEDGED');
    const replies = await outboxFor(ids.cwIdentity);
    expect(payloadText(replies.at(-1)!.payload)).toContain(`已确认预警 #${escalation.number}`);
    await say('cw-1', `ACK ${escalation.number}`);
    expect(payloadText((await outboxFor(ids.cwIdentity)).at(-1)!.payload)).toMatch(/已经由 .* 确认/);
  });

  it('climbs to the backup caseworker when nobody acknowledges in time', async () => {
    const other = await db().prisma.participant.findFirstOrThrow({ where: { track: 'METHADONE' } });
    await link(db(), { channel: 'WEB', externalId: 'p-2', chatId: 'p-2', participantId: other.id });
    await say('p-2', '我想去跳楼，现在就在楼顶');
    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: other.id } });
    expect(escalation.tier).toBe(0);
    const context = { policy: DEFAULT_ACK_POLICY, consoleUrl: undefined };
    expect(await reescalateOverdue(db().prisma, context, new Date(escalation.ackDeadline.getTime() - 1000))).toBe(0);
    expect(await reescalateOverdue(db().prisma, context, new Date(escalation.ackDeadline.getTime() + 1000))).toBe(1);
    const climbed = await db().prisma.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(climbed.tier).toBe(1);
    expect(climbed.ackDeadline.getTime()).toBeGreaterThan(escalation.ackDeadline.getTime());
    const backupAlerts = await outboxFor(ids.backupIdentity);
    expect(backupAlerts.some((a) => payloadText(a.payload).includes(`#${escalation.number}`))).toBe(true);
    expect(await db().prisma.escalationEvent.count({ where: { escalationId: escalation.id, type: 'RE_ESCALATED' } })).toBe(1);
    // Running the check again at the same moment changes nothing.
    expect(await reescalateOverdue(db().prisma, context, new Date(escalation.ackDeadline.getTime() + 1000))).toBe(0);
  });

  it('offers a level-2 message the caseworker, and a tap on the offer becomes a task', async () => {
    const third = await db().prisma.participant.findFirstOrThrow({ where: { track: 'DEPENDENT' } });
    const identity = await link(db(), { channel: 'WEB', externalId: 'p-3', chatId: 'p-3', participantId: third.id });
    await say('p-3', '昨天没忍住又溜了一次冰');
    const [first] = await outboxFor(identity);
    expect(payloadText(first!.payload)).toContain('需要勇气');
    expect(first!.payload).toMatchObject({ choices: [{ value: 'risk:contact-caseworker' }, { value: 'risk:no-thanks' }] });
    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: third.id } });
    expect(escalation.level).toBe(2);
    await service.inbox.accept({ channel: 'WEB', eventKey: randomUUID(), externalUserId: 'p-3', chatId: 'p-3', kind: 'choice', choice: 'risk:contact-caseworker', sentAt: new Date().toISOString() });
    await service.inbox.drained();
    expect(await db().prisma.caseworkerTask.count({ where: { participantId: third.id, kind: 'MESSAGE' } })).toBe(1);
  });

  it('still sends the safe reply, once, when processing fails', async () => {
    failNextResponse = true;
    try {
      const third = await db().prisma.participant.findFirstOrThrow({ where: { track: 'DEPENDENT' } });
      const identity = await db().prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'p-3' } });
      const before = (await outboxFor(identity.id)).length;
      const eventKey = await say('p-3', '上家又打电话来了，说有新货，我好想要');
      const event = await db().prisma.inboundEvent.findFirstOrThrow({ where: { eventKey } });
      expect(event.status).toBe('PENDING');
      expect(event.lastError).toBe('Error');
      const after = await outboxFor(identity.id);
      expect(after).toHaveLength(before + 1);
      expect(payloadText(after.at(-1)!.payload)).toContain('需要勇气');
      expect(after.at(-1)!.dedupeKey).toBe(`safe:${event.id}`);
      // The retry succeeds and does not send the safe reply again.
      failNextResponse = false;
      await db().prisma.inboundEvent.update({ where: { id: event.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
      await service.inbox.recover();
      await service.inbox.drained();
      const final = await outboxFor(identity.id);
      expect(final.filter((r) => payloadText(r.payload).includes('需要勇气'))).toHaveLength(after.filter((r) => payloadText(r.payload).includes('需要勇气')).length);
      expect((await db().prisma.inboundEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe('PROCESSED');
      expect(await db().prisma.escalation.count({ where: { participantId: third.id, status: { not: 'RESOLVED' } } })).toBe(1);
    } finally {
      failNextResponse = false;
    }
  });

  it('keeps a greeting at level 0 with no escalation', async () => {
    const before = await db().prisma.escalation.count();
    await say('p-3', '早上好，周四几点尿检？');
    expect(await db().prisma.escalation.count()).toBe(before);
    const identity = await db().prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'p-3' } });
    expect(payloadText((await outboxFor(identity.id)).at(-1)!.payload)).toBe('flow reply');
  });
});
