import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../../src/scheduler/index.js';
import { DEFAULT_ACK_POLICY } from '../../../src/escalation/policy.js';
import { describeEachDatabase } from '../../support/database.js';
import { testLogger } from '../../support/service.js';
import { appointmentFor, at, fixedClock, NOW, reachable, THU_0930 } from './schedules-world.js';
import { buildTestApp, buildWorld, get, signIn, type Browser, type TestApp, type World } from './world.js';

describeEachDatabase('console schedules: create, move, cancel, attendance, mute, cadence', (db) => {
  let t: TestApp;
  let world: World;
  let caseworker: Browser;
  let colleague: Browser;
  let outboxWakes = 0;
  const clock = fixedClock();

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { clock, onOutboxChanged: () => outboxWakes++ });
    caseworker = await signIn(db(), world.staff.caseworker.id);
    colleague = await signIn(db(), world.staff.colleague.id);
    await reachable(db(), world.participantA);
  });
  afterAll(async () => t?.stop());
  beforeEach(async () => {
    clock.set(NOW);
    await db().prisma.appointment.deleteMany();
    await db().prisma.reminder.deleteMany();
  });

  const post = (path: string, fields: Record<string, string | string[]>, browser = caseworker) => {
    const body = new URLSearchParams({ _csrf: browser.csrf });
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    return t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: browser.cookie }, body: body.toString() });
  };
  const reminderRows = (appointmentId: string) =>
    db().prisma.reminder.findMany({ where: { appointmentId }, orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }] });
  const urineTest = { station: '', kind: 'URINE_TEST', date: '2026-03-05', time: '09:30', place: '尿检室' };

  async function createUrineTest(): Promise<string> {
    const response = await post('/admin/schedules', { ...urineTest, station: world.stationA, attendees: world.participantA });
    expect(response.status).toBe(303);
    const row = await db().prisma.appointment.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    return row.id;
  }

  describe('create', () => {
    it('a one-off urine test at a local time in the station timezone, with its reminders planned and an audit row', async () => {
      const response = await post('/admin/schedules', { ...urineTest, station: world.stationA, attendees: world.participantA, title: '<script>x</script>' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/admin/schedules?view=week&station=${world.stationA}&week=2026-03-05&done=created&count=1`);
      const row = await db().prisma.appointment.findFirstOrThrow({ include: { attendees: true } });
      expect([row.startsAt, row.kind, row.recurrenceRule, row.createdById]).toEqual([THU_0930, 'URINE_TEST', null, world.staff.caseworker.id]);
      expect(row.attendees.map((a) => a.participantId)).toEqual([world.participantA]);
      expect((await reminderRows(row.id)).map((r) => [r.status, r.dueAt])).toEqual([
        ['PENDING', at('2026-03-04T09:30')],
        ['PENDING', at('2026-03-05T08:00')], // 07:30 is quiet hours: moved to 08:00
      ]);
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'appointment.create', targetId: row.id } });
      expect(audit).toMatchObject({ actorId: world.staff.caseworker.id, targetType: 'appointment' });
      const page = await (await t.app.request(`/admin/schedules/appointments/${row.id}`, get(caseworker))).text();
      expect(page).not.toContain('<script>x</script>');
      expect(page).toContain('&lt;script&gt;x&lt;/script&gt;');
    });

    it('a series every two weeks, and a class on the first Saturday of each month for the whole station (a colleague may arrange a class)', async () => {
      const tests = await post('/admin/schedules', { ...urineTest, station: world.stationA, attendees: world.participantA, repeat: 'weeks', interval: '2', count: '3' });
      expect(tests.status).toBe(303);
      const series = await db().prisma.appointment.findMany({ where: { kind: 'URINE_TEST' }, orderBy: { startsAt: 'asc' } });
      expect(series.map((s) => s.startsAt)).toEqual([THU_0930, at('2026-03-19T09:30'), at('2026-04-02T09:30')]);
      expect(new Set(series.map((s) => s.recurrenceRule))).toEqual(new Set(['FREQ=WEEKLY;INTERVAL=2;COUNT=3']));

      const classes = await post(
        '/admin/schedules',
        { station: world.stationA, kind: 'CLASS', date: '2026-03-01', time: '09:00', duration: '210', topic: '戒毒常识', wholeStation: '1', repeat: 'monthly', nth: '1', weekday: 'SAT', count: '3' },
        colleague,
      );
      expect(classes.status).toBe(303);
      const rows = await db().prisma.appointment.findMany({ where: { kind: 'CLASS' }, include: { attendees: true }, orderBy: { startsAt: 'asc' } });
      expect(rows.map((r) => r.startsAt)).toEqual([at('2026-03-07T09:00'), at('2026-04-04T09:00'), at('2026-05-02T09:00')]);
      expect(rows[0]?.endsAt).toEqual(at('2026-03-07T12:30'));
      const stationPeople = await db().prisma.participant.count({ where: { stationId: world.stationA, status: 'ACTIVE' } });
      expect(rows.every((r) => r.attendees.length === stationPeople && r.recurrenceRule === 'FREQ=MONTHLY;BYDAY=1SA;COUNT=3')).toBe(true);
    });

    it('shows the form again with the values and a 422 when something is missing, and 403 for someone else\'s caseload', async () => {
      const missing = await post('/admin/schedules', { ...urineTest, station: world.stationA, date: '' });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain('value="尿检室"');
      const noOne = await post('/admin/schedules', { ...urineTest, station: world.stationA });
      expect(noOne.status).toBe(422);
      const notMine = await post('/admin/schedules', { ...urineTest, station: world.stationA, attendees: world.participantA }, colleague);
      expect(notMine.status).toBe(403);
      expect(await db().prisma.appointment.count()).toBe(0);
    });
  });

  it('moving re-plans: pending reminders for the old time go, the new time gets its own, a confirmation is reset', async () => {
    const id = await createUrineTest();
    await db().prisma.appointmentAttendee.updateMany({ where: { appointmentId: id }, data: { status: 'CONFIRMED', respondedAt: NOW } });
    const moved = await post(`/admin/schedules/appointments/${id}/move`, { date: '2026-03-06', time: '14:00' });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/admin/schedules/appointments/${id}?done=moved`);
    expect((await db().prisma.appointment.findUniqueOrThrow({ where: { id } })).startsAt).toEqual(at('2026-03-06T14:00'));
    expect((await reminderRows(id)).map((r) => [r.status, r.dueAt])).toEqual([
      ['PENDING', at('2026-03-05T14:00')],
      ['PENDING', at('2026-03-06T12:00')],
    ]);
    expect((await db().prisma.appointmentAttendee.findFirstOrThrow({ where: { appointmentId: id } })).status).toBe('INVITED');
    expect(await db().prisma.auditLog.count({ where: { action: 'appointment.move', targetId: id } })).toBe(1);
    const bad = await post(`/admin/schedules/appointments/${id}/move`, { date: '2026-03-06', time: '25:00' });
    expect(bad.headers.get('location')).toBe(`/admin/schedules/appointments/${id}?error=invalid`);
  });

  it('cancelling cancels the pending reminders, and the scheduler then sends nothing', async () => {
    const id = await createUrineTest();
    const cancelled = await post(`/admin/schedules/appointments/${id}/cancel`, {});
    expect(cancelled.headers.get('location')).toBe(`/admin/schedules/appointments/${id}?done=cancelled`);
    expect((await reminderRows(id)).map((r) => [r.status, r.skipReason])).toEqual([
      ['CANCELLED', 'appointment-cancelled'],
      ['CANCELLED', 'appointment-cancelled'],
    ]);
    const scheduler = createScheduler({ prisma: db().prisma, log: testLogger(), escalation: { policy: DEFAULT_ACK_POLICY, consoleUrl: undefined }, options: { planEveryMinutes: 0 } });
    await scheduler.tick(at('2026-03-04T09:31'));
    await scheduler.tick(at('2026-03-05T08:01'));
    expect(await db().prisma.outboxMessage.count({ where: { identity: { participantId: world.participantA } } })).toBe(0);
    expect(await db().prisma.reminder.count({ where: { appointmentId: id, status: { not: 'CANCELLED' } } })).toBe(0);
    const again = await post(`/admin/schedules/appointments/${id}/cancel`, {});
    expect(again.headers.get('location')).toBe(`/admin/schedules/appointments/${id}?error=conflict`);
    const page = await (await t.app.request(`/admin/schedules/appointments/${id}`, get(caseworker))).text();
    expect(page).toContain('已撤回');
    expect(page).not.toContain('id="move-form"');
  });

  it('attendance: a missed drug test is the level-2 dropout signal (once), alerted at once; other kinds and attended ones are not', async () => {
    const id = await createUrineTest();
    clock.set(at('2026-03-05T11:00'));
    const before = outboxWakes;
    const missed = await post(`/admin/schedules/appointments/${id}/attendance`, { participantId: world.participantA, status: 'MISSED' });
    expect(missed.headers.get('location')).toBe(`/admin/schedules/appointments/${id}?done=signalled`);
    const assessments = await db().prisma.riskAssessment.findMany({ where: { participantId: world.participantA } });
    expect(assessments.map((a) => [a.level, a.categories])).toEqual([[2, ['dropout']]]);
    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: world.participantA, status: 'OPEN' } });
    expect([escalation.level, escalation.assignedToId]).toEqual([2, world.staff.caseworker.id]);
    expect(outboxWakes).toBe(before + 1);
    expect(await db().prisma.reminder.count({ where: { appointmentId: id, status: 'PENDING' } })).toBe(0);

    const again = await post(`/admin/schedules/appointments/${id}/attendance`, { participantId: world.participantA, status: 'MISSED' });
    expect(again.headers.get('location')).toBe(`/admin/schedules/appointments/${id}?done=attendance`);
    expect(await db().prisma.riskAssessment.count({ where: { participantId: world.participantA } })).toBe(1);

    await post(`/admin/schedules/appointments/${id}/attendance`, { participantId: world.participantA, status: 'ATTENDED', result: 'NEGATIVE' });
    expect(await db().prisma.appointmentAttendee.findFirstOrThrow({ where: { appointmentId: id } })).toMatchObject({ status: 'ATTENDED', result: 'NEGATIVE' });

    const visit = await appointmentFor(db(), world.stationA, [world.participantA], { kind: 'CASEWORKER_VISIT' });
    const missedVisit = await post(`/admin/schedules/appointments/${visit}/attendance`, { participantId: world.participantA, status: 'MISSED', result: 'POSITIVE' });
    expect(missedVisit.headers.get('location')).toBe(`/admin/schedules/appointments/${visit}?done=attendance`);
    expect(await db().prisma.appointmentAttendee.findFirstOrThrow({ where: { appointmentId: visit } })).toMatchObject({ status: 'MISSED', result: null });
    expect(await db().prisma.riskAssessment.count({ where: { participantId: world.participantA } })).toBe(1);
    expect(await db().prisma.auditLog.count({ where: { action: 'appointment.attendance' } })).toBe(4);
    await db().prisma.escalation.deleteMany({ where: { participantId: world.participantA } });
  });

  describe('per participant', () => {
    const personPage = () => `/admin/schedules/participants/${world.participantA}`;
    const checkIns = () => db().prisma.reminder.findMany({ where: { participantId: world.participantA, kind: 'CHECK_IN' }, orderBy: { dueAt: 'asc' } });

    it('check-in cadence and time: validated with the scheduler\'s parser, then the coming check-ins are re-planned', async () => {
      const invalidForms: Record<string, string>[] = [
        { mode: 'custom', custom: 'weekly:XYZ', time: '09:00' },
        { mode: 'custom', custom: 'every other day', time: '09:00' },
        { mode: 'daily', time: '25:00' },
        { mode: 'days', time: '09:00' },
        { mode: 'sometimes', time: '09:00' },
      ];
      for (const fields of invalidForms) {
        const response = await post(`${personPage()}/check-in`, fields);
        expect(response.headers.get('location')).toBe(`${personPage()}?error=cadence`);
      }
      expect(await db().prisma.participant.findUniqueOrThrow({ where: { id: world.participantA } })).toMatchObject({ checkInCadence: null, checkInTime: '09:00' });

      const daily = await post(`${personPage()}/check-in`, { mode: 'daily', time: '10:30' });
      expect(daily.headers.get('location')).toBe(`${personPage()}?done=checkIn`);
      expect((await checkIns()).map((r) => [r.status, r.dueAt])).toEqual([
        ['PENDING', at('2026-03-04T10:30')],
        ['PENDING', at('2026-03-05T10:30')],
      ]);
      await post(`${personPage()}/check-in`, { mode: 'days', days: ['THU', 'MON'], time: '10:30' });
      expect((await db().prisma.participant.findUniqueOrThrow({ where: { id: world.participantA } })).checkInCadence).toBe('days:MON,THU');
      // Wednesday is no longer a check-in day: today's pending one is cancelled.
      expect((await checkIns()).map((r) => [r.status, r.skipReason])).toEqual([
        ['CANCELLED', 'cadence-changed'],
        ['PENDING', null],
      ]);
      await post(`${personPage()}/check-in`, { mode: 'custom', custom: 'weekly:fri', time: '08:15' });
      expect(await db().prisma.participant.findUniqueOrThrow({ where: { id: world.participantA } })).toMatchObject({ checkInCadence: 'weekly:fri', checkInTime: '08:15' });
      await post(`${personPage()}/check-in`, { mode: 'daily', time: '10:30' });
      expect(await db().prisma.auditLog.count({ where: { action: 'participant.check-in-schedule', targetId: world.participantA } })).toBe(4);
    });

    it('mute until a date holds the coming reminders; they resume on that day, or at once when cleared', async () => {
      await post(`${personPage()}/check-in`, { mode: 'daily', time: '10:30' });
      for (const resumeOn of ['2026-03-04', '2026-03-01', '2028-01-01', 'soon']) {
        const response = await post(`${personPage()}/mute`, { resumeOn });
        expect(response.headers.get('location')).toBe(`${personPage()}?error=mute`);
      }
      const muted = await post(`${personPage()}/mute`, { resumeOn: '2026-03-10' });
      expect(muted.headers.get('location')).toBe(`${personPage()}?done=muted`);
      expect((await db().prisma.participant.findUniqueOrThrow({ where: { id: world.participantA } })).mutedUntil).toEqual(at('2026-03-10T00:00'));
      expect((await checkIns()).map((r) => [r.status, r.skipReason])).toEqual([
        ['CANCELLED', 'muted'],
        ['CANCELLED', 'muted'],
      ]);
      const page = await (await t.app.request(personPage(), get(caseworker))).text();
      expect(page).toContain('2026-03-10 00:00');

      const cleared = await post(`${personPage()}/mute`, { clear: '1' });
      expect(cleared.headers.get('location')).toBe(`${personPage()}?done=unmuted`);
      expect((await db().prisma.participant.findUniqueOrThrow({ where: { id: world.participantA } })).mutedUntil).toBeNull();
      expect((await checkIns()).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
      expect(await db().prisma.auditLog.count({ where: { action: 'participant.mute', targetId: world.participantA } })).toBe(2);
    });
  });

  describe('week and list views', () => {
    it('seven local days with prev/next links; an appointment late on Sunday (Shanghai) stays in that week', async () => {
      const thursday = await createUrineTest();
      const sundayNight = await appointmentFor(db(), world.stationA, [world.participantA], { kind: 'METHADONE_DOSE', startsAt: at('2026-03-08T23:30') });
      const html = await (await t.app.request('/admin/schedules?view=week&week=2026-03-05', get(caseworker))).text();
      const days = [...html.matchAll(/data-date="([^"]+)"/g)].map((m) => m[1]);
      expect(days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
      const column = (date: string) => html.slice(html.indexOf(`data-date="${date}"`), html.indexOf('</section>', html.indexOf(`data-date="${date}"`)));
      expect(column('2026-03-05')).toContain(`data-id="${thursday}"`);
      expect(column('2026-03-05')).toContain('待发送');
      expect(column('2026-03-08')).toContain(`data-id="${sundayNight}"`);
      expect(html).toContain('week=2026-02-23');
      expect(html).toContain('week=2026-03-09');
      const next = await (await t.app.request('/admin/schedules?view=week&week=2026-03-09', get(caseworker))).text();
      expect(next).not.toContain(`data-id="${sundayNight}"`);
    });

    it('the list filters by kind and date range, and shows when reminders are expected before they are planned', async () => {
      await createUrineTest();
      const later = await appointmentFor(db(), world.stationA, [world.participantA], { kind: 'HAIR_TEST', startsAt: at('2026-03-20T14:00') });
      const ids = async (query: string) => {
        const html = await (await t.app.request(`/admin/schedules?view=list${query}`, get(caseworker))).text();
        return [...html.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]);
      };
      expect(await ids('')).toHaveLength(2);
      expect(await ids('&kind=HAIR_TEST')).toEqual([later]);
      expect(await ids('&from=2026-03-06&to=2026-03-31')).toEqual([later]);
      const html = await (await t.app.request('/admin/schedules?view=list&kind=HAIR_TEST', get(caseworker))).text();
      expect(html).toContain('data-status="EXPECTED"');
      expect(html).toContain('2026-03-19 14:00');
    });
  });
});
