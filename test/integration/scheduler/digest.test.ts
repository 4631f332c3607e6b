import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { buildDigest } from '../../../src/scheduler/index.js';
import { describeEachDatabase } from '../../support/database.js';
import { appointment, at, outboxFor, participant, scheduler, staff, station, text, wipe } from './fixtures.js';

// Wednesday 4 March 2026; the week runs from Monday 2 to Sunday 8 March.
const WED_0800 = at('2026-03-04T08:00');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

describeEachDatabase('the caseworker digest', (db) => {
  let prisma: PrismaClient;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
  });

  async function scene() {
    const stationId = await station(prisma);
    const elsewhere = await station(prisma, 'Asia/Shanghai', '另一个站');
    const cw = await staff(prisma, stationId, { displayName: '社工 李芳' });
    const other = await staff(prisma, stationId, { displayName: '社工 张伟' });
    const base = { caseworkerId: cw.id, track: 'ABSTINENT' as const };
    const birthday = await participant(prisma, stationId, { ...base, displayName: '王小军', birthday: '1990-03-06' });
    const family = await participant(prisma, stationId, { ...base, displayName: '刘强', familyChangeAt: at('2026-03-01T10:00'), familyChangeNote: '父亲住院' });
    const missing = await participant(prisma, stationId, { ...base, displayName: '赵国华' });
    const oldChange = await participant(prisma, stationId, { ...base, familyChangeAt: at('2026-01-10T10:00') });
    const notMine = await participant(prisma, stationId, { caseworkerId: other.id, birthday: '1985-03-04' });

    await prisma.sensitivePeriod.createMany({
      data: [
        { stationId, name: '两会', startsOn: date('2026-03-01'), endsOn: date('2026-03-15') },
        { stationId: null, name: '国际禁毒日', startsOn: date('2026-06-20'), endsOn: date('2026-06-26') },
        { stationId: elsewhere, name: '别处的时期', startsOn: date('2026-03-01'), endsOn: date('2026-03-31') },
      ],
    });
    const test = await appointment(prisma, stationId, { startsAt: at('2026-03-04T09:30'), attendees: [birthday.id] });
    const lesson = await appointment(prisma, stationId, { kind: 'CLASS', topic: '法律常识', startsAt: at('2026-03-04T14:00'), attendees: [birthday.id, family.id, notMine.id] });
    await appointment(prisma, stationId, { startsAt: at('2026-03-05T09:30'), attendees: [birthday.id] });
    const cancelled = await appointment(prisma, stationId, { startsAt: at('2026-03-04T16:00'), attendees: [family.id] });
    await prisma.appointment.update({ where: { id: cancelled }, data: { status: 'CANCELLED' } });

    // Two check-in reminders sent to `missing` on Monday and Tuesday, never answered; one answered by `family`.
    for (const [who, day] of [[missing.id, '2026-03-02'], [missing.id, '2026-03-03'], [family.id, '2026-03-03']] as const) {
      await prisma.reminder.create({
        data: { kind: 'CHECK_IN', dedupeKey: `checkin:${who}:${day}`, participantId: who, dueAt: at(`${day}T09:00`), windowEndsAt: at(`${day}T21:00`), status: 'SENT', sentAt: at(`${day}T09:00`) },
      });
    }
    await prisma.checkIn.create({ data: { participantId: family.id, mood: 3, craving: 2, usedSinceLast: false, createdAt: at('2026-03-03T11:00') } });

    const escalation = await prisma.escalation.create({
      data: { participantId: missing.id, level: 2, categories: ['dropout'], assignedToId: cw.id, ackDeadline: at('2026-03-05T08:00'), excerpt: {} },
    });
    await prisma.escalation.create({
      data: { participantId: birthday.id, level: 3, categories: ['suicide'], status: 'RESOLVED', ackDeadline: at('2026-03-01T08:00'), excerpt: {} },
    });
    const relief = await prisma.reliefRequest.create({ data: { participantId: family.id, program: 'TEMPORARY_RELIEF', answers: {} } });
    await prisma.reliefRequest.create({ data: { participantId: birthday.id, program: 'MINIMUM_LIVING', answers: {}, status: 'APPROVED' } });
    return { cw, birthday, family, missing, oldChange, notMine, test, lesson, escalation, relief };
  }

  it('gathers today’s appointments, missed check-ins, open escalations, relief waiting and the 三必访 list for the caseload', async () => {
    const s = await scene();
    const digest = await prisma.$transaction((tx) => buildDigest(tx, s.cw.id, WED_0800));
    expect(digest).toBeDefined();
    expect(digest?.date).toBe('2026-03-04');
    expect(digest?.appointments.map((a) => [a.id, a.attendees.map((x) => x.participantId).sort()])).toEqual([
      [s.test, [s.birthday.id]],
      [s.lesson, [s.birthday.id, s.family.id].sort()],
    ]);
    expect(digest?.missedCheckIns).toEqual([expect.objectContaining({ participantId: s.missing.id, streak: 2, lastCheckInAt: null })]);
    expect(digest?.openEscalations.map((e) => [e.id, e.level, e.status, e.person.participantId])).toEqual([[s.escalation.id, 2, 'OPEN', s.missing.id]]);
    expect(digest?.reliefRequests.map((r) => [r.id, r.program, r.person.displayName])).toEqual([[s.relief.id, 'TEMPORARY_RELIEF', '刘强']]);
    expect(digest?.mustVisit.birthdays.map((b) => [b.participantId, b.on])).toEqual([[s.birthday.id, '2026-03-06']]);
    expect(digest?.mustVisit.sensitivePeriods.map((p) => [p.name, p.startsOn, p.endsOn])).toEqual([['两会', '2026-03-01', '2026-03-15']]);
    expect(digest?.mustVisit.familyChanges.map((f) => [f.participantId, f.note])).toEqual([[s.family.id, '父亲住院']]);
  });

  it('goes to the caseworker at 08:00 station time, once, naming people by pseudonym only', async () => {
    const s = await scene();
    const sched = scheduler(prisma, {}, 'https://tx.example.org');
    await sched.tick(WED_0800);
    await sched.tick(at('2026-03-04T08:01'));
    const reminder = await prisma.reminder.findUniqueOrThrow({ where: { dedupeKey: `digest:${s.cw.id}:2026-03-04` } });
    expect(reminder.status).toBe('SENT');
    const sent = (await outboxFor(prisma, s.cw.identityIds)).filter((o) => o.dedupeKey === `reminder:${reminder.id}`);
    expect(sent).toHaveLength(1);
    const body = text(sent[0]!.payload);
    expect(body).toContain('早上好，社工 李芳。今天（2026-03-04）的工作提要');
    expect(body).toContain(`09:30 尿检 · ${s.birthday.pseudonym}`);
    expect(body).toContain('14:00 集中教育课（法律常识） · 2 人');
    expect(body).toContain(`${s.missing.pseudonym}：连续 2 次`);
    expect(body).toContain(`#${s.escalation.number} ${s.missing.pseudonym} · 等级 2 · 待确认`);
    expect(body).toContain('等待处理的救助申请：1');
    expect(body).toContain(`本周生日：${s.birthday.pseudonym}（03-06）`);
    expect(body).toContain('敏感时期：两会');
    expect(body).toContain(`家庭变故：${s.family.pseudonym}`);
    expect(body).toContain('https://tx.example.org/admin');
    for (const secret of ['王小军', '刘强', '赵国华', '父亲住院']) expect(body).not.toContain(secret);
  });
});
