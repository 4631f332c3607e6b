import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/security/password.js';
import { describeEachDatabase } from '../../support/database.js';
import { statusOnlyAdapter } from './staff-fixtures.js';
import { buildTestApp, buildWorld, ROLES, tokenFor, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'service' | 'anonymous';

describeEachDatabase('JSON API: stations and staff', (db) => {
  let t: TestApp;
  let world: World;
  const tokens = {} as Record<Who, string | undefined>;

  beforeAll(async () => {
    world = await buildWorld(db());
    const telegram = statusOnlyAdapter('TELEGRAM', () => ({ state: 'running', botUsername: 'tongxing_test_bot' }));
    t = await buildTestApp(db(), { channels: new Map([['TELEGRAM', telegram]]) });
    for (const role of ROLES) tokens[role] = await tokenFor(db(), `api-${role}`, world.staff[role].login);
    tokens.service = await tokenFor(db(), 'reporting');
    tokens.anonymous = undefined;
  });
  afterAll(async () => t?.stop());

  const headers = (who: Who): Record<string, string> => (tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {});
  const getAs = (who: Who, path: string) => t.app.request(path, { headers: headers(who) });
  const postAs = (who: Who, path: string, body: unknown = {}) =>
    t.app.request(path, { method: 'POST', headers: { ...headers(who), 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  describe('GET /api/v1/stations', () => {
    it.each<[Who, 'both' | 'A' | 'B' | 401]>([
      ['admin', 'both'],
      ['supervisor', 'A'],
      ['caseworker', 'A'],
      ['otherStation', 'B'],
      ['service', 'both'],
      ['anonymous', 401],
    ])('for %s', async (who, expected) => {
      const response = await getAs(who, '/api/v1/stations');
      if (expected === 401) {
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
        return;
      }
      const ids = ((await response.json()) as { stations: { id: string }[] }).stations.map((s) => s.id);
      expect(ids.includes(world.stationA)).toBe(expected !== 'B');
      expect(ids.includes(world.stationB)).toBe(expected !== 'A');
    });
  });

  describe('POST /api/v1/stations', () => {
    const body = { name: '雁峰指导站', region: '衡阳市', timezone: 'Asia/Shanghai', emergencyNumber: '120', hotline: '0734-1234567' };

    it('admins create a station (201) and the audit row names the token', async () => {
      const response = await postAs('admin', '/api/v1/stations', body);
      expect(response.status).toBe(201);
      const { station } = (await response.json()) as { station: { id: string } };
      expect(station).toEqual({ id: expect.any(String), ...body, drugCounsellingNumber: null, reliefOfficeNumber: null });
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'station.create', targetId: station.id } });
      expect(audit.actorId).toBe(world.staff.admin.id);
      expect(audit.tokenId).not.toBeNull();
    });

    it.each<[Who, number]>([
      ['supervisor', 403],
      ['caseworker', 403],
      ['service', 403],
      ['anonymous', 401],
    ])('%s may not (%i)', async (who, status) => {
      const before = await db().prisma.station.count();
      const response = await postAs(who, '/api/v1/stations', { ...body, name: `不该有 ${who}` });
      expect(response.status).toBe(status);
      expect(await db().prisma.station.count()).toBe(before);
    });

    it('422 for an unknown timezone, a missing name, unknown fields or a body that is not JSON', async () => {
      for (const bad of [{ ...body, timezone: 'Mars/Olympus' }, { region: 'x', timezone: 'Asia/Tokyo' }, { ...body, quietHours: '22-8' }, 'not json']) {
        const response = await postAs('admin', '/api/v1/stations', bad);
        expect(response.status).toBe(422);
        expect(await response.json()).toEqual({ error: { code: 'invalid', message: expect.any(String) } });
      }
      const zone = await postAs('admin', '/api/v1/stations', { ...body, timezone: 'Mars/Olympus' });
      expect(((await zone.json()) as { error: { message: string } }).error.message).toContain('timezone');
    });
  });

  describe('GET /api/v1/staff', () => {
    it('admins and service tokens see everyone, supervisors their station, caseworkers themselves; no secrets', async () => {
      const logins = async (who: Who) => ((await (await getAs(who, '/api/v1/staff')).json()) as { staff: { login: string }[] }).staff.map((s) => s.login);
      const everyone = Object.values(world.staff).map((s) => s.login);
      expect(await logins('admin')).toEqual(expect.arrayContaining(everyone));
      expect(await logins('service')).toEqual(expect.arrayContaining(everyone));
      expect((await logins('supervisor')).sort()).toEqual([world.staff.supervisor.login, world.staff.caseworker.login, world.staff.colleague.login].sort());
      expect(await logins('caseworker')).toEqual([world.staff.caseworker.login]);
      const raw = await (await getAs('admin', '/api/v1/staff')).text();
      expect(raw).not.toContain('passwordHash');
      expect(raw).not.toContain('scrypt');
    });
  });

  describe('POST /api/v1/staff', () => {
    it('a supervisor creates a caseworker at their station; the generated password comes back once', async () => {
      const response = await postAs('supervisor', '/api/v1/staff', { role: 'CASEWORKER', login: 'api.worker', stationId: world.stationA, locale: 'en' });
      expect(response.status).toBe(201);
      const body = (await response.json()) as { staff: { id: string; role: string; stationId: string; linkedChannels: string[] }; initialPassword: string };
      expect(body.staff).toMatchObject({ role: 'CASEWORKER', stationId: world.stationA, linkedChannels: [] });
      const row = await db().prisma.staffUser.findUniqueOrThrow({ where: { id: body.staff.id } });
      expect(await verifyPassword(body.initialPassword, row.passwordHash)).toBe(true);
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'staff.create', targetId: body.staff.id } });
      expect(audit.detail).toMatchObject({ via: 'api' });
    });

    it('403 beyond the caller’s rights, 409 for a taken login, 422 for bad input', async () => {
      expect((await postAs('supervisor', '/api/v1/staff', { role: 'ADMIN', login: 'api.boss' })).status).toBe(403);
      expect((await postAs('supervisor', '/api/v1/staff', { role: 'CASEWORKER', login: 'api.b', stationId: world.stationB })).status).toBe(403);
      expect((await postAs('caseworker', '/api/v1/staff', { role: 'CASEWORKER', login: 'api.c', stationId: world.stationA })).status).toBe(403);
      expect((await postAs('service', '/api/v1/staff', { role: 'CASEWORKER', login: 'api.d', stationId: world.stationA })).status).toBe(403);
      const taken = await postAs('admin', '/api/v1/staff', { role: 'CASEWORKER', login: world.staff.caseworker.login, stationId: world.stationA, password: 'a long enough password' });
      expect(taken.status).toBe(409);
      expect(await taken.json()).toEqual({ error: { code: 'conflict', message: expect.any(String) } });
      for (const bad of [{ role: 'JANITOR', login: 'x1' }, { role: 'CASEWORKER', login: 'has space', stationId: world.stationA }, { role: 'CASEWORKER', login: 'nost' }, { role: 'CASEWORKER', login: 'pw', stationId: world.stationA, password: 'short' }]) {
        expect((await postAs('admin', '/api/v1/staff', bad)).status).toBe(422);
      }
    });
  });

  describe('POST /api/v1/staff/:id/invites', () => {
    it('returns {code, expiresAt, links} for the caller themselves', async () => {
      const response = await postAs('caseworker', `/api/v1/staff/${world.staff.caseworker.id}/invites`);
      expect(response.status).toBe(201);
      const body = (await response.json()) as { code: string; expiresAt: string; links: { telegram: string | null } };
      expect(body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
      expect(body.links).toEqual({ telegram: `https://t.me/tongxing_test_bot?start=${body.code.replace('-', '')}` });
      expect(await db().prisma.invite.count({ where: { staffUserId: world.staff.caseworker.id, target: 'STAFF' } })).toBeGreaterThan(0);
    });

    it.each<[Who, number]>([
      ['admin', 201],
      ['supervisor', 201],
      ['caseworker', 201],
      ['colleague', 404],
      ['otherStation', 404],
      ['service', 403],
      ['anonymous', 401],
    ])('for the caseworker on station A by %s: %i', async (who, status) => {
      const response = await postAs(who, `/api/v1/staff/${world.staff.caseworker.id}/invites`);
      expect(response.status).toBe(status);
      if (status !== 201) expect(await response.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    });

    it('404 for an unknown id, 409 for a deactivated account', async () => {
      expect((await postAs('admin', '/api/v1/staff/00000000-0000-0000-0000-000000000000/invites')).status).toBe(404);
      expect((await postAs('service', '/api/v1/staff/00000000-0000-0000-0000-000000000000/invites')).status).toBe(404);
      const gone = await db().prisma.staffUser.create({ data: { login: `gone${Date.now()}`, displayName: 'gone', role: 'CASEWORKER', stationId: world.stationA, passwordHash: 'x', active: false } });
      expect((await postAs('admin', `/api/v1/staff/${gone.id}/invites`)).status).toBe(409);
    });
  });
});
