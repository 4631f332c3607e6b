import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEntry } from '../../../src/conversation/content/lookup.js';
import type { Prisma } from '../../../src/generated/prisma/client.js';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, buildWorld, formPost, get, ROLES, signIn, type Browser, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'anonymous';
const EVERYONE: Who[] = [...ROLES, 'anonymous'];

const TEXT = { title: '站内心理咨询', body: '每周三下午在站里，可以预约。', phone: '0734-1234567', hours: '周三 14:00–17:00', tags: 'psychological, crisis', sortOrder: '3' };

describeEachDatabase('console: content', (db) => {
  let t: TestApp;
  let world: World;
  const browsers = {} as Record<Who, Browser | undefined>;
  const ids = {} as Record<'global' | 'region' | 'otherRegion' | 'stationA' | 'stationB', string>;

  async function entry(data: Partial<Prisma.ContentEntryUncheckedCreateInput> & { key: string; scope: string }): Promise<string> {
    const row = await db().prisma.contentEntry.create({
      data: { kind: 'HOTLINE', locale: 'zh-CN', title: `标题 ${data.key}`, body: '正文', phone: '12356', tags: ['crisis'], ...data },
    });
    return row.id;
  }

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db());
    for (const role of ROLES) browsers[role] = await signIn(db(), world.staff[role].id);
    browsers.anonymous = undefined;
    ids.global = await entry({ key: 'cn-12356', scope: 'region:CN' });
    ids.region = await entry({ key: 'faq-test-region', kind: 'FAQ', scope: 'region:test', verifyBeforeLaunch: false });
    ids.otherRegion = await entry({ key: 'tw-1925', scope: 'region:TW' });
    ids.stationA = await entry({ key: 'station-a-line', scope: `station:${world.stationA}`, stationId: world.stationA });
    ids.stationB = await entry({ key: 'station-b-line', scope: `station:${world.stationB}`, stationId: world.stationB });
  });
  afterAll(async () => t?.stop());

  const page = async (path: string, who: Who) => (await t.app.request(path, get(browsers[who]))).text();
  const post = (path: string, fields: Record<string, string>, who: Who) => t.app.request(path, formPost(browsers[who], fields));

  describe('list', () => {
    it('shows station staff what applies to their station: national, their region and their own; admins everything', async () => {
      const caseworker = await page('/admin/content', 'caseworker');
      expect(caseworker).toContain(ids.global);
      expect(caseworker).toContain(ids.region);
      expect(caseworker).toContain(ids.stationA);
      expect(caseworker).not.toContain(ids.otherRegion);
      expect(caseworker).not.toContain(ids.stationB);
      expect(caseworker).not.toContain('/admin/content/new');
      const admin = await page('/admin/content', 'admin');
      for (const id of Object.values(ids)) expect(admin).toContain(id);
      expect(admin).toContain(`Station: 站A`);
    });

    it('filters by kind, the verify flag, status, search and (for admins) station', async () => {
      const faqs = await page('/admin/content?kind=FAQ', 'admin');
      expect(faqs).toContain(ids.region);
      expect(faqs).not.toContain(ids.global);
      const unverified = await page('/admin/content?verify=1', 'admin');
      expect(unverified).toContain(ids.global);
      expect(unverified).not.toContain(ids.region);
      expect(unverified).toContain('Verify before launch');
      const searched = await page('/admin/content?q=STATION-B', 'admin');
      expect(searched).toContain(ids.stationB);
      expect(searched).not.toContain(ids.stationA);
      const byStation = await page(`/admin/content?station=${world.stationA}`, 'admin');
      expect(byStation).toContain(ids.stationA);
      expect(byStation).not.toContain(ids.global);
      expect(await page(`/admin/content?station=${world.stationB}`, 'caseworker')).not.toContain(ids.stationB);
      expect(await page('/admin/content?kind=banana', 'admin')).toContain(ids.global);
    });
  });

  describe('editing', () => {
    it('lets a supervisor create an entry, always for their own station, which the chat then uses', async () => {
      const response = await post('/admin/content', { kind: 'RELIEF_PROGRAM', key: 'TEMPORARY_RELIEF', locale: 'zh-CN', scopeType: 'global', ...TEXT }, 'supervisor');
      expect(response.status).toBe(303);
      const created = await db().prisma.contentEntry.findFirstOrThrow({ where: { key: 'TEMPORARY_RELIEF' } });
      expect(response.headers.get('location')).toBe(`/admin/content/${created.id}?done=created`);
      expect(created).toMatchObject({
        scope: `station:${world.stationA}`,
        stationId: world.stationA,
        title: '站内心理咨询',
        phone: '0734-1234567',
        tags: ['psychological', 'crisis'],
        sortOrder: 3,
        verifyBeforeLaunch: false,
        active: true,
      });
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { targetType: 'content-entry', targetId: created.id } });
      expect(audit).toMatchObject({ action: 'content.create', actorId: world.staff.supervisor.id, detail: { scope: `station:${world.stationA}` } });
      const scope = { locale: 'zh-CN' as const, stationId: world.stationA, region: 'test' };
      expect((await findEntry(db().prisma, 'RELIEF_PROGRAM', 'TEMPORARY_RELIEF', scope))?.title).toBe('站内心理咨询');
      expect((await findEntry(db().prisma, 'RELIEF_PROGRAM', 'TEMPORARY_RELIEF', { ...scope, stationId: world.stationB }))?.title).not.toBe('站内心理咨询');
    });

    it('lets a supervisor edit, retire and restore their station’s entry, and the chat stops using a retired one', async () => {
      const id = await entry({ kind: 'RELIEF_PROGRAM', key: 'MINIMUM_LIVING', scope: `station:${world.stationA}`, stationId: world.stationA, title: '旧标题' });
      const edited = await post(`/admin/content/${id}`, { ...TEXT, title: '低保（本站说明）', body: '<script>alert(1)</script> 带上户口本', verifyBeforeLaunch: 'on' }, 'supervisor');
      expect(edited.headers.get('location')).toBe(`/admin/content/${id}?done=updated`);
      const scope = { locale: 'zh-CN' as const, stationId: world.stationA, region: 'test' };
      expect((await findEntry(db().prisma, 'RELIEF_PROGRAM', 'MINIMUM_LIVING', scope))?.title).toBe('低保（本站说明）');
      const html = await page(`/admin/content/${id}`, 'supervisor');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).toContain('上线前需核实');

      expect((await post(`/admin/content/${id}/retire`, {}, 'supervisor')).headers.get('location')).toBe(`/admin/content/${id}?done=retired`);
      expect((await findEntry(db().prisma, 'RELIEF_PROGRAM', 'MINIMUM_LIVING', scope))?.title).not.toBe('低保（本站说明）');
      expect(await page('/admin/content', 'supervisor')).not.toContain(id);
      expect(await page('/admin/content?status=retired', 'supervisor')).toContain(id);
      await post(`/admin/content/${id}/restore`, {}, 'supervisor');
      expect((await db().prisma.contentEntry.findUniqueOrThrow({ where: { id } })).active).toBe(true);
      const actions = await db().prisma.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } });
      expect(actions.map((a) => a.action)).toEqual(['content.update', 'content.retire', 'content.restore']);
    });

    it('shows a supervisor a shared entry read-only, with a way to start their station’s own version', async () => {
      const html = await page(`/admin/content/${ids.global}`, 'supervisor');
      expect(html).not.toContain('id="content-form"');
      expect(html).toContain(`/admin/content/new?from=${ids.global}`);
      const copy = await page(`/admin/content/new?from=${ids.global}`, 'supervisor');
      expect(copy).toContain('value="标题 cn-12356"');
      expect(copy).toContain('value="cn-12356"');
      expect((await post(`/admin/content/${ids.global}`, TEXT, 'supervisor')).status).toBe(403);
      expect((await post(`/admin/content/${ids.global}/retire`, {}, 'supervisor')).status).toBe(403);
    });

    it('lets an admin write for a region or any station, and refuses duplicates and invalid input', async () => {
      const region = await post('/admin/content', { kind: 'FAQ', key: 'faq-hunan', locale: 'en', scopeType: 'region', region: 'CN-Hunan', ...TEXT }, 'admin');
      expect(region.status).toBe(303);
      expect(await db().prisma.contentEntry.findFirst({ where: { key: 'faq-hunan', scope: 'region:CN-Hunan', stationId: null } })).not.toBeNull();
      await post('/admin/content', { kind: 'HOTLINE', key: 'b-only', locale: 'zh-TW', scopeType: 'station', stationId: world.stationB, ...TEXT }, 'admin');
      expect(await db().prisma.contentEntry.findFirst({ where: { key: 'b-only', scope: `station:${world.stationB}`, stationId: world.stationB } })).not.toBeNull();

      const again = await post('/admin/content', { kind: 'FAQ', key: 'faq-hunan', locale: 'en', scopeType: 'region', region: 'CN-Hunan', ...TEXT }, 'admin');
      expect(again.headers.get('location')).toBe('/admin/content/new?error=duplicate');
      const bad = [
        { kind: 'FAQ', key: 'bad key', locale: 'en', scopeType: 'global', ...TEXT },
        { kind: 'FAQ', key: 'ok-key', locale: 'fr', scopeType: 'global', ...TEXT },
        { kind: 'FAQ', key: 'ok-key', locale: 'en', scopeType: 'region', region: '', ...TEXT },
        { kind: 'FAQ', key: 'ok-key', locale: 'en', scopeType: 'station', stationId: 'no-such-station', ...TEXT },
        { kind: 'FAQ', key: 'ok-key', locale: 'en', scopeType: 'global', ...TEXT, title: '   ' },
      ];
      for (const fields of bad) expect((await post('/admin/content', fields, 'admin')).headers.get('location')).toBe('/admin/content/new?error=invalid');
      expect(await db().prisma.contentEntry.count({ where: { key: 'ok-key' } })).toBe(0);
      expect((await post(`/admin/content/${ids.stationB}`, { ...TEXT, body: '' }, 'admin')).headers.get('location')).toBe(`/admin/content/${ids.stationB}?error=invalid`);
    });
  });

  describe('role × route matrix', () => {
    const READ_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 404, anonymous: 302 };
    const EDIT_A: Record<Who, number> = { admin: 303, supervisor: 303, caseworker: 403, colleague: 403, otherStation: 404, anonymous: 303 };
    const NEW: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 403, colleague: 403, otherStation: 403, anonymous: 302 };

    it.each(EVERYONE)('the list for %s', async (who) => {
      expect((await t.app.request('/admin/content', get(browsers[who]))).status).toBe(who === 'anonymous' ? 302 : 200);
    });

    it.each(EVERYONE)('station A’s own entry for %s', async (who) => {
      const response = await t.app.request(`/admin/content/${ids.stationA}`, get(browsers[who]));
      expect(response.status).toBe(READ_A[who]);
      if (response.status === 200) expect((await response.text()).includes('id="content-form"')).toBe(who === 'admin' || who === 'supervisor');
    });

    it.each(EVERYONE)('editing station A’s own entry by %s', async (who) => {
      const response = await post(`/admin/content/${ids.stationA}`, { ...TEXT, title: `by ${who}` }, who);
      expect(response.status).toBe(EDIT_A[who]);
      const title = (await db().prisma.contentEntry.findUniqueOrThrow({ where: { id: ids.stationA } })).title;
      expect(title === `by ${who}`).toBe(EDIT_A[who] === 303 && who !== 'anonymous');
    });

    it.each(EVERYONE)('retiring station A’s own entry by %s', async (who) => {
      const id = await entry({ key: `retire-${who}`, scope: `station:${world.stationA}`, stationId: world.stationA });
      expect((await post(`/admin/content/${id}/retire`, {}, who)).status).toBe(EDIT_A[who]);
    });

    it.each(EVERYONE)('the new-entry form and creating for %s', async (who) => {
      expect((await t.app.request('/admin/content/new', get(browsers[who]))).status).toBe(NEW[who]);
      const response = await post('/admin/content', { kind: 'FAQ', key: `made-by-${who}`, locale: 'zh-CN', scopeType: 'global', ...TEXT }, who);
      expect(response.status).toBe(NEW[who] === 200 ? 303 : NEW[who] === 302 ? 303 : 403);
      expect(await db().prisma.contentEntry.count({ where: { key: `made-by-${who}` } })).toBe(NEW[who] === 200 ? 1 : 0);
    });

    it('a made-up id is a 404', async () => {
      expect((await t.app.request('/admin/content/00000000-0000-0000-0000-000000000000', get(browsers.admin))).status).toBe(404);
    });
  });
});
