import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { appointmentFor, fixedClock } from './schedules-world.js';
import { buildTestApp, buildWorld, formPost, get, ROLES, signIn, type Browser, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'anonymous';
const EVERYONE: Who[] = [...ROLES, 'anonymous'];

// Station A's person belongs to "caseworker"; "colleague" is another caseworker on A.
const READ_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 404, anonymous: 302 };
const READ_B: Record<Who, number> = { admin: 200, supervisor: 404, caseworker: 404, colleague: 404, otherStation: 200, anonymous: 302 };
const ACT_A: Record<Who, number> = { admin: 303, supervisor: 303, caseworker: 303, colleague: 403, otherStation: 404, anonymous: 303 };
const CLASS_A: Record<Who, number> = { ...ACT_A, colleague: 303 };

describeEachDatabase('console schedules: role × route matrix', (db) => {
  let t: TestApp;
  let world: World;
  const browsers = {} as Record<Who, Browser | undefined>;
  let appointmentA: string;
  let appointmentB: string;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { clock: fixedClock() });
    for (const role of ROLES) browsers[role] = await signIn(db(), world.staff[role].id);
    browsers.anonymous = undefined;
    appointmentA = await appointmentFor(db(), world.stationA, [world.participantA]);
    appointmentB = await appointmentFor(db(), world.stationB, [world.participantB]);
  });
  afterAll(async () => t?.stop());

  describe('pages', () => {
    it.each(EVERYONE)('the week view and the list for %s show only readable stations', async (who) => {
      for (const view of ['week', 'list']) {
        const response = await t.app.request(`/admin/schedules?view=${view}&week=2026-03-05&from=2026-03-01&to=2026-03-10`, get(browsers[who]));
        if (who === 'anonymous') {
          expect(response.status).toBe(302);
          continue;
        }
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html.includes(appointmentA)).toBe(who !== 'otherStation');
        expect(html.includes(appointmentB)).toBe(who === 'otherStation');
      }
    });

    it('an admin switches station with the filter; others cannot widen their scope with it', async () => {
      const query = `/admin/schedules?view=list&from=2026-03-01&to=2026-03-10&station=${world.stationB}`;
      expect(await (await t.app.request(query, get(browsers.admin))).text()).toContain(appointmentB);
      const caseworker = await (await t.app.request(query, get(browsers.caseworker))).text();
      expect(caseworker).not.toContain(appointmentB);
      expect(caseworker).toContain(appointmentA);
    });

    it.each(EVERYONE)('the new appointment form for %s', async (who) => {
      const response = await t.app.request('/admin/schedules/new', get(browsers[who]));
      expect(response.status).toBe(who === 'anonymous' ? 302 : 200);
    });

    it.each(EVERYONE)('an appointment on station A for %s (forms only for who may act)', async (who) => {
      const response = await t.app.request(`/admin/schedules/appointments/${appointmentA}`, get(browsers[who]));
      expect(response.status).toBe(READ_A[who]);
      if (response.status !== 200) return;
      const html = await response.text();
      expect(html.includes('id="move-form"')).toBe(ACT_A[who] === 303);
      expect(html.includes('/attendance"')).toBe(ACT_A[who] === 303);
    });

    it.each(EVERYONE)('an appointment on station B for %s', async (who) => {
      expect((await t.app.request(`/admin/schedules/appointments/${appointmentB}`, get(browsers[who]))).status).toBe(READ_B[who]);
    });

    it.each(EVERYONE)('the reminder settings of a person on station A for %s', async (who) => {
      const response = await t.app.request(`/admin/schedules/participants/${world.participantA}`, get(browsers[who]));
      expect(response.status).toBe(READ_A[who]);
      if (response.status === 200) expect((await response.text()).includes('id="mute-form"')).toBe(ACT_A[who] === 303);
    });

    it('unknown ids are a 404', async () => {
      expect((await t.app.request('/admin/schedules/appointments/nope', get(browsers.admin))).status).toBe(404);
      expect((await t.app.request('/admin/schedules/participants/nope', get(browsers.admin))).status).toBe(404);
    });
  });

  describe('actions on station A', () => {
    const actions: { name: string; path: () => string; fields: () => Record<string, string> }[] = [
      { name: 'move', path: () => `/admin/schedules/appointments/${appointmentA}/move`, fields: () => ({ date: '2026-03-06', time: '10:00' }) },
      { name: 'attendance', path: () => `/admin/schedules/appointments/${appointmentA}/attendance`, fields: () => ({ participantId: world.participantA, status: 'EXCUSED' }) },
      { name: 'mute', path: () => `/admin/schedules/participants/${world.participantA}/mute`, fields: () => ({ resumeOn: '2026-03-20' }) },
      { name: 'check-in', path: () => `/admin/schedules/participants/${world.participantA}/check-in`, fields: () => ({ mode: 'daily', time: '09:00' }) },
      { name: 'invalid move', path: () => `/admin/schedules/appointments/${appointmentA}/move`, fields: () => ({ date: 'soon' }) },
    ];
    for (const action of actions) {
      it.each(EVERYONE)(`${action.name} by %s`, async (who) => {
        const before = await db().prisma.auditLog.count();
        const response = await t.app.request(action.path(), formPost(browsers[who], action.fields()));
        expect(response.status).toBe(ACT_A[who]);
        const location = response.headers.get('location') ?? '';
        if (who === 'anonymous') expect(location).toMatch(/^\/admin\/login/);
        const changed = ACT_A[who] === 303 && who !== 'anonymous' && !action.name.startsWith('invalid');
        expect(await db().prisma.auditLog.count()).toBe(before + (changed ? 1 : 0));
      });
    }

    it.each(EVERYONE)('cancel by %s', async (who) => {
      const id = await appointmentFor(db(), world.stationA, [world.participantA]);
      const response = await t.app.request(`/admin/schedules/appointments/${id}/cancel`, formPost(browsers[who], {}));
      expect(response.status).toBe(ACT_A[who]);
      const status = (await db().prisma.appointment.findUniqueOrThrow({ where: { id } })).status;
      expect(status).toBe(ACT_A[who] === 303 && who !== 'anonymous' ? 'CANCELLED' : 'SCHEDULED');
    });

    it.each(EVERYONE)('create a urine test for the person by %s', async (who) => {
      const response = await t.app.request(
        '/admin/schedules',
        formPost(browsers[who], { station: world.stationA, kind: 'URINE_TEST', date: '2026-03-12', time: '09:00', attendees: world.participantA }),
      );
      const expected = { ...ACT_A, otherStation: 404 };
      expect(response.status).toBe(expected[who]);
    });

    it.each(EVERYONE)('create a class for the whole station by %s', async (who) => {
      const response = await t.app.request(
        '/admin/schedules',
        formPost(browsers[who], { station: world.stationA, kind: 'CLASS', date: '2026-03-14', time: '09:00', wholeStation: '1', topic: '法律常识' }),
      );
      expect(response.status).toBe(CLASS_A[who]);
    });

    it('a caseworker of station A cannot record attendance for a class attendee who is not theirs, but may for their own', async () => {
      const other = await db().prisma.participant.create({
        data: { stationId: world.stationA, caseworkerId: world.staff.colleague.id, pseudonym: `P-X${Date.now()}`, displayName: '别人', programme: 'COMMUNITY_REHAB', track: 'ABSTINENT', programmeStart: new Date('2026-01-05') },
      });
      const lesson = await appointmentFor(db(), world.stationA, [world.participantA, other.id], { kind: 'CLASS' });
      const record = (participantId: string) => t.app.request(`/admin/schedules/appointments/${lesson}/attendance`, formPost(browsers.caseworker, { participantId, status: 'ATTENDED' }));
      expect((await record(other.id)).status).toBe(403);
      expect((await record(world.participantA)).status).toBe(303);
      expect((await record(world.participantB)).status).toBe(404);
    });
  });
});
