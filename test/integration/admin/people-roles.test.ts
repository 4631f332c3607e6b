import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { telegramReportingUsername } from './people-support.js';
import { buildTestApp, buildWorld, formPost, get, ROLES, signIn, tokenFor, type Browser, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'anonymous';
const EVERYONE: Who[] = [...ROLES, 'anonymous'];

// A person on station A whose caseworker is "caseworker"; "colleague" is another caseworker on A.
const READ_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 404, anonymous: 302 };
const EDIT_FORM_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 403, otherStation: 404, anonymous: 302 };
const ACT_A: Record<Who, number> = { admin: 303, supervisor: 303, caseworker: 303, colleague: 403, otherStation: 404, anonymous: 303 };
const INVITE_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 403, otherStation: 404, anonymous: 303 };
const READ_B: Record<Who, number> = { admin: 200, supervisor: 404, caseworker: 404, colleague: 404, otherStation: 200, anonymous: 302 };
const API_READ_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 404, anonymous: 401 };
const API_ACT_A: Record<Who, number> = { admin: 201, supervisor: 201, caseworker: 201, colleague: 403, otherStation: 404, anonymous: 401 };

describeEachDatabase('People: role × route matrix', (db) => {
  let t: TestApp;
  let world: World;
  let familyA: string;
  const browsers = {} as Record<Who, Browser | undefined>;
  const tokens = {} as Record<Who, string | undefined>;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { channels: new Map([['TELEGRAM', telegramReportingUsername()]]) });
    for (const role of ROLES) {
      browsers[role] = await signIn(db(), world.staff[role].id);
      tokens[role] = await tokenFor(db(), `people-${role}`, world.staff[role].login);
    }
    browsers.anonymous = undefined;
    tokens.anonymous = undefined;
    familyA = (await db().prisma.familyMember.create({ data: { participantId: world.participantA, displayName: '家属A', relation: '母亲' } })).id;
  });
  afterAll(async () => t?.stop());

  const editFields = () => ({
    displayName: `真名${world.pseudonymA}`,
    stationId: world.stationA,
    caseworkerId: world.staff.caseworker.id,
    programme: 'COMMUNITY_REHAB',
    track: 'ABSTINENT',
    riskTier: 'MEDIUM',
    locale: 'zh-CN',
    status: 'ACTIVE',
    programmeStart: '2026-01-05',
    checkInTime: '09:00',
  });
  const familyFields = { displayName: '家属A', relation: '母亲', locale: 'zh-CN', sharingScope: 'NONE', status: 'ACTIVE' };
  const bearer = (who: Who, extra: Record<string, string> = {}): Record<string, string> => ({ ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}), ...extra });

  describe('pages', () => {
    it.each(EVERYONE)('the people list for %s', async (who) => {
      const response = await t.app.request('/admin/people', get(browsers[who]));
      if (who === 'anonymous') {
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toMatch(/^\/admin\/login\?next=%2Fadmin%2Fpeople/);
        return;
      }
      const html = await response.text();
      expect(html.includes(world.pseudonymA)).toBe(who !== 'otherStation');
      expect(html.includes(world.pseudonymB)).toBe(who === 'admin' || who === 'otherStation');
    });

    it.each(EVERYONE)('the page of a person on station A for %s', async (who) => {
      const response = await t.app.request(`/admin/people/${world.participantA}`, get(browsers[who]));
      expect(response.status).toBe(READ_A[who]);
      if (response.status === 200) expect((await response.text()).includes('id="edit-person"')).toBe(who !== 'colleague');
    });

    it.each(EVERYONE)('the page of a person on station B for %s', async (who) => {
      expect((await t.app.request(`/admin/people/${world.participantB}`, get(browsers[who]))).status).toBe(READ_B[who]);
    });

    it.each(EVERYONE)('the new-participant form for %s', async (who) => {
      expect((await t.app.request('/admin/people/new', get(browsers[who]))).status).toBe(who === 'anonymous' ? 302 : 200);
    });

    it.each(EVERYONE)('the edit form of a person on station A for %s', async (who) => {
      expect((await t.app.request(`/admin/people/${world.participantA}/edit`, get(browsers[who]))).status).toBe(EDIT_FORM_A[who]);
    });

    it.each(EVERYONE)('the family forms of a person on station A for %s', async (who) => {
      expect((await t.app.request(`/admin/people/${world.participantA}/family/new`, get(browsers[who]))).status).toBe(EDIT_FORM_A[who]);
      expect((await t.app.request(`/admin/people/${world.participantA}/family/${familyA}/edit`, get(browsers[who]))).status).toBe(EDIT_FORM_A[who]);
    });
  });

  describe('changes to a person on station A', () => {
    it.each(EVERYONE)('editing the record by %s', async (who) => {
      const response = await t.app.request(`/admin/people/${world.participantA}`, formPost(browsers[who], editFields()));
      expect(response.status).toBe(ACT_A[who]);
      if (who === 'anonymous') expect(response.headers.get('location')).toMatch(/^\/admin\/login/);
    });

    it.each(EVERYONE)('adding a family member by %s', async (who) => {
      const before = await db().prisma.familyMember.count({ where: { participantId: world.participantA } });
      const response = await t.app.request(`/admin/people/${world.participantA}/family`, formPost(browsers[who], familyFields));
      expect(response.status).toBe(ACT_A[who]);
      const after = await db().prisma.familyMember.count({ where: { participantId: world.participantA } });
      expect(after - before).toBe(ACT_A[who] === 303 && who !== 'anonymous' ? 1 : 0);
    });

    it.each(EVERYONE)('editing a family member by %s', async (who) => {
      expect((await t.app.request(`/admin/people/${world.participantA}/family/${familyA}`, formPost(browsers[who], familyFields))).status).toBe(ACT_A[who]);
    });

    it.each(EVERYONE)('an invite code by %s', async (who) => {
      const before = await db().prisma.invite.count();
      const response = await t.app.request(`/admin/people/${world.participantA}/invites`, formPost(browsers[who], {}));
      expect(response.status).toBe(INVITE_A[who]);
      expect((await db().prisma.invite.count()) - before).toBe(INVITE_A[who] === 200 ? 1 : 0);
      const family = await t.app.request(`/admin/people/${world.participantA}/family/${familyA}/invites`, formPost(browsers[who], {}));
      expect(family.status).toBe(INVITE_A[who]);
    });
  });

  describe('API', () => {
    it.each(EVERYONE)('GET /api/v1/participants for %s', async (who) => {
      const response = await t.app.request('/api/v1/participants', { headers: bearer(who) });
      expect(response.status).toBe(who === 'anonymous' ? 401 : 200);
      if (who === 'anonymous') return;
      const ids = ((await response.json()) as { participants: { id: string }[] }).participants.map((p) => p.id);
      expect(ids.includes(world.participantA)).toBe(who !== 'otherStation');
      expect(ids.includes(world.participantB)).toBe(who === 'admin' || who === 'otherStation');
    });

    it.each(EVERYONE)('GET /api/v1/participants/:id (station A) for %s', async (who) => {
      expect((await t.app.request(`/api/v1/participants/${world.participantA}`, { headers: bearer(who) })).status).toBe(API_READ_A[who]);
      expect((await t.app.request(`/api/v1/participants/${world.participantA}/family`, { headers: bearer(who) })).status).toBe(API_READ_A[who]);
    });

    it.each(EVERYONE)('POST /api/v1/participants/:id/invites (station A) by %s', async (who) => {
      const response = await t.app.request(`/api/v1/participants/${world.participantA}/invites`, { method: 'POST', headers: bearer(who) });
      expect(response.status).toBe(API_ACT_A[who]);
      const body = (await response.json()) as { code?: string; error?: { code: string; message: string } };
      if (response.status === 201) expect(body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      else expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
    });

    it.each(EVERYONE)('POST /api/v1/participants/:id/family (station A) by %s', async (who) => {
      const response = await t.app.request(`/api/v1/participants/${world.participantA}/family`, {
        method: 'POST',
        headers: bearer(who, { 'content-type': 'application/json' }),
        body: JSON.stringify({ displayName: '家属B', relation: '哥哥' }),
      });
      expect(response.status).toBe(API_ACT_A[who]);
    });

    it('a token without a staff member reads every station and may not change anything (403)', async () => {
      const token = await tokenFor(db(), 'people-reporting');
      const headers = { authorization: `Bearer ${token}` };
      const list = (await (await t.app.request('/api/v1/participants', { headers })).json()) as { participants: { id: string }[] };
      expect(list.participants.map((p) => p.id)).toEqual(expect.arrayContaining([world.participantA, world.participantB]));
      expect((await t.app.request(`/api/v1/participants/${world.participantB}`, { headers })).status).toBe(200);
      expect((await t.app.request(`/api/v1/participants/${world.participantA}/invites`, { method: 'POST', headers })).status).toBe(403);
      expect((await t.app.request('/api/v1/participants/nobody/invites', { method: 'POST', headers })).status).toBe(404);
      const create = await t.app.request('/api/v1/participants', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
      expect(create.status).toBe(403);
    });
  });
});
