import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { previewBroadcast, sendBroadcast } from '../../../src/scheduler/index.js';
import { describeEachDatabase } from '../../support/database.js';
import { at, familyMember, participant, station, text, wipe } from './fixtures.js';

describeEachDatabase('broadcasts', (db) => {
  let prisma: PrismaClient;
  let stationId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma);
  });

  async function scene() {
    const twoApps = await participant(prisma, stationId, { identity: 'two' });
    const english = await participant(prisma, stationId, { locale: 'en' });
    const stopped = await participant(prisma, stationId, { identity: 'opted-out' });
    await participant(prisma, stationId, { identity: 'unreachable' });
    await participant(prisma, stationId, { identity: 'none' });
    await participant(prisma, stationId, { mutedUntil: at('2026-04-01T00:00') });
    await participant(prisma, stationId, { status: 'COMPLETED' });
    const mother = await familyMember(prisma, twoApps.id);
    await familyMember(prisma, stopped.id, 'opted-out');
    const elsewhere = await station(prisma, 'Asia/Shanghai', '另一个站');
    await participant(prisma, elsewhere);
    return { twoApps, english, mother };
  }

  it('previews the recipient count, leaving out people who said STOP, cannot be reached or are muted', async () => {
    await scene();
    const now = at('2026-03-04T10:00');
    const participants = await prisma.$transaction((tx) => previewBroadcast(tx, { stationId, audience: 'PARTICIPANTS', now }));
    expect(participants).toEqual({ recipients: 3, people: 2, skipped: { optedOut: 1, unreachable: 1, muted: 1, noChatAccount: 1 } });
    const families = await prisma.$transaction((tx) => previewBroadcast(tx, { stationId, audience: 'FAMILIES', now }));
    expect(families).toEqual({ recipients: 1, people: 1, skipped: { optedOut: 1, unreachable: 0, muted: 0, noChatAccount: 0 } });
    const both = await prisma.$transaction((tx) => previewBroadcast(tx, { stationId, audience: 'BOTH', now }));
    expect(both.recipients).toBe(4);
  });

  it('sends once through the outbox at bulk priority, in each person’s language, waiting out quiet hours', async () => {
    const s = await scene();
    const broadcast = await prisma.broadcast.create({ data: { stationId, audience: 'BOTH', body: '本周六上午 9 点集中教育课，主题：戒毒常识。' } });
    const now = at('2026-03-04T23:00');
    const sent = await prisma.$transaction((tx) => sendBroadcast(tx, broadcast.id, now));
    expect(sent).toMatchObject({ kind: 'sent', recipients: 4, notBefore: at('2026-03-05T08:00') });
    const again = await prisma.$transaction((tx) => sendBroadcast(tx, broadcast.id, now));
    expect(again).toEqual({ kind: 'already-sent', sentAt: now });

    const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `broadcast:${broadcast.id}:` } } });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.priority === 9 && !r.isReply && r.nextAttemptAt.getTime() === at('2026-03-05T08:00').getTime())).toBe(true);
    expect(rows.map((r) => r.identityId).sort()).toEqual([...s.twoApps.identityIds, ...s.english.identityIds, ...s.mother.identityIds].sort());
    const english = rows.find((r) => r.identityId === s.english.identityIds[0]);
    expect(text(english!.payload)).toBe('[示范指导站]\n本周六上午 9 点集中教育课，主题：戒毒常识。');
    const chinese = rows.find((r) => r.identityId === s.mother.identityIds[0]);
    expect(text(chinese!.payload)).toBe('【示范指导站】\n本周六上午 9 点集中教育课，主题：戒毒常识。');
    const stored = await prisma.broadcast.findUniqueOrThrow({ where: { id: broadcast.id } });
    expect([stored.recipientCount, stored.sentAt]).toEqual([4, now]);
  });
});
