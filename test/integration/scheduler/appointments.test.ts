import { DateTime } from 'luxon';
import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { createRecurringAppointments, replanAppointment } from '../../../src/scheduler/index.js';
import { describeEachDatabase } from '../../support/database.js';
import { appointment, at, choices, outboxFor, participant, reminders, scheduler, SH, station, text, wipe } from './fixtures.js';

// The urine test is on Thursday 5 March 2026 at 09:30, Asia/Shanghai.
const THU_0930 = at('2026-03-05T09:30');
const WED_0800 = at('2026-03-04T08:00');

describeEachDatabase('appointment reminders', (db) => {
  let prisma: PrismaClient;
  let stationId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma);
  });

  const apptRows = (appointmentId: string) => reminders(prisma, { appointmentId });
  // Weekly check-ins on Mondays: none of this week's check-in reminders get in the way.
  const someone = (input: Parameters<typeof participant>[2] = {}) => participant(prisma, stationId, { track: 'ABSTINENT', ...input });

  it('plans a day and two hours before, moves the early one out of quiet hours, and asks to confirm or reschedule', async () => {
    const person = await someone({ displayName: '王小军' });
    const id = await appointment(prisma, stationId, { startsAt: THU_0930, attendees: [person.id] });
    const s = scheduler(prisma);
    await s.plan(at('2026-03-02T07:00'));
    expect(await apptRows(id)).toEqual([]);

    await s.plan(WED_0800);
    const rows = await apptRows(id);
    expect(rows.map((r) => [r.dedupeKey, r.dueAt, r.windowEndsAt])).toEqual([
      [`appt:${id}:${person.id}:1d`, at('2026-03-04T09:30'), at('2026-03-05T07:30')],
      // 07:30 is in quiet hours (22:00–08:00): moved to 08:00, still before the test.
      [`appt:${id}:${person.id}:2h`, at('2026-03-05T08:00'), THU_0930],
    ]);

    await s.tick(at('2026-03-04T09:30'));
    const [sent] = await outboxFor(prisma, person.identityIds);
    expect(text(sent!.payload)).toBe('提醒：尿检\n时间：明天 09:30\n地点：示范指导站 尿检室\n\n能按时来吗？点“确认”；时间不合适，点“需要改期”，社工会和你商量。');
    expect(choices(sent!.payload)).toEqual([
      { label: '确认', value: `appt:ok:${id}` },
      { label: '需要改期', value: `appt:move:${id}` },
    ]);
    expect([sent!.priority, sent!.isReply]).toEqual([7, false]);
  });

  it('sends nothing more once the person confirmed, or the appointment was cancelled', async () => {
    const confirms = await someone();
    const other = await someone();
    const test = await appointment(prisma, stationId, { startsAt: THU_0930, attendees: [confirms.id] });
    const cancelled = await appointment(prisma, stationId, { startsAt: THU_0930, attendees: [other.id] });
    const s = scheduler(prisma);
    await s.tick(at('2026-03-04T09:30'));
    await prisma.appointmentAttendee.update({
      where: { appointmentId_participantId: { appointmentId: test, participantId: confirms.id } },
      data: { status: 'CONFIRMED', respondedAt: at('2026-03-04T10:00') },
    });
    await prisma.appointment.update({ where: { id: cancelled }, data: { status: 'CANCELLED' } });
    await s.tick(at('2026-03-05T08:00'));
    expect((await apptRows(test)).map((r) => [r.status, r.skipReason])).toEqual([
      ['SENT', null],
      ['CANCELLED', 'confirmed'],
    ]);
    expect((await apptRows(cancelled)).map((r) => [r.status, r.skipReason])).toEqual([
      ['SENT', null],
      ['CANCELLED', 'appointment-cancelled'],
    ]);
    expect(await outboxFor(prisma, confirms.identityIds)).toHaveLength(1);
  });

  it('re-plans a moved appointment: new reminders for the new time, earlier answers and reschedule tasks reset', async () => {
    const person = await someone();
    const id = await appointment(prisma, stationId, { startsAt: THU_0930, attendees: [person.id] });
    const s = scheduler(prisma);
    await s.tick(at('2026-03-04T09:30'));
    await prisma.appointmentAttendee.update({
      where: { appointmentId_participantId: { appointmentId: id, participantId: person.id } },
      data: { status: 'RESCHEDULE_REQUESTED' },
    });
    await prisma.caseworkerTask.create({ data: { kind: 'RESCHEDULE', participantId: person.id, appointmentId: id } });

    const friday = at('2026-03-06T14:00');
    const now = at('2026-03-04T11:00');
    await prisma.$transaction(async (tx) => {
      await tx.appointment.update({ where: { id }, data: { startsAt: friday } });
      await replanAppointment(tx, id, now);
    });
    const rows = await apptRows(id);
    expect(rows.map((r) => [r.dedupeKey.replace(id, 'A').replace(person.id, 'P'), r.status, r.dueAt])).toEqual([
      [`appt:A:P:1d@${rows[0]!.id}`, 'SENT', at('2026-03-04T09:30')],
      ['appt:A:P:1d', 'PENDING', at('2026-03-05T14:00')],
      ['appt:A:P:2h', 'PENDING', at('2026-03-06T12:00')],
    ]);
    const attendee = await prisma.appointmentAttendee.findFirstOrThrow({ where: { appointmentId: id } });
    expect(attendee.status).toBe('INVITED');
    expect((await prisma.caseworkerTask.findFirstOrThrow({ where: { appointmentId: id } })).doneAt).toEqual(now);

    await s.tick(at('2026-03-05T14:00'));
    const sent = await outboxFor(prisma, person.identityIds);
    expect(sent).toHaveLength(2);
    expect(text(sent[1]!.payload)).toContain('时间：明天 14:00');
  });

  it('notices an appointment moved without a re-plan and re-plans it before sending', async () => {
    const person = await someone();
    const id = await appointment(prisma, stationId, { startsAt: THU_0930, attendees: [person.id] });
    const s = scheduler(prisma, { planEveryMinutes: 60 });
    await s.plan(WED_0800);
    await prisma.appointment.update({ where: { id }, data: { startsAt: at('2026-03-07T10:00') } });
    const report = await s.dispatch(at('2026-03-04T09:30'));
    expect(report.replanned).toBe(1);
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(0);
    expect((await apptRows(id)).map((r) => r.dueAt)).toEqual([at('2026-03-06T10:00'), at('2026-03-07T08:00')]);
  });

  it('reminds every attendee of a class with its topic, except those who cannot receive it', async () => {
    const a = await someone({ locale: 'en', displayName: 'Wang' });
    const b = await someone();
    const stopped = await someone({ identity: 'opted-out' });
    const saturday = at('2026-03-07T09:00');
    const id = await appointment(prisma, stationId, { kind: 'CLASS', startsAt: saturday, place: '多功能教室', topic: '戒毒常识', attendees: [a.id, b.id, stopped.id] });
    const s = scheduler(prisma);
    await s.tick(at('2026-03-06T09:00'));
    expect((await apptRows(id)).map((r) => r.participantId).sort()).toEqual([a.id, a.id, b.id, b.id].sort());
    expect(text((await outboxFor(prisma, b.identityIds))[0]!.payload)).toContain('提醒：集中教育课（戒毒常识）');
    expect(text((await outboxFor(prisma, a.identityIds))[0]!.payload)).toMatch(/^Reminder: Group class \(戒毒常识\)\nWhen: tomorrow 09:00\nWhere: 多功能教室/);
  });

  it('uses the configured offsets', async () => {
    const person = await someone();
    const id = await appointment(prisma, stationId, { startsAt: THU_0930, attendees: [person.id] });
    await scheduler(prisma, { appointmentOffsetsMinutes: [3 * 1440, 30] }).plan(at('2026-03-02T07:00'));
    expect((await apptRows(id)).map((r) => [r.dedupeKey.split(':').at(-1), r.dueAt])).toEqual([
      ['3d', at('2026-03-02T09:30')],
      ['30m', at('2026-03-05T09:00')],
    ]);
  });

  it('creates a series every two weeks and one on the first Saturday of each month, planning the near ones', async () => {
    const a = await someone();
    const b = await someone();
    const tests = await prisma.$transaction((tx) =>
      createRecurringAppointments(tx, {
        stationId,
        kind: 'URINE_TEST',
        firstStartsAt: THU_0930,
        rule: { every: 'weeks', interval: 2 },
        count: 3,
        attendees: [a.id],
        place: '尿检室',
        now: WED_0800,
      }),
    );
    if (tests.kind !== 'created') throw new Error(tests.reason);
    const rows = await prisma.appointment.findMany({ where: { seriesId: tests.seriesId }, include: { attendees: true }, orderBy: { startsAt: 'asc' } });
    expect(rows.map((r) => DateTime.fromJSDate(r.startsAt, { zone: SH }).toFormat('yyyy-MM-dd HH:mm'))).toEqual([
      '2026-03-05 09:30',
      '2026-03-19 09:30',
      '2026-04-02 09:30',
    ]);
    expect(rows.every((r) => r.recurrenceRule === 'FREQ=WEEKLY;INTERVAL=2;COUNT=3' && r.attendees.length === 1)).toBe(true);
    expect(await prisma.reminder.count({ where: { appointmentId: { in: tests.appointmentIds } } })).toBe(2);

    const classes = await prisma.$transaction((tx) =>
      createRecurringAppointments(tx, {
        stationId,
        kind: 'CLASS',
        firstStartsAt: at('2026-03-01T09:00'),
        rule: { nthWeekdayOfMonth: 1, weekday: 'SAT' },
        count: 3,
        durationMinutes: 210,
        attendees: [a.id, b.id],
        topic: '戒毒康复教育',
        now: WED_0800,
      }),
    );
    if (classes.kind !== 'created') throw new Error(classes.reason);
    const series = await prisma.appointment.findMany({ where: { seriesId: classes.seriesId }, include: { attendees: true }, orderBy: { startsAt: 'asc' } });
    expect(series.map((r) => DateTime.fromJSDate(r.startsAt, { zone: SH }).toFormat('yyyy-MM-dd ccc HH:mm'))).toEqual([
      '2026-03-07 Sat 09:00',
      '2026-04-04 Sat 09:00',
      '2026-05-02 Sat 09:00',
    ]);
    expect(series.every((r) => r.attendees.length === 2 && r.recurrenceRule === 'FREQ=MONTHLY;BYDAY=1SA;COUNT=3')).toBe(true);
    expect(series[0]!.endsAt).toEqual(at('2026-03-07T12:30'));
    const invalid = await prisma.$transaction((tx) =>
      createRecurringAppointments(tx, { stationId, kind: 'CLASS', firstStartsAt: THU_0930, rule: { every: 'days', interval: 0 }, count: 2, attendees: [], now: WED_0800 }),
    );
    expect(invalid.kind).toBe('invalid');
  });
});
