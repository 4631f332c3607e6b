import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { describeEachDatabase } from '../../support/database.js';
import { at, choices, outboxFor, participant, reminders, scheduler, station, text, wipe } from './fixtures.js';

// Monday 2 March 2026, Asia/Shanghai.
const MON_0700 = at('2026-03-02T07:00');
const MON_0900 = at('2026-03-02T09:00');

describeEachDatabase('check-in reminders', (db) => {
  let prisma: PrismaClient;
  let stationId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma);
  });

  it('plans today and tomorrow by track and cadence, only for active people who can receive them', async () => {
    const dependent = await participant(prisma, stationId, { track: 'DEPENDENT' });
    const methadone = await participant(prisma, stationId, { track: 'METHADONE' });
    const abstinent = await participant(prisma, stationId, { track: 'ABSTINENT' });
    const tuesdays = await participant(prisma, stationId, { track: 'ABSTINENT', checkInCadence: 'days:TUE', checkInTime: '18:30' });
    await participant(prisma, stationId, { identity: 'opted-out' });
    await participant(prisma, stationId, { identity: 'unreachable' });
    await participant(prisma, stationId, { identity: 'none' });
    await participant(prisma, stationId, { status: 'PAUSED' });
    await participant(prisma, stationId, { mutedUntil: at('2026-03-04T00:00') });

    const report = await scheduler(prisma).plan(MON_0700);
    expect(report?.checkIns.participants).toBe(5);

    const rows = await reminders(prisma, { kind: 'CHECK_IN' });
    const keys = rows.map((r) => r.dedupeKey).sort();
    expect(keys).toEqual(
      [
        `checkin:${dependent.id}:2026-03-02`,
        `checkin:${dependent.id}:2026-03-03`,
        `checkin:${methadone.id}:2026-03-02`,
        `checkin:${abstinent.id}:2026-03-02`,
        `checkin:${tuesdays.id}:2026-03-03`,
      ].sort(),
    );
    const byKey = new Map(rows.map((r) => [r.dedupeKey, r]));
    expect(byKey.get(`checkin:${dependent.id}:2026-03-02`)?.dueAt.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(byKey.get(`checkin:${dependent.id}:2026-03-02`)?.windowEndsAt.toISOString()).toBe('2026-03-02T13:00:00.000Z');
    expect(byKey.get(`checkin:${tuesdays.id}:2026-03-03`)?.dueAt.toISOString()).toBe('2026-03-03T10:30:00.000Z');
    expect(rows.every((r) => r.status === 'PENDING')).toBe(true);
  });

  it('sends each reminder once when ticks repeat, and after a tick died between planning and sending', async () => {
    const people = await Promise.all([1, 2, 3].map(() => participant(prisma, stationId)));
    const s = scheduler(prisma);
    // The process plans, then dies before dispatching.
    await s.plan(MON_0700);
    await s.plan(MON_0700);
    expect(await prisma.reminder.count()).toBe(6);

    const first = await s.tick(MON_0900);
    const second = await s.tick(MON_0900);
    await s.tick(new Date(MON_0900.getTime() + 60_000));
    expect(first.dispatched?.sent).toBe(3);
    expect(second.dispatched?.sent).toBe(0);
    expect(await prisma.reminder.count()).toBe(6 + 3); // three follow-ups planned

    for (const person of people) {
      const sent = await outboxFor(prisma, person.identityIds);
      expect(sent).toHaveLength(1);
      const [row] = sent;
      const reminder = await prisma.reminder.findFirstOrThrow({ where: { participantId: person.id, kind: 'CHECK_IN', status: 'SENT' } });
      expect(row?.dedupeKey).toBe(`reminder:${reminder.id}`);
      expect(row?.priority).toBe(7);
      expect(row?.isReply).toBe(false);
      expect(text(row!.payload)).toContain('小王，你好');
      expect(choices(row!.payload)).toEqual([{ label: '开始签到', value: 'm:checkin' }]);
    }
  });

  it('loses and repeats nothing when a dispatch transaction fails in the middle', async () => {
    await Promise.all([1, 2, 3, 4, 5].map(() => participant(prisma, stationId)));
    let failures = 1;
    // Fails the "mark SENT" step of the first batch, after its messages were stored in the same transaction.
    const crashing = prisma.$extends({
      query: {
        reminder: {
          async updateMany({ args, query }) {
            if ((args.data as { status?: string }).status === 'SENT' && failures-- > 0) throw new Error('process died');
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const s = scheduler(crashing, { dispatchBatchSize: 2 });
    const broken = await s.tick(MON_0900);
    expect(broken.errors).toEqual(['dispatch']);
    expect(await prisma.outboxMessage.count()).toBe(0);

    await scheduler(prisma, { dispatchBatchSize: 2 }).tick(MON_0900);
    const sent = await prisma.reminder.findMany({ where: { kind: 'CHECK_IN', status: 'SENT' } });
    expect(sent).toHaveLength(5);
    const outbox = await prisma.outboxMessage.findMany();
    expect(outbox.map((o) => o.dedupeKey).sort()).toEqual(sent.map((r) => `reminder:${r.id}`).sort());
  });

  it('sends late, once, within the window after downtime, and skips stale ones as skipped', async () => {
    const person = await participant(prisma, stationId);
    const s = scheduler(prisma);
    await s.plan(MON_0700);
    // Down from 07:00 Monday until 15:00 Tuesday: Monday's window (to 21:00) has closed, Tuesday's is open.
    const back = at('2026-03-03T15:00');
    const report = await s.tick(back);
    expect(report.dispatched).toMatchObject({ sent: 1, skipped: 1 });
    const rows = await reminders(prisma, { participantId: person.id, kind: 'CHECK_IN' });
    expect(rows.map((r) => [r.dedupeKey.slice(-10), r.status, r.skipReason])).toEqual([
      ['2026-03-02', 'SKIPPED', 'stale'],
      ['2026-03-03', 'SENT', null],
      ['2026-03-04', 'PENDING', null],
    ]);
    await s.tick(new Date(back.getTime() + 60_000));
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(1);
  });

  it('moves a check-in planned in quiet hours to the morning, or skips it when its window closes first', async () => {
    const late = await participant(prisma, stationId, { checkInTime: '23:00' });
    await scheduler(prisma).plan(MON_0700);
    const [today] = await reminders(prisma, { participantId: late.id });
    expect(today?.dueAt).toEqual(at('2026-03-03T08:00'));
    expect(today?.status).toBe('PENDING');

    await wipe(prisma);
    stationId = await station(prisma);
    const short = await participant(prisma, stationId, { checkInTime: '23:00' });
    await scheduler(prisma, { checkInWindowHours: 2 }).plan(MON_0700);
    const rows = await reminders(prisma, { participantId: short.id });
    expect(rows.map((r) => [r.status, r.skipReason])).toEqual([
      ['SKIPPED', 'quiet-hours'],
      ['SKIPPED', 'quiet-hours'],
    ]);
  });

  it('holds a reminder that comes due in quiet hours after downtime until the morning', async () => {
    const person = await participant(prisma, stationId, { checkInTime: '21:00' });
    const s = scheduler(prisma);
    await s.plan(MON_0700);
    const night = await s.tick(at('2026-03-02T22:30'));
    expect(night.dispatched?.deferred).toBe(1);
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(0);
    const [held] = await reminders(prisma, { participantId: person.id, dedupeKey: { endsWith: '2026-03-02' } });
    expect(held?.dueAt).toEqual(at('2026-03-03T08:00'));
    await s.tick(at('2026-03-03T08:00'));
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(1);
  });

  it('respects a mute, cancels what was planned before it, and resumes by itself', async () => {
    const person = await participant(prisma, stationId);
    const s = scheduler(prisma);
    await s.plan(MON_0700);
    await prisma.participant.update({ where: { id: person.id }, data: { mutedUntil: at('2026-03-03T12:00') } });
    await s.tick(MON_0900);
    await s.tick(at('2026-03-03T09:00'));
    const rows = await reminders(prisma, { participantId: person.id });
    expect(rows.map((r) => [r.dedupeKey.slice(-10), r.status, r.skipReason])).toEqual([
      ['2026-03-02', 'CANCELLED', 'muted'],
      ['2026-03-03', 'CANCELLED', 'muted'],
      // Planned on Tuesday at 09:00, after the mute ends at noon.
      ['2026-03-04', 'PENDING', null],
    ]);
    // Wednesday: the mute has passed.
    await s.tick(at('2026-03-04T09:00'));
    const wednesday = await prisma.reminder.findUniqueOrThrow({ where: { dedupeKey: `checkin:${person.id}:2026-03-04` } });
    expect(wednesday.status).toBe('SENT');
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(1);
  });

  it('cancels for people who said STOP or whose cadence changed, and skips days they already checked in', async () => {
    const stopped = await participant(prisma, stationId);
    const changed = await participant(prisma, stationId);
    const early = await participant(prisma, stationId);
    const s = scheduler(prisma, { planEveryMinutes: 60 });
    await s.plan(MON_0700);
    await prisma.channelIdentity.updateMany({ where: { participantId: stopped.id }, data: { optedOutAt: MON_0700 } });
    await prisma.participant.update({ where: { id: changed.id }, data: { checkInCadence: 'weekly:FRI' } });
    await prisma.checkIn.create({ data: { participantId: early.id, mood: 4, craving: 1, usedSinceLast: false, createdAt: at('2026-03-02T08:10') } });
    await s.dispatch(MON_0900);
    const reason = async (id: string) => (await prisma.reminder.findUniqueOrThrow({ where: { dedupeKey: `checkin:${id}:2026-03-02` } })).skipReason;
    expect(await reason(stopped.id)).toBe('opted-out');
    expect(await reason(changed.id)).toBe('cadence-changed');
    expect(await reason(early.id)).toBe('already-checked-in');
    expect(await prisma.outboxMessage.count()).toBe(0);
  });

  it('follows up once when unanswered, and not after a check-in', async () => {
    const quiet = await participant(prisma, stationId, { displayName: '阿强' });
    const answered = await participant(prisma, stationId);
    const s = scheduler(prisma);
    await s.tick(MON_0900);
    await prisma.checkIn.create({ data: { participantId: answered.id, mood: 3, craving: 2, usedSinceLast: false, createdAt: at('2026-03-02T10:00') } });
    const followUps = await reminders(prisma, { kind: 'CHECK_IN_FOLLOW_UP' });
    expect(followUps.map((f) => f.dueAt)).toEqual([at('2026-03-02T13:00'), at('2026-03-02T13:00')]);

    await s.tick(at('2026-03-02T13:00'));
    await s.tick(at('2026-03-02T13:05'));
    const sent = await outboxFor(prisma, quiet.identityIds);
    expect(sent).toHaveLength(2);
    expect(text(sent[1]!.payload)).toContain('阿强，有空的时候签个到就好，不着急');
    expect(choices(sent[1]!.payload)).toEqual([{ label: '开始签到', value: 'm:checkin' }]);
    expect(await outboxFor(prisma, answered.identityIds)).toHaveLength(1);
    const cancelled = await prisma.reminder.findFirstOrThrow({ where: { participantId: answered.id, kind: 'CHECK_IN_FOLLOW_UP' } });
    expect([cancelled.status, cancelled.skipReason]).toEqual(['CANCELLED', 'answered']);
  });

  it('re-plans coming check-ins when the console changes the time', async () => {
    const person = await participant(prisma, stationId);
    const s = scheduler(prisma);
    await s.plan(MON_0700);
    await prisma.participant.update({ where: { id: person.id }, data: { checkInTime: '19:00' } });
    await prisma.$transaction((tx) => s.replanCheckIns(tx, person.id, MON_0700));
    const rows = await reminders(prisma, { participantId: person.id });
    expect(rows.map((r) => r.dueAt)).toEqual([at('2026-03-02T19:00'), at('2026-03-03T19:00')]);
    // Without a re-plan the dispatcher notices the change and waits for the new time.
    await prisma.participant.update({ where: { id: person.id }, data: { checkInTime: '20:00' } });
    const report = await s.dispatch(at('2026-03-02T19:00'));
    expect(report.deferred).toBe(1);
    expect((await reminders(prisma, { participantId: person.id }))[0]?.dueAt).toEqual(at('2026-03-02T20:00'));
  });
});
