import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { describeEachDatabase } from '../../support/database.js';
import { appointment, at, outboxFor, participant, reminders, scheduler, station, text, wipe } from './fixtures.js';

// Monday 2 March 2026, Asia/Shanghai.
const MON_0700 = at('2026-03-02T07:00');

describeEachDatabase('appointment reminder offsets per kind, and downtime', (db) => {
  let prisma: PrismaClient;
  let stationId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma);
  });

  // Check-ins on Sundays only: none this week get in the way.
  const someone = () => participant(prisma, stationId, { track: 'ABSTINENT', checkInCadence: 'weekly:SUN' });
  const offsetsOf = async (appointmentId: string) =>
    (await reminders(prisma, { appointmentId })).map((r) => [r.dedupeKey.split(':').at(-1), r.status, r.dueAt, r.windowEndsAt]);

  it('reminds a daily methadone dose once, an hour before, and a urine test a day and two hours before', async () => {
    const person = await someone();
    const dose = await appointment(prisma, stationId, { kind: 'METHADONE_DOSE', startsAt: at('2026-03-03T09:00'), place: '美沙酮门诊', attendees: [person.id] });
    const early = await appointment(prisma, stationId, { kind: 'METHADONE_DOSE', startsAt: at('2026-03-04T08:30'), place: '美沙酮门诊', attendees: [person.id] });
    const test = await appointment(prisma, stationId, { kind: 'URINE_TEST', startsAt: at('2026-03-03T15:00'), attendees: [person.id] });
    const s = scheduler(prisma);
    await s.plan(MON_0700);
    expect(await offsetsOf(dose)).toEqual([['1h', 'PENDING', at('2026-03-03T08:00'), at('2026-03-03T09:00')]]);
    // Wednesday's dose is beyond the horizon (the longest offset, a day, plus a day) until Tuesday.
    expect(await offsetsOf(early)).toEqual([]);
    await s.plan(at('2026-03-03T07:00'));
    // 07:30 is in quiet hours: moved to 08:00, still before the dose.
    expect(await offsetsOf(early)).toEqual([['1h', 'PENDING', at('2026-03-04T08:00'), at('2026-03-04T08:30')]]);
    expect((await offsetsOf(test)).map(([label, , dueAt]) => [label, dueAt])).toEqual([
      ['1d', at('2026-03-02T15:00')],
      ['2h', at('2026-03-03T13:00')],
    ]);

    // Nothing for the dose the day before; the reminder goes at 08:00 on the day.
    await s.tick(at('2026-03-02T15:00'));
    await s.tick(at('2026-03-03T07:59'));
    expect((await outboxFor(prisma, person.identityIds)).map((o) => text(o.payload).split('\n')[0])).toEqual(['提醒：尿检']);
    await s.tick(at('2026-03-03T08:00'));
    const sent = await outboxFor(prisma, person.identityIds);
    expect(sent).toHaveLength(2);
    expect(text(sent[1]!.payload)).toMatch(/^提醒：.*美沙酮.*\n时间：今天 09:00\n地点：美沙酮门诊/);
  });

  it('uses configured offsets for one kind and the general ones for the rest', async () => {
    const person = await someone();
    const klass = await appointment(prisma, stationId, { kind: 'CLASS', startsAt: at('2026-03-07T09:00'), topic: '戒毒常识', attendees: [person.id] });
    const visit = await appointment(prisma, stationId, { kind: 'CASEWORKER_VISIT', startsAt: at('2026-03-07T14:00'), place: null, attendees: [person.id] });
    const dose = await appointment(prisma, stationId, { kind: 'METHADONE_DOSE', startsAt: at('2026-03-07T10:00'), attendees: [person.id] });
    const s = scheduler(prisma, { appointmentOffsetsMinutes: [120], appointmentOffsetsByKind: { CLASS: [3 * 1440, 1440], METHADONE_DOSE: [] } });
    // The class's three days ahead widens the planning horizon for that kind.
    await s.plan(at('2026-03-04T08:00'));
    expect((await offsetsOf(klass)).map(([label, , dueAt]) => [label, dueAt])).toEqual([
      ['3d', at('2026-03-04T09:00')],
      ['1d', at('2026-03-06T09:00')],
    ]);
    expect(await offsetsOf(visit)).toEqual([['2h', 'PENDING', at('2026-03-07T12:00'), at('2026-03-07T14:00')]]);
    expect(await offsetsOf(dose)).toEqual([]);
  });

  it('re-plans reminders planned with the old offsets instead of sending a methadone reminder the day before', async () => {
    const person = await someone();
    const dose = await appointment(prisma, stationId, { kind: 'METHADONE_DOSE', startsAt: at('2026-03-03T09:00'), attendees: [person.id] });
    // Planned by a version that reminded every kind a day and two hours before.
    await scheduler(prisma, { appointmentOffsetsByKind: { METHADONE_DOSE: [1440, 120] } }).plan(MON_0700);
    expect((await offsetsOf(dose)).map(([label]) => label)).toEqual(['1d', '2h']);

    const report = await scheduler(prisma, { planEveryMinutes: 60 }).dispatch(at('2026-03-02T09:00'));
    expect(report).toMatchObject({ sent: 0, replanned: 1 });
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(0);
    expect(await offsetsOf(dose)).toEqual([['1h', 'PENDING', at('2026-03-03T08:00'), at('2026-03-03T09:00')]]);
  });

  it('after downtime sends a reminder still inside its window late, once, and records the ones past it as skipped', async () => {
    const person = await someone();
    const other = await someone();
    const test = await appointment(prisma, stationId, { kind: 'URINE_TEST', startsAt: at('2026-03-05T09:30'), attendees: [person.id] });
    const gone = await appointment(prisma, stationId, { kind: 'HAIR_TEST', startsAt: at('2026-03-05T08:10'), attendees: [other.id] });
    const s = scheduler(prisma);
    await s.plan(at('2026-03-04T08:00'));
    // Down from 08:00 Wednesday to 08:15 Thursday: both day-before reminders and the hair test's two-hour one were missed.
    const back = at('2026-03-05T08:15');
    const report = await s.tick(back);
    expect(report.errors).toEqual([]);
    expect(report.dispatched).toMatchObject({ sent: 1, skipped: 3 });
    expect((await offsetsOf(test)).map(([label, status]) => [label, status])).toEqual([
      ['1d', 'SKIPPED'],
      ['2h', 'SENT'],
    ]);
    expect((await reminders(prisma, { appointmentId: test })).map((r) => r.skipReason)).toEqual(['stale', null]);
    expect((await reminders(prisma, { appointmentId: gone })).map((r) => [r.status, r.skipReason])).toEqual([
      ['SKIPPED', 'stale'],
      ['SKIPPED', 'stale'],
    ]);
    const late = await outboxFor(prisma, person.identityIds);
    expect(late).toHaveLength(1);
    expect(text(late[0]!.payload)).toContain('时间：今天 09:30');

    await s.tick(new Date(back.getTime() + 60_000));
    await s.tick(at('2026-03-05T09:00'));
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(1);
    expect(await outboxFor(prisma, other.identityIds)).toHaveLength(0);
  });
});
