import { DateTime } from 'luxon';
import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { recordAttendance } from '../../../src/scheduler/index.js';
import { describeEachDatabase } from '../../support/database.js';
import { appointment, at, outboxFor, participant, scheduler, staff, station, text, wipe } from './fixtures.js';

/** 09:00 and 21:00 (when the 12-hour window closes) on the nth day from Monday 2 March 2026. */
function day(n: number, time: string): Date {
  return at(`${DateTime.fromISO('2026-03-02').plus({ days: n }).toISODate()}T${time}`);
}

describeEachDatabase('dropout signals from the schedule', (db) => {
  let prisma: PrismaClient;
  let stationId: string;
  let caseworker: { id: string; identityIds: string[] };

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma);
    caseworker = await staff(prisma, stationId);
  });

  async function signals(participantId: string) {
    const rows = await prisma.riskAssessment.findMany({ where: { participantId }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ level: r.level, categories: r.categories, signals: (r.evidence as { signals: string[] }).signals }));
  }

  it('a run of three unanswered check-ins opens a level-2 escalation once, and a new run signals again', async () => {
    const missing = await participant(prisma, stationId, { caseworkerId: caseworker.id });
    const steady = await participant(prisma, stationId, { caseworkerId: caseworker.id });
    const s = scheduler(prisma);
    const run = async (n: number, checkIn: (id: string) => boolean) => {
      await s.tick(day(n, '09:00'));
      for (const p of [missing, steady]) {
        if (checkIn(p.id)) await prisma.checkIn.create({ data: { participantId: p.id, mood: 4, craving: 1, usedSinceLast: false, createdAt: day(n, '10:00') } });
      }
      await s.tick(day(n, '21:00'));
      // A second instance closing the same windows again changes nothing.
      await s.closeCheckIns(day(n, '21:01'));
    };

    await run(0, (id) => id === steady.id);
    await run(1, () => true);
    await run(2, (id) => id === steady.id);
    await run(3, (id) => id === steady.id);
    expect(await signals(missing.id)).toEqual([]);
    await run(4, (id) => id === steady.id);
    expect(await signals(missing.id)).toEqual([{ level: 2, categories: ['dropout'], signals: ['missed_checkins=3'] }]);
    const escalation = await prisma.escalation.findFirstOrThrow({ where: { participantId: missing.id } });
    expect([escalation.level, escalation.status, escalation.assignedToId]).toEqual([2, 'OPEN', caseworker.id]);
    const alert = (await outboxFor(prisma, caseworker.identityIds)).find((o) => o.dedupeKey?.startsWith('alert:'));
    expect(text(alert!.payload)).toContain('连续 3 次没有回应签到提醒');
    // That morning's digest, sent before the third miss, listed the run so far.
    const digests = (await outboxFor(prisma, caseworker.identityIds)).filter((o) => !o.dedupeKey?.startsWith('alert:'));
    expect(text(digests.at(-1)!.payload)).toContain(`${missing.pseudonym}：连续 2 次`);

    // A fourth miss is the same run: no new signal.
    await run(5, (id) => id === steady.id);
    expect(await signals(missing.id)).toHaveLength(1);

    // Back for a day, then three more misses: a new run.
    await run(6, () => true);
    await run(7, (id) => id === steady.id);
    await run(8, (id) => id === steady.id);
    expect(await signals(missing.id)).toHaveLength(1);
    await run(9, (id) => id === steady.id);
    expect(await signals(missing.id)).toHaveLength(2);
    expect(await signals(steady.id)).toEqual([]);
    const closed = await prisma.reminder.groupBy({ by: ['skipReason'], where: { participantId: missing.id, kind: 'CHECK_IN', status: 'SENT' }, _count: true });
    expect(Object.fromEntries(closed.map((c) => [c.skipReason ?? 'answered', c._count]))).toEqual({ unanswered: 8, answered: 2 });
  }, 120_000);

  it('a drug test recorded as missed is a level-2 signal, once; attended or a missed class is not', async () => {
    const person = await participant(prisma, stationId, { caseworkerId: caseworker.id });
    const test = await appointment(prisma, stationId, { kind: 'URINE_TEST', startsAt: at('2026-03-05T09:30'), attendees: [person.id] });
    const hair = await appointment(prisma, stationId, { kind: 'HAIR_TEST', startsAt: at('2026-03-06T14:00'), attendees: [person.id] });
    const lesson = await appointment(prisma, stationId, { kind: 'CLASS', startsAt: at('2026-03-07T09:00'), attendees: [person.id] });
    await scheduler(prisma).plan(at('2026-03-05T08:00'));
    const now = at('2026-03-05T12:00');

    const missed = await prisma.$transaction((tx) => recordAttendance(tx, test, person.id, 'MISSED', null, now));
    expect(missed).toMatchObject({ kind: 'recorded', signalled: true, escalation: { kind: 'opened' } });
    expect(await signals(person.id)).toEqual([{ level: 2, categories: ['dropout'], signals: ['missed_drug_test'] }]);
    const [alert] = await outboxFor(prisma, caseworker.identityIds);
    expect(text(alert!.payload)).toContain('没有参加尿检（今天 09:30）');
    const attendee = await prisma.appointmentAttendee.findUniqueOrThrow({ where: { appointmentId_participantId: { appointmentId: test, participantId: person.id } } });
    expect([attendee.status, attendee.recordedAt]).toEqual(['MISSED', now]);

    const again = await prisma.$transaction((tx) => recordAttendance(tx, test, person.id, 'MISSED', null, now));
    expect(again).toMatchObject({ signalled: false });
    const attended = await prisma.$transaction((tx) => recordAttendance(tx, hair, person.id, 'ATTENDED', 'NEGATIVE', now));
    expect(attended).toMatchObject({ signalled: false });
    const skippedClass = await prisma.$transaction((tx) => recordAttendance(tx, lesson, person.id, 'MISSED', null, now));
    expect(skippedClass).toMatchObject({ signalled: false });
    expect(await signals(person.id)).toHaveLength(1);
    // Recording stops that person's reminders for the appointment.
    const pending = await prisma.reminder.count({ where: { participantId: person.id, appointmentId: { in: [hair, lesson] }, status: 'PENDING' } });
    expect(pending).toBe(0);
    const result = await prisma.appointmentAttendee.findUniqueOrThrow({ where: { appointmentId_participantId: { appointmentId: hair, participantId: person.id } } });
    expect(result.result).toBe('NEGATIVE');
    expect(await prisma.$transaction((tx) => recordAttendance(tx, test, caseworker.id, 'MISSED', null, now))).toEqual({ kind: 'not-found' });
  });
});
