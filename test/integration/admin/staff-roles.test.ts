import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { extraCaseworker } from './staff-fixtures.js';
import { buildTestApp, buildWorld, formPost, get, ROLES, signIn, type Browser, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'anonymous';
const EVERYONE: Who[] = [...ROLES, 'anonymous'];

// Expected status per role; GET without a session goes to the login (302), a POST there (303).
const MATRIX: { name: string; request: (w: World, target: string) => [string, 'get' | Record<string, string>]; expect: Record<Who, number> }[] = [
  { name: 'GET /admin/staff', request: () => ['/admin/staff', 'get'], expect: { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 200, anonymous: 302 } },
  { name: "GET a station A caseworker's profile", request: (w) => [`/admin/staff/${w.staff.caseworker.id}`, 'get'], expect: { admin: 200, supervisor: 200, caseworker: 200, colleague: 404, otherStation: 404, anonymous: 302 } },
  { name: "GET the admin's profile", request: (w) => [`/admin/staff/${w.staff.admin.id}`, 'get'], expect: { admin: 200, supervisor: 404, caseworker: 404, colleague: 404, otherStation: 404, anonymous: 302 } },
  { name: 'POST /admin/staff (a caseworker on A)', request: (w) => ['/admin/staff', { role: 'CASEWORKER', stationId: w.stationA, login: `m${Math.random().toString(36).slice(2, 10)}`, locale: 'zh-CN', password: 'a long enough password' }], expect: { admin: 201, supervisor: 201, caseworker: 403, colleague: 403, otherStation: 403, anonymous: 303 } },
  { name: 'deactivate a caseworker on A', request: (_w, target) => [`/admin/staff/${target}/active`, { active: '0' }], expect: { admin: 303, supervisor: 303, caseworker: 404, colleague: 404, otherStation: 404, anonymous: 303 } },
  { name: 'reset the password of a caseworker on A', request: (_w, target) => [`/admin/staff/${target}/password`, { password: 'a long enough password' }], expect: { admin: 303, supervisor: 303, caseworker: 404, colleague: 404, otherStation: 404, anonymous: 303 } },
  { name: 'issue a linking code for the station A caseworker', request: (w) => [`/admin/staff/${w.staff.caseworker.id}/invite`, {}], expect: { admin: 200, supervisor: 200, caseworker: 200, colleague: 404, otherStation: 404, anonymous: 303 } },
  { name: "switch the station A caseworker's privacy mode", request: (w) => [`/admin/staff/${w.staff.caseworker.id}/privacy`, { mode: 'on' }], expect: { admin: 303, supervisor: 303, caseworker: 303, colleague: 404, otherStation: 404, anonymous: 303 } },
  { name: 'GET /admin/stations', request: () => ['/admin/stations', 'get'], expect: { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 200, anonymous: 302 } },
  { name: 'GET station B', request: (w) => [`/admin/stations/${w.stationB}`, 'get'], expect: { admin: 200, supervisor: 404, caseworker: 404, colleague: 404, otherStation: 200, anonymous: 302 } },
  { name: 'POST /admin/stations', request: () => ['/admin/stations', { name: '新站', region: '衡阳', timezone: 'Asia/Shanghai', emergencyNumber: '120' }], expect: { admin: 303, supervisor: 403, caseworker: 403, colleague: 403, otherStation: 403, anonymous: 303 } },
  { name: 'edit station A', request: (w) => [`/admin/stations/${w.stationA}`, { name: '站A', region: 'test', timezone: 'Asia/Shanghai', emergencyNumber: '120' }], expect: { admin: 303, supervisor: 403, caseworker: 403, colleague: 403, otherStation: 404, anonymous: 303 } },
  { name: 'GET /admin/reports', request: () => ['/admin/reports', 'get'], expect: { admin: 200, supervisor: 200, caseworker: 403, colleague: 403, otherStation: 403, anonymous: 302 } },
  { name: 'GET /admin/reports/escalations.csv', request: () => ['/admin/reports/escalations.csv', 'get'], expect: { admin: 200, supervisor: 200, caseworker: 403, colleague: 403, otherStation: 403, anonymous: 302 } },
  { name: 'GET /admin/channels', request: () => ['/admin/channels', 'get'], expect: { admin: 200, supervisor: 200, caseworker: 403, colleague: 403, otherStation: 403, anonymous: 302 } },
];

describeEachDatabase('console: staff, stations, reports and channels — role × route matrix', (db) => {
  let t: TestApp;
  let world: World;
  const browsers = {} as Record<Who, Browser | undefined>;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db());
    for (const role of ROLES) browsers[role] = await signIn(db(), world.staff[role].id);
    browsers.anonymous = undefined;
  });
  afterAll(async () => t?.stop());

  for (const row of MATRIX) {
    it.each(EVERYONE)(`${row.name} by %s`, async (who) => {
      const target = (await extraCaseworker(db(), world.stationA, 'target')).id;
      const [path, form] = row.request(world, target);
      const response = await t.app.request(path, form === 'get' ? get(browsers[who]) : formPost(browsers[who], form));
      expect(response.status).toBe(row.expect[who]);
      if (who === 'anonymous') expect(response.headers.get('location')).toMatch(/^\/admin\/login/);
    });
  }

  it('the area tabs show reports and channels to leads only', async () => {
    const lead = await (await t.app.request('/admin/staff', get(browsers.supervisor))).text();
    expect(lead).toContain('href="/admin/reports"');
    const caseworker = await (await t.app.request('/admin/staff', get(browsers.caseworker))).text();
    expect(caseworker).not.toContain('href="/admin/reports"');
    expect(caseworker).not.toContain('href="/admin/channels"');
  });
});
