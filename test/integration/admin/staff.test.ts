import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkAccount } from '../../../src/pipeline/link-account.js';
import { verifyPassword } from '../../../src/security/password.js';
import { describeEachDatabase } from '../../support/database.js';
import { extraCaseworker, statusOnlyAdapter } from './staff-fixtures.js';
import { buildTestApp, buildWorld, formPost, get, signIn, type Browser, type TestApp, type World } from './world.js';

const HOSTILE = '<script>alert(1)</script>';

describeEachDatabase('console: staff accounts, chat linking and privacy mode', (db) => {
  let t: TestApp;
  let world: World;
  let admin: Browser;
  let supervisor: Browser;
  let caseworker: Browser;
  let colleague: Browser;

  beforeAll(async () => {
    world = await buildWorld(db());
    const telegram = statusOnlyAdapter('TELEGRAM', () => ({ state: 'running', botUsername: 'tongxing_test_bot' }));
    const line = statusOnlyAdapter('LINE', () => ({ state: 'running' }));
    t = await buildTestApp(db(), { channels: new Map([['TELEGRAM', telegram], ['LINE', line]]) });
    admin = await signIn(db(), world.staff.admin.id);
    supervisor = await signIn(db(), world.staff.supervisor.id);
    caseworker = await signIn(db(), world.staff.caseworker.id);
    colleague = await signIn(db(), world.staff.colleague.id);
  });
  afterAll(async () => t?.stop());

  const logins = (html: string) => Object.values(world.staff).filter((s) => html.includes(`>${s.login}<`)).map((s) => s.login);

  describe('list', () => {
    it('admins see everyone, supervisors their station, caseworkers only themselves', async () => {
      const all = await (await t.app.request('/admin/staff', get(admin))).text();
      expect(logins(all)).toEqual(Object.values(world.staff).map((s) => s.login));
      const station = await (await t.app.request('/admin/staff', get(supervisor))).text();
      expect(logins(station).sort()).toEqual([world.staff.supervisor.login, world.staff.caseworker.login, world.staff.colleague.login].sort());
      const own = await (await t.app.request('/admin/staff', get(caseworker))).text();
      expect(logins(own)).toEqual([world.staff.caseworker.login]);
      expect(own).not.toContain('id="create-staff"');
    });

    it('shows names as text', async () => {
      const hostile = await extraCaseworker(db(), world.stationA);
      await db().prisma.staffUser.update({ where: { id: hostile.id }, data: { displayName: HOSTILE } });
      const html = await (await t.app.request('/admin/staff', get(supervisor))).text();
      expect(html).not.toContain(HOSTILE);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  });

  describe('create', () => {
    it('a supervisor creates a caseworker at their station; the generated password is shown once and works', async () => {
      const response = await t.app.request('/admin/staff', formPost(supervisor, { role: 'CASEWORKER', stationId: world.stationA, login: 'new.worker', displayName: '新社工', locale: 'en', password: '' }));
      expect(response.status).toBe(201);
      const html = await response.text();
      const password = /id="initial-password">([^<]+)</.exec(html)?.[1] ?? '';
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
      const created = await db().prisma.staffUser.findUniqueOrThrow({ where: { login: 'new.worker' } });
      expect(created).toMatchObject({ role: 'CASEWORKER', stationId: world.stationA, locale: 'en', displayName: '新社工', active: true });
      expect(await verifyPassword(password, created.passwordHash)).toBe(true);
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'staff.create', targetId: created.id } });
      expect(audit.actorId).toBe(world.staff.supervisor.id);
      expect(audit.detail).toMatchObject({ via: 'console', role: 'CASEWORKER' });
      expect(JSON.stringify(audit.detail)).not.toContain(password);
    });

    it('a chosen password is kept and not shown', async () => {
      const response = await t.app.request('/admin/staff', formPost(admin, { role: 'SUPERVISOR', stationId: world.stationB, login: 'lead.b', locale: 'zh-CN', password: 'a chosen passphrase' }));
      expect(response.status).toBe(201);
      expect(await response.text()).not.toContain('initial-password');
      const created = await db().prisma.staffUser.findUniqueOrThrow({ where: { login: 'lead.b' } });
      expect(await verifyPassword('a chosen passphrase', created.passwordHash)).toBe(true);
    });

    it('a supervisor may not create a supervisor, nor a caseworker elsewhere; caseworkers create nobody', async () => {
      const asSupervisor = (fields: Record<string, string>) => t.app.request('/admin/staff', formPost(supervisor, { locale: 'zh-CN', password: '', ...fields }));
      expect((await asSupervisor({ role: 'SUPERVISOR', stationId: world.stationA, login: 'sneaky1' })).status).toBe(403);
      expect((await asSupervisor({ role: 'CASEWORKER', stationId: world.stationB, login: 'sneaky2' })).status).toBe(403);
      const byCaseworker = await t.app.request('/admin/staff', formPost(caseworker, { role: 'CASEWORKER', stationId: world.stationA, login: 'sneaky3', locale: 'zh-CN' }));
      expect(byCaseworker.status).toBe(403);
      expect(await db().prisma.staffUser.count({ where: { login: { startsWith: 'sneaky' } } })).toBe(0);
    });

    it('explains a taken login, a bad login and a short password (422), keeping what was typed', async () => {
      const taken = await t.app.request('/admin/staff', formPost(admin, { role: 'CASEWORKER', stationId: world.stationA, login: world.staff.caseworker.login, displayName: '保留我', locale: 'zh-CN' }));
      expect(taken.status).toBe(422);
      const html = await taken.text();
      expect(html).toContain('This login is already taken.');
      expect(html).toContain('value="保留我"');
      const bad = await t.app.request('/admin/staff', formPost(admin, { role: 'CASEWORKER', stationId: world.stationA, login: 'no spaces', locale: 'zh-CN' }));
      expect(bad.status).toBe(422);
      const short = await t.app.request('/admin/staff', formPost(admin, { role: 'CASEWORKER', stationId: world.stationA, login: 'shorty', locale: 'zh-CN', password: 'short' }));
      expect(short.status).toBe(422);
      const noStation = await t.app.request('/admin/staff', formPost(admin, { role: 'CASEWORKER', stationId: '', login: 'nostation', locale: 'zh-CN' }));
      expect(noStation.status).toBe(422);
      expect(await noStation.text()).toContain('Supervisors and caseworkers belong to a station.');
    });
  });

  describe('account actions', () => {
    it('reset password: a generated one is shown once, every session of that account ends', async () => {
      const target = await extraCaseworker(db(), world.stationA);
      const session1 = await signIn(db(), target.id);
      await signIn(db(), target.id);
      const response = await t.app.request(`/admin/staff/${target.id}/password`, formPost(supervisor, { password: '' }));
      expect(response.status).toBe(200);
      const password = /class="secret">([^<]+)</.exec(await response.text())?.[1] ?? '';
      const row = await db().prisma.staffUser.findUniqueOrThrow({ where: { id: target.id } });
      expect(await verifyPassword(password, row.passwordHash)).toBe(true);
      expect(await db().prisma.session.count({ where: { staffUserId: target.id, revokedAt: null } })).toBe(0);
      const after = await t.app.request('/admin/staff', get(session1));
      expect(after.status).toBe(302);
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'staff.password-reset', targetId: target.id } });
      expect(audit.detail).toMatchObject({ revokedSessions: 2, generated: true });
    });

    it('a chosen new password redirects; one too short is refused', async () => {
      const target = await extraCaseworker(db(), world.stationA);
      const ok = await t.app.request(`/admin/staff/${target.id}/password`, formPost(admin, { password: 'another long passphrase' }));
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe(`/admin/staff/${target.id}?done=password`);
      const short = await t.app.request(`/admin/staff/${target.id}/password`, formPost(admin, { password: 'short' }));
      expect(short.status).toBe(422);
    });

    it('deactivate ends sessions and blocks login; reactivate restores the account', async () => {
      const target = await extraCaseworker(db(), world.stationA);
      const browser = await signIn(db(), target.id);
      expect((await t.app.request(`/admin/staff/${target.id}/active`, formPost(supervisor, { active: '0' }))).status).toBe(303);
      expect((await db().prisma.staffUser.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(false);
      expect((await t.app.request('/admin/staff', get(browser))).status).toBe(302);
      const page = await (await t.app.request(`/admin/staff/${target.id}`, get(supervisor))).text();
      expect(page).toContain('已停用');
      expect(page).not.toContain('id="issue-invite"');
      expect((await t.app.request(`/admin/staff/${target.id}/active`, formPost(supervisor, { active: '1' }))).status).toBe(303);
      expect((await db().prisma.staffUser.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
      const actions = (await db().prisma.auditLog.findMany({ where: { targetId: target.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
      expect(actions).toEqual(['staff.deactivate', 'staff.reactivate']);
    });

    it('nobody deactivates themselves here, and supervisors do not manage other supervisors or admins', async () => {
      expect((await t.app.request(`/admin/staff/${world.staff.admin.id}/active`, formPost(admin, { active: '0' }))).status).toBe(403);
      expect((await t.app.request(`/admin/staff/${world.staff.supervisor.id}/password`, formPost(supervisor, { password: '' }))).status).toBe(403);
      expect((await t.app.request(`/admin/staff/${world.staff.admin.id}/active`, formPost(supervisor, { active: '0' }))).status).toBe(404);
    });
  });

  describe('chat linking', () => {
    it('a caseworker issues their own code: shown once with the Telegram deep link and QR, only its hash stored, and it links through the pipeline', async () => {
      const response = await t.app.request(`/admin/staff/${world.staff.caseworker.id}/invite`, formPost(caseworker, {}));
      expect(response.status).toBe(200);
      const html = await response.text();
      const code = /id="invite-code">([^<]+)</.exec(html)?.[1] ?? '';
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(html).toContain(`href="https://t.me/tongxing_test_bot?start=${code.replace('-', '')}"`);
      expect(html).toMatch(/<img class="qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
      expect(html).toContain(`然后发送 ${code}`); // LINE's instructions; WeChat is not switched on here
      expect(html).not.toContain('微信');
      const invite = await db().prisma.invite.findFirstOrThrow({ where: { staffUserId: world.staff.caseworker.id } });
      expect(invite).toMatchObject({ target: 'STAFF', createdById: world.staff.caseworker.id, usedAt: null });
      expect(JSON.stringify(invite)).not.toContain(code.replace('-', ''));
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'staff.invite', targetId: world.staff.caseworker.id } });
      expect(JSON.stringify(audit.detail)).not.toContain(code.replace('-', ''));

      const now = new Date();
      const outcome = await db().prisma.$transaction((tx) =>
        linkAccount(tx, { channel: 'TELEGRAM', eventKey: 'e1', externalUserId: 'tg-cw-1', chatId: 'tg-cw-1', kind: 'text', text: `/start ${code}`, sentAt: now.toISOString() }, now),
      );
      expect(outcome.kind).toBe('linked');
      const profile = await (await t.app.request(`/admin/staff/${world.staff.caseworker.id}`, get(caseworker))).text();
      expect(profile).toContain('Telegram');
      expect(profile).toContain('/unlink"');
    });

    it('unlinks a chat account (owner or supervisor), not one belonging to someone else', async () => {
      const identity = await db().prisma.channelIdentity.create({ data: { channel: 'LINE', externalId: `U${Date.now()}`, chatId: 'c', staffUserId: world.staff.caseworker.id } });
      const other = await db().prisma.channelIdentity.create({ data: { channel: 'LINE', externalId: `V${Date.now()}`, chatId: 'c', staffUserId: world.staff.colleague.id } });
      const wrong = await t.app.request(`/admin/staff/${world.staff.caseworker.id}/unlink`, formPost(caseworker, { identityId: other.id }));
      expect(wrong.status).toBe(404);
      const byColleague = await t.app.request(`/admin/staff/${world.staff.caseworker.id}/unlink`, formPost(colleague, { identityId: identity.id }));
      expect(byColleague.status).toBe(404);
      const ok = await t.app.request(`/admin/staff/${world.staff.caseworker.id}/unlink`, formPost(caseworker, { identityId: identity.id }));
      expect(ok.status).toBe(303);
      expect(await db().prisma.channelIdentity.findUnique({ where: { id: identity.id } })).toBeNull();
      expect(await db().prisma.channelIdentity.findUnique({ where: { id: other.id } })).not.toBeNull();
    });

    it('privacy mode: a caseworker switches their own; a colleague cannot', async () => {
      const own = await t.app.request(`/admin/staff/${world.staff.caseworker.id}/privacy`, formPost(caseworker, { mode: 'on' }));
      expect(own.status).toBe(303);
      expect((await db().prisma.staffUser.findUniqueOrThrow({ where: { id: world.staff.caseworker.id } })).alertPrivacyMode).toBe(true);
      const page = await (await t.app.request(`/admin/staff/${world.staff.caseworker.id}?done=privacy`, get(caseworker))).text();
      expect(page).toContain('隐私模式已更新');
      expect((await t.app.request(`/admin/staff/${world.staff.caseworker.id}/privacy`, formPost(colleague, { mode: 'off' }))).status).toBe(404);
      expect((await t.app.request(`/admin/staff/${world.staff.caseworker.id}/privacy`, formPost(supervisor, { mode: 'off' }))).status).toBe(303);
      expect((await db().prisma.staffUser.findUniqueOrThrow({ where: { id: world.staff.caseworker.id } })).alertPrivacyMode).toBe(false);
    });

    it('without a valid CSRF token nothing changes', async () => {
      const response = await t.app.request(`/admin/staff/${world.staff.caseworker.id}/privacy`, formPost({ ...caseworker, csrf: 'wrong' }, { mode: 'on' }));
      expect(response.status).toBe(403);
      expect((await db().prisma.staffUser.findUniqueOrThrow({ where: { id: world.staff.caseworker.id } })).alertPrivacyMode).toBe(false);
    });
  });
});
