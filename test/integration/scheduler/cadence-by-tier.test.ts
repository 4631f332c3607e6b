import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { describeEachDatabase } from '../../support/database.js';
import { at, outboxFor, participant, reminders, scheduler, station, wipe } from './fixtures.js';

// Monday 2 March 2026, Asia/Shanghai: the plan covers Monday and Tuesday.
const MON_0700 = at('2026-03-02T07:00');

describeEachDatabase('check-in cadence by track and risk tier', (db) => {
  let prisma: PrismaClient;
  let stationId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma);
  });

  const days = async (participantId: string) => (await reminders(prisma, { participantId, kind: 'CHECK_IN' })).map((r) => r.dedupeKey.slice(-10));

  it('asks HIGH risk people daily whatever the track, LOW methadone people less often, and a person’s own cadence wins', async () => {
    const highAbstinent = await participant(prisma, stationId, { track: 'ABSTINENT', riskTier: 'HIGH' });
    const mediumAbstinent = await participant(prisma, stationId, { track: 'ABSTINENT', riskTier: 'MEDIUM' });
    const highMethadone = await participant(prisma, stationId, { track: 'METHADONE', riskTier: 'HIGH' });
    const lowMethadone = await participant(prisma, stationId, { track: 'METHADONE', riskTier: 'LOW' });
    const lowDependent = await participant(prisma, stationId, { track: 'DEPENDENT', riskTier: 'LOW' });
    const highOwnCadence = await participant(prisma, stationId, { track: 'DEPENDENT', riskTier: 'HIGH', checkInCadence: 'weekly:TUE' });
    await scheduler(prisma).plan(MON_0700);
    expect(await days(highAbstinent.id)).toEqual(['2026-03-02', '2026-03-03']);
    expect(await days(mediumAbstinent.id)).toEqual(['2026-03-02']);
    expect(await days(highMethadone.id)).toEqual(['2026-03-02', '2026-03-03']);
    expect(await days(lowMethadone.id)).toEqual(['2026-03-02']);
    expect(await days(lowDependent.id)).toEqual(['2026-03-02', '2026-03-03']);
    expect(await days(highOwnCadence.id)).toEqual(['2026-03-03']);
  });

  it('re-plans when the risk tier is raised, and does not send a check-in the lowered tier no longer asks for', async () => {
    const raised = await participant(prisma, stationId, { track: 'ABSTINENT', riskTier: 'MEDIUM' });
    const lowered = await participant(prisma, stationId, { track: 'METHADONE', riskTier: 'HIGH' });
    const s = scheduler(prisma);
    await s.plan(MON_0700);
    expect(await days(raised.id)).toEqual(['2026-03-02']);
    expect(await days(lowered.id)).toEqual(['2026-03-02', '2026-03-03']);

    await prisma.participant.update({ where: { id: raised.id }, data: { riskTier: 'HIGH' } });
    // The next pass re-plans people edited since the previous one.
    await s.plan(at('2026-03-02T07:10'));
    expect(await days(raised.id)).toEqual(['2026-03-02', '2026-03-03']);

    // Lowered to LOW (Monday and Thursday) after Tuesday's reminder was planned; no pass has run since.
    await s.dispatch(at('2026-03-02T09:00'));
    await prisma.participant.update({ where: { id: lowered.id }, data: { riskTier: 'LOW' } });
    await s.dispatch(at('2026-03-03T09:00'));
    const rows = await reminders(prisma, { participantId: lowered.id, kind: 'CHECK_IN' });
    expect(rows.map((r) => [r.dedupeKey.slice(-10), r.status, r.skipReason])).toEqual([
      ['2026-03-02', 'SENT', null],
      ['2026-03-03', 'CANCELLED', 'cadence-changed'],
    ]);
    expect(await outboxFor(prisma, lowered.identityIds)).toHaveLength(1);
    expect(await outboxFor(prisma, raised.identityIds)).toHaveLength(2);
  });
});
