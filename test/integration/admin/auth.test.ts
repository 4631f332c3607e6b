import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import { LOCKOUT, SESSION_IDLE_MS } from '../../../src/admin/auth/policy.js';
import { createSession } from '../../../src/admin/auth/sessions.js';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, buildWorld, formPost, get, PASSWORD, signIn, type TestApp, type World } from './world.js';

/** Fills the login form as a browser would: GET it for the form cookie and field, then POST. */
async function logIn(app: TestApp['app'], login: string, password: string, headers: Record<string, string> = {}) {
  const page = await app.request('/admin/login', { headers });
  const html = await page.text();
  const formToken = /name="_form" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const formCookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const response = await app.request('/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie, ...headers },
    body: new URLSearchParams({ _form: formToken, login, password, next: '/admin/escalations' }).toString(),
  });
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('tx_admin=')) ?? '';
  return { response, setCookie, cookie: setCookie.split(';')[0] ?? '', html: response.status === 303 ? '' : await response.text() };
}

describeEachDatabase('console authentication', (db) => {
  let t: TestApp;
  let world: World;
  let now = new Date();
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { clock, publicUrl: 'https://console.example.org' });
  });
  afterAll(async () => t?.stop());

  describe('login', () => {
    it('logs in with the right password: an HttpOnly, SameSite=Lax, Secure session cookie for /admin, stored as a hash', async () => {
      const { response, setCookie, cookie } = await logIn(t.app, world.staff.caseworker.login, PASSWORD, { origin: 'https://console.example.org' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/admin/escalations');
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).toMatch(/Secure/i);
      expect(setCookie).toMatch(/Path=\/admin/);
      const token = cookie.split('=')[1] ?? '';
      expect(await db().prisma.session.count({ where: { tokenHash: token } })).toBe(0);
      expect(await db().prisma.session.count({ where: { staffUserId: world.staff.caseworker.id } })).toBeGreaterThan(0);
      const page = await t.app.request('/admin/escalations', { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await db().prisma.auditLog.count({ where: { action: 'auth.login', actorId: world.staff.caseworker.id } })).toBe(1);
    });

    it('refuses a wrong password with a 401 and the same message as for an unknown login', async () => {
      const wrong = await logIn(t.app, world.staff.supervisor.login, 'not the password');
      const unknown = await logIn(t.app, 'nobody-here', 'not the password');
      expect(wrong.response.status).toBe(401);
      expect(unknown.response.status).toBe(401);
      expect(wrong.html).toContain('用户名或密码不正确');
      expect(unknown.html).toContain('用户名或密码不正确');
      expect(wrong.setCookie).toBe('');
    });

    it('speaks English to an English browser before login', async () => {
      const page = await t.app.request('/admin/login', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(await page.text()).toContain('Log in');
    });

    it(`locks the account after ${LOCKOUT.maxFailures} wrong passwords, even against the right one, for ${LOCKOUT.lockMs / 60_000} minutes`, async () => {
      const login = world.staff.colleague.login;
      for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) expect((await logIn(t.app, login, `wrong ${i}`)).response.status).toBe(401);
      const locking = await logIn(t.app, login, 'wrong again');
      expect(locking.response.status).toBe(429);
      const staff = await db().prisma.staffUser.findUniqueOrThrow({ where: { id: world.staff.colleague.id } });
      expect(staff.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT.lockMs);
      const right = await logIn(t.app, login, PASSWORD);
      expect(right.response.status).toBe(429);
      expect(right.html).toMatch(/锁定|locked/);
      expect(await db().prisma.auditLog.count({ where: { action: 'auth.locked', targetId: world.staff.colleague.id } })).toBe(1);

      now = new Date(now.getTime() + LOCKOUT.lockMs + 1000);
      const after = await logIn(t.app, login, PASSWORD);
      expect(after.response.status).toBe(303);
      expect((await db().prisma.staffUser.findUniqueOrThrow({ where: { id: world.staff.colleague.id } })).failedLogins).toBe(0);
    }, 90_000);

    it('locks an unknown login the same way, so a lock does not reveal that a login exists', async () => {
      for (let i = 0; i < LOCKOUT.maxFailures; i++) await logIn(t.app, 'ghost', `guess ${i}`);
      expect((await logIn(t.app, 'ghost', 'guess again')).response.status).toBe(429);
    }, 90_000);

    it('refuses a login form without its form token (login CSRF) or from another origin', async () => {
      const noToken = await t.app.request('/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: world.staff.admin.login, password: PASSWORD }).toString(),
      });
      expect(noToken.status).toBe(403);
      const foreign = await logIn(t.app, world.staff.admin.login, PASSWORD, { origin: 'https://evil.example' });
      expect(foreign.response.status).toBe(403);
    });

    it('a new login in the same browser ends the session it replaces', async () => {
      const old = await signIn(db(), world.staff.supervisor.id);
      const page = await t.app.request('/admin/login', { headers: { cookie: 'tx_admin=not-a-live-session-token-000' } });
      const html = await page.text();
      const formToken = /name="_form" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const formCookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const response = await t.app.request('/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${formCookie}; ${old.cookie}` },
        body: new URLSearchParams({ _form: formToken, login: world.staff.supervisor.login, password: PASSWORD }).toString(),
      });
      expect(response.status).toBe(303);
      expect((await db().prisma.session.findUniqueOrThrow({ where: { id: old.sessionId } })).revokedAt).not.toBeNull();
    });

    it('sends a signed-in browser back only to console paths', async () => {
      const page = await t.app.request('/admin/login?next=//evil.example/x');
      expect(await page.text()).toContain('name="next" value="/admin/escalations"');
    });
  });

  describe('sessions', () => {
    it('logout revokes the session on the server: the old cookie no longer works', async () => {
      const browser = await signIn(db(), world.staff.supervisor.id);
      const response = await t.app.request('/admin/logout', formPost(browser, {}));
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/admin/login?out=1');
      expect(response.headers.getSetCookie().some((c) => /^tx_admin=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
      const session = await db().prisma.session.findUniqueOrThrow({ where: { id: browser.sessionId } });
      expect(session.revokedAt).not.toBeNull();
      const again = await t.app.request('/admin/escalations', get(browser));
      expect(again.status).toBe(302);
      expect(again.headers.get('location')).toContain('expired=1');
    });

    it('ends a session after two idle hours', async () => {
      const { token } = await createSession(db().prisma, world.staff.admin.id, now);
      expect((await t.app.request('/admin/escalations', { headers: { cookie: `tx_admin=${token}` } })).status).toBe(200);
      now = new Date(now.getTime() + SESSION_IDLE_MS + 1000);
      expect((await t.app.request('/admin/escalations', { headers: { cookie: `tx_admin=${token}` } })).status).toBe(302);
    });

    it('ends every session of a deactivated staff member', async () => {
      const { token } = await createSession(db().prisma, world.staff.otherStation.id, now);
      await db().prisma.staffUser.update({ where: { id: world.staff.otherStation.id }, data: { active: false } });
      expect((await t.app.request('/admin/escalations', { headers: { cookie: `tx_admin=${token}` } })).status).toBe(302);
      await db().prisma.staffUser.update({ where: { id: world.staff.otherStation.id }, data: { active: true } });
    });
  });

  describe('password change', () => {
    it('needs the current password, a long enough new one typed twice, and ends the other sessions', async () => {
      const mine = await createSession(db().prisma, world.staff.admin.id, now);
      const other = await createSession(db().prisma, world.staff.admin.id, now);
      const browser = { cookie: `tx_admin=${mine.token}`, csrf: mine.session.csrfToken, sessionId: mine.session.id };

      const wrong = await t.app.request('/admin/password', formPost(browser, { current: 'nope nope nope', next: 'a brand new password', confirm: 'a brand new password' }));
      expect(wrong.status).toBe(422);
      expect(await wrong.text()).toContain('The current password is wrong');
      const short = await t.app.request('/admin/password', formPost(browser, { current: PASSWORD, next: 'short', confirm: 'short' }));
      expect(short.status).toBe(422);
      const mismatch = await t.app.request('/admin/password', formPost(browser, { current: PASSWORD, next: 'a brand new password', confirm: 'a different password' }));
      expect(mismatch.status).toBe(422);

      const done = await t.app.request('/admin/password', formPost(browser, { current: PASSWORD, next: 'a brand new password', confirm: 'a brand new password' }));
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe('/admin/password?done=1');
      expect((await t.app.request('/admin/escalations', get(browser))).status).toBe(200);
      expect((await t.app.request('/admin/escalations', { headers: { cookie: `tx_admin=${other.token}` } })).status).toBe(302);
      expect((await logIn(t.app, world.staff.admin.login, 'a brand new password')).response.status).toBe(303);
      expect((await logIn(t.app, world.staff.admin.login, PASSWORD)).response.status).toBe(401);
      expect(await db().prisma.auditLog.count({ where: { action: 'auth.password-changed', actorId: world.staff.admin.id } })).toBe(1);
    }, 90_000);
  });
});
