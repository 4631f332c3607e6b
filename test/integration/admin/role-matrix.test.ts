import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, buildWorld, createEscalation, formPost, get, ROLES, signIn, tokenFor, type Browser, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'anonymous';
const EVERYONE: Who[] = [...ROLES, 'anonymous'];

// What each role may do with an escalation about a person on station A,
// whose caseworker is "caseworker". "colleague" is another caseworker on A.
const READ_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 404, anonymous: 302 };
const ACT_A: Record<Who, number> = { admin: 303, supervisor: 303, caseworker: 303, colleague: 403, otherStation: 404, anonymous: 303 };
const API_READ: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 200, anonymous: 401 };
const API_ACT_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 403, otherStation: 404, anonymous: 401 };

describeEachDatabase('console and API: role × route matrix', (db) => {
  let t: TestApp;
  let world: World;
  const browsers = {} as Record<Who, Browser | undefined>;
  const tokens = {} as Record<Who, string | undefined>;
  let escalationA: string;
  let escalationB: string;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db());
    for (const role of ROLES) {
      browsers[role] = await signIn(db(), world.staff[role].id);
      tokens[role] = await tokenFor(db(), `t-${role}`, world.staff[role].login);
    }
    browsers.anonymous = undefined;
    tokens.anonymous = undefined;
    escalationA = (await createEscalation(db(), world.participantA, { text: 'A 的消息' })).id;
    escalationB = (await createEscalation(db(), world.participantB, { text: 'B 的消息' })).id;
  });
  afterAll(async () => t?.stop());

  const bearer = (who: Who): RequestInit => ({ headers: tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {} });

  describe('pages', () => {
    it.each(EVERYONE)('the queue page for %s', async (who) => {
      const response = await t.app.request('/admin/escalations', get(browsers[who]));
      if (who === 'anonymous') {
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toMatch(/^\/admin\/login\?next=%2Fadmin%2Fescalations/);
        return;
      }
      expect(response.status).toBe(200);
      const html = await response.text();
      const seesA = who !== 'otherStation';
      const seesB = who === 'admin' || who === 'otherStation';
      expect(html.includes(world.pseudonymA)).toBe(seesA);
      expect(html.includes(world.pseudonymB)).toBe(seesB);
    });

    it.each(EVERYONE)('the list fragment for %s', async (who) => {
      const response = await t.app.request('/admin/escalations/list', get(browsers[who], { 'x-requested-with': 'fetch' }));
      expect(response.status).toBe(who === 'anonymous' ? 401 : 200);
    });

    it.each(EVERYONE)('an escalation on station A for %s', async (who) => {
      const response = await t.app.request(`/admin/escalations/${escalationA}`, get(browsers[who]));
      expect(response.status).toBe(READ_A[who]);
      if (response.status !== 200) return;
      const html = await response.text();
      expect(html).toContain('A 的消息');
      // Read-only staff see no action forms.
      expect(html.includes('/ack"')).toBe(who !== 'colleague');
    });

    it.each(EVERYONE)('an escalation on station B for %s', async (who) => {
      const response = await t.app.request(`/admin/escalations/${escalationB}`, get(browsers[who]));
      const expected: Record<Who, number> = { admin: 200, supervisor: 404, caseworker: 404, colleague: 404, otherStation: 200, anonymous: 302 };
      expect(response.status).toBe(expected[who]);
    });

    it('a made-up escalation id is a 404', async () => {
      const response = await t.app.request('/admin/escalations/00000000-0000-0000-0000-000000000000', get(browsers.admin));
      expect(response.status).toBe(404);
    });

    it.each(EVERYONE)('the live event stream for %s', async (who) => {
      const response = await t.app.request('/admin/events', get(browsers[who], { accept: 'text/event-stream' }));
      expect(response.status).toBe(who === 'anonymous' ? 401 : 200);
      if (response.status === 200) expect(response.headers.get('content-type')).toContain('text/event-stream');
      await response.body?.cancel();
    });

    it.each(EVERYONE)('the password page for %s', async (who) => {
      const response = await t.app.request('/admin/password', get(browsers[who]));
      expect(response.status).toBe(who === 'anonymous' ? 302 : 200);
    });
  });

  describe('actions on an escalation on station A', () => {
    const actions: { name: string; fields: (world: World) => Record<string, string> }[] = [
      { name: 'ack', fields: () => ({}) },
      { name: 'assign', fields: (w) => ({ assigneeId: w.staff.supervisor.id }) },
      { name: 'note', fields: () => ({ note: '已电话联系' }) },
      { name: 'resolve', fields: () => ({ outcome: 'CONTACTED', note: '本人安全' }) },
    ];
    for (const action of actions) {
      it.each(EVERYONE)(`${action.name} by %s`, async (who) => {
        const { id } = await createEscalation(db(), world.participantA);
        const response = await t.app.request(`/admin/escalations/${id}/${action.name}`, formPost(browsers[who], action.fields(world)));
        expect(response.status).toBe(ACT_A[who]);
        const events = await db().prisma.escalationEvent.count({ where: { escalationId: id, actorId: { not: null } } });
        expect(events).toBe(ACT_A[who] === 303 && who !== 'anonymous' ? 1 : 0);
        if (who === 'anonymous') expect(response.headers.get('location')).toMatch(/^\/admin\/login/);
      });
    }
  });

  describe('API', () => {
    it.each(EVERYONE)('GET /api/v1/escalations for %s', async (who) => {
      const response = await t.app.request('/api/v1/escalations', bearer(who));
      expect(response.status).toBe(API_READ[who]);
      const body = (await response.json()) as { escalations?: { id: string }[]; error?: { code: string } };
      if (who === 'anonymous') {
        expect(body.error?.code).toBe('unauthorized');
        return;
      }
      const ids = body.escalations?.map((e) => e.id) ?? [];
      expect(ids.includes(escalationA)).toBe(who !== 'otherStation');
      expect(ids.includes(escalationB)).toBe(who === 'admin' || who === 'otherStation');
    });

    it.each(EVERYONE)('POST /api/v1/escalations/:id/ack by %s', async (who) => {
      const { id } = await createEscalation(db(), world.participantA);
      const response = await t.app.request(`/api/v1/escalations/${id}/ack`, { method: 'POST', ...bearer(who) });
      expect(response.status).toBe(API_ACT_A[who]);
      const body = (await response.json()) as { escalation?: { status: string }; error?: { code: string; message: string } };
      if (response.status === 200) expect(body.escalation?.status).toBe('ACKNOWLEDGED');
      else expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
    });

    it.each(EVERYONE)('POST /api/v1/escalations/:id/resolve by %s', async (who) => {
      const { id } = await createEscalation(db(), world.participantA);
      const response = await t.app.request(`/api/v1/escalations/${id}/resolve`, {
        method: 'POST',
        headers: { ...(bearer(who).headers as Record<string, string>), 'content-type': 'application/json' },
        body: JSON.stringify({ outcome: 'VISITED', note: '上门' }),
      });
      expect(response.status).toBe(API_ACT_A[who]);
    });

    it('a token without a staff member reads everything and may not act (403)', async () => {
      const token = await tokenFor(db(), 'reporting');
      const list = await t.app.request('/api/v1/escalations', { headers: { authorization: `Bearer ${token}` } });
      const ids = ((await list.json()) as { escalations: { id: string }[] }).escalations.map((e) => e.id);
      expect(ids).toEqual(expect.arrayContaining([escalationA, escalationB]));
      const ack = await t.app.request(`/api/v1/escalations/${escalationA}/ack`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(ack.status).toBe(403);
      expect(await ack.json()).toMatchObject({ error: { code: 'forbidden' } });
    });
  });
});
