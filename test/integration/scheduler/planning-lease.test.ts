import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { describeEachDatabase } from '../../support/database.js';
import { at, participant, scheduler, station, wipe } from './fixtures.js';

describeEachDatabase('the planning pass', (db) => {
  let prisma: PrismaClient;
  let stationId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma);
  });

  it('runs at most every planEveryMinutes, across instances, unless forced', async () => {
    await participant(prisma, stationId);
    const a = scheduler(prisma, { planEveryMinutes: 10 });
    const b = scheduler(prisma, { planEveryMinutes: 10 });
    expect(await a.plan(at('2026-03-02T07:00'))).toBeDefined();
    expect(await b.plan(at('2026-03-02T07:05'))).toBeUndefined();
    expect((await a.tick(at('2026-03-02T07:09'))).planned).toBeUndefined();
    expect(await b.plan(at('2026-03-02T07:10'))).toBeDefined();
    expect(await a.plan(at('2026-03-02T07:11'), { force: true })).toBeDefined();
  });

  it('waits for another instance that holds the lease, and takes over when the lease runs out', async () => {
    await participant(prisma, stationId);
    // An instance started a pass at 07:00 and died.
    await prisma.systemSetting.create({ data: { key: 'scheduler.planning', value: { leaseUntil: at('2026-03-02T07:10').toISOString() } } });
    const s = scheduler(prisma);
    expect(await s.plan(at('2026-03-02T07:05'))).toBeUndefined();
    expect(await prisma.reminder.count()).toBe(0);
    expect(await s.plan(at('2026-03-02T07:10'))).toBeDefined();
    expect(await prisma.reminder.count()).toBe(2);
  });

  it('re-plans participants edited since the last pass', async () => {
    const person = await participant(prisma, stationId);
    const s = scheduler(prisma);
    await s.plan(at('2026-03-02T07:00'));
    await prisma.participant.update({ where: { id: person.id }, data: { checkInTime: '11:30' } });
    const report = await s.plan(at('2026-03-02T07:10'));
    expect(report?.replannedParticipants).toBe(1);
    const rows = await prisma.reminder.findMany({ where: { participantId: person.id }, orderBy: { dueAt: 'asc' } });
    expect(rows.map((r) => r.dueAt)).toEqual([at('2026-03-02T11:30'), at('2026-03-03T11:30')]);
  });
});
