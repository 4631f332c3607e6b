import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { appointmentFor, at, fixedClock, reachable, THU_0930 } from './schedules-world.js';
import { buildTestApp, buildWorld, tokenFor, type TestApp, type World } from './world.js';

interface AppointmentJson {
  id: string;
  stationId: string;
  kind: string;
  startsAt: string;
  recurrenceRule: string | null;
  attendees: { participantId: string; pseudonym: string; status: string }[];
  reminders: { participantId: string; dueAt: string; status: string }[];
}

describeEachDatabase('JSON API /api/v1/appointments', (db) => {
  let t: TestApp;
  let world: World;
  const tokens = {} as Record<'caseworker' | 'colleague' | 'admin' | 'reporting', string>;
  let appointmentA: string;
  let appointmentB: string;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { clock: fixedClock() });
    tokens.caseworker = await tokenFor(db(), 'cw', world.staff.caseworker.login);
    tokens.colleague = await tokenFor(db(), 'colleague', world.staff.colleague.login);
    tokens.admin = await tokenFor(db(), 'admin', world.staff.admin.login);
    tokens.reporting = await tokenFor(db(), 'reporting');
    await reachable(db(), world.participantA);
    appointmentA = await appointmentFor(db(), world.stationA, [world.participantA]);
    appointmentB = await appointmentFor(db(), world.stationB, [world.participantB], { kind: 'HAIR_TEST' });
  });
  afterAll(async () => t?.stop());

  const list = async (token: string, query = '') => {
    const response = await t.app.request(`/api/v1/appointments${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { appointments?: AppointmentJson[]; error?: { code: string; message: string } } };
  };
  const create = (body: unknown, token = tokens.caseworker) =>
    t.app.request('/api/v1/appointments', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const ids = (body: { appointments?: AppointmentJson[] }) => (body.appointments ?? []).map((a) => a.id);

  it('lists what the token may read in the next two weeks by default; filters by station, kind and range', async () => {
    expect(ids((await list(tokens.caseworker)).body)).toEqual([appointmentA]);
    expect(ids((await list(tokens.admin)).body).sort()).toEqual([appointmentA, appointmentB].sort());
    expect(ids((await list(tokens.reporting)).body).sort()).toEqual([appointmentA, appointmentB].sort());
    expect(ids((await list(tokens.admin, `?stationId=${world.stationB}`)).body)).toEqual([appointmentB]);
    expect(ids((await list(tokens.caseworker, `?stationId=${world.stationB}`)).body)).toEqual([]);
    expect(ids((await list(tokens.admin, '?kind=HAIR_TEST')).body)).toEqual([appointmentB]);
    const from = encodeURIComponent('2026-03-05T10:00:00+08:00');
    expect(ids((await list(tokens.admin, `?from=${from}`)).body)).toEqual([]);
    const [first] = (await list(tokens.caseworker)).body.appointments ?? [];
    expect(first).toMatchObject({ startsAt: THU_0930.toISOString(), attendees: [{ participantId: world.participantA, pseudonym: world.pseudonymA, status: 'INVITED' }] });
    expect(JSON.stringify(first)).not.toContain('真名');
  });

  it('422 for a bad range or kind, in the error shape; 401 without a token', async () => {
    for (const query of ['?from=yesterday', '?kind=BLOOD_TEST', `?from=${encodeURIComponent('2026-03-01T00:00:00Z')}&to=${encodeURIComponent('2026-12-01T00:00:00Z')}`, `?from=${encodeURIComponent('2026-03-05T00:00:00Z')}&to=${encodeURIComponent('2026-03-01T00:00:00Z')}`]) {
      const { status, body } = await list(tokens.caseworker, query);
      expect(status).toBe(422);
      expect(body).toEqual({ error: { code: 'invalid', message: expect.any(String) } });
    }
    const anonymous = await t.app.request('/api/v1/appointments');
    expect(anonymous.status).toBe(401);
  });

  it('creates a one-off test with its reminders planned, and a monthly class series; audits with the token', async () => {
    const response = await create({ stationId: world.stationA, kind: 'URINE_TEST', startsAt: '2026-03-06T09:30:00+08:00', attendees: [world.participantA], place: '尿检室' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { seriesId: string | null; appointments: AppointmentJson[] };
    expect(body.seriesId).toBeNull();
    expect(body.appointments).toHaveLength(1);
    expect(body.appointments[0]?.reminders.map((r) => [r.dueAt, r.status])).toEqual([
      [at('2026-03-05T09:30').toISOString(), 'PENDING'],
      [at('2026-03-06T08:00').toISOString(), 'PENDING'],
    ]);
    const token = await db().prisma.apiToken.findFirstOrThrow({ where: { name: 'cw' } });
    expect(await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'appointment.create', targetId: body.appointments[0]?.id } })).toMatchObject({
      actorId: world.staff.caseworker.id,
      tokenId: token.id,
    });

    const series = await create(
      { stationId: world.stationA, kind: 'CLASS', startsAt: '2026-03-01T09:00:00+08:00', wholeStation: true, topic: '思想道德教育', recurrence: { rule: { nthWeekdayOfMonth: 1, weekday: 'SAT' }, count: 2 } },
      tokens.colleague,
    );
    expect(series.status).toBe(201);
    const classes = (await series.json()) as { seriesId: string; appointments: AppointmentJson[] };
    expect(classes.seriesId).toEqual(expect.any(String));
    expect(classes.appointments.map((a) => [a.startsAt, a.recurrenceRule])).toEqual([
      [at('2026-03-07T09:00').toISOString(), 'FREQ=MONTHLY;BYDAY=1SA;COUNT=2'],
      [at('2026-04-04T09:00').toISOString(), 'FREQ=MONTHLY;BYDAY=1SA;COUNT=2'],
    ]);
  });

  it('422 for an invalid body, 404 for another station, 403 for someone else\'s caseload or a token without staff', async () => {
    const valid = { stationId: world.stationA, kind: 'URINE_TEST', startsAt: '2026-03-06T09:30:00+08:00', attendees: [world.participantA] };
    for (const body of [
      {},
      { ...valid, kind: 'BLOOD_TEST' },
      { ...valid, startsAt: '2026-03-06 09:30' },
      { ...valid, extra: true },
      { ...valid, attendees: [] },
      { ...valid, attendees: [world.participantB] },
      { ...valid, wholeStation: true },
      { ...valid, recurrence: { rule: { every: 'weeks', interval: 0 }, count: 3 } },
      'not json',
    ]) {
      const response = await create(body);
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ error: { code: 'invalid', message: expect.any(String) } });
    }
    const other = await create({ ...valid, stationId: world.stationB, attendees: [world.participantB] });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await create(valid, tokens.colleague)).status).toBe(403);
    const reporting = await create(valid, tokens.reporting);
    expect(reporting.status).toBe(403);
    expect(await reporting.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});
