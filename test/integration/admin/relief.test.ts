import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { createRelief, linkChat, queuedTexts } from './relief-fixtures.js';
import { buildTestApp, buildWorld, formPost, get, ROLES, signIn, type Browser, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'anonymous';
const EVERYONE: Who[] = [...ROLES, 'anonymous'];

// 10:00 in Shanghai: outside quiet hours.
const DAY = new Date('2026-03-04T02:00:00Z');

describeEachDatabase('console: relief requests', (db) => {
  let t: TestApp;
  let world: World;
  let now = DAY;
  let wakes = 0;
  const browsers = {} as Record<Who, Browser | undefined>;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { clock: { now: () => now }, onOutboxChanged: () => void wakes++ });
    for (const role of ROLES) browsers[role] = await signIn(db(), world.staff[role].id);
    browsers.anonymous = undefined;
  });
  afterAll(async () => t?.stop());

  const move = (id: string, fields: Record<string, string>, who: Who = 'caseworker') =>
    t.app.request(`/admin/relief/${id}/status`, formPost(browsers[who], fields));

  describe('the board', () => {
    it('shows each request in its status column with the programme, the pre-screen answers and its age, within the role scope', async () => {
      await db().prisma.reliefRequest.deleteMany();
      const fresh = await createRelief(db(), world.participantA, { createdAt: new Date(DAY.getTime() - 3 * 3600_000) });
      const submitted = await createRelief(db(), world.participantA, {
        program: 'MEDICAL_ASSISTANCE',
        status: 'SUBMITTED',
        answers: { highCosts: true, insured: false, hardship: true },
      });
      const other = await createRelief(db(), world.participantB);

      const html = await (await t.app.request('/admin/relief', get(browsers.caseworker))).text();
      const column = (status: string) => html.slice(html.indexOf(`id="col-${status}"`), html.indexOf('</section>', html.indexOf(`id="col-${status}"`)));
      expect(column('NEW')).toContain(`data-id="${fresh}"`);
      expect(column('SUBMITTED')).toContain(`data-id="${submitted}"`);
      expect(html).not.toContain(other);
      expect(column('NEW')).toContain('临时救助');
      expect(column('NEW')).toContain(world.pseudonymA);
      expect(column('NEW')).toContain('3 小时 0 分钟前提交');
      expect(column('NEW')).toContain('预筛：可能符合');
      expect(column('NEW')).toContain('最近是否遇到了突发的困难');
      expect(column('SUBMITTED')).toContain('预筛：不确定');
      expect(html).not.toContain(`真名${world.pseudonymA}`);

      const adminHtml = await (await t.app.request('/admin/relief', get(browsers.admin))).text();
      expect(adminHtml).toContain(other);
      expect(adminHtml).toContain('Temporary relief');
      const filtered = await (await t.app.request(`/admin/relief?station=${world.stationB}`, get(browsers.admin))).text();
      expect(filtered).toContain(other);
      expect(filtered).not.toContain(fresh);
      const byProgram = await (await t.app.request('/admin/relief?program=MEDICAL_ASSISTANCE', get(browsers.caseworker))).text();
      expect(byProgram).toContain(submitted);
      expect(byProgram).not.toContain(fresh);
      expect(await (await t.app.request('/admin/relief?mine=1', get(browsers.colleague))).text()).not.toContain(fresh);
    });

    it('offers the move form only on requests the staff member may act on', async () => {
      const id = await createRelief(db(), world.participantA);
      const own = await (await t.app.request('/admin/relief', get(browsers.caseworker))).text();
      expect(own).toContain(`/admin/relief/${id}/status`);
      const colleague = await (await t.app.request('/admin/relief', get(browsers.colleague))).text();
      expect(colleague).toContain(`data-id="${id}"`);
      expect(colleague).not.toContain(`/admin/relief/${id}/status`);
    });
  });

  describe('moving a request', () => {
    it('changes the status, writes an audit row without the note, and queues the news in the person’s language on each chat account', async () => {
      await db().prisma.participant.update({ where: { id: world.participantA }, data: { locale: 'en' } });
      const telegram = await linkChat(db(), world.participantA, 'TELEGRAM');
      const line = await linkChat(db(), world.participantA, 'LINE');
      const stopped = await linkChat(db(), world.participantA, 'WECHAT', { optedOut: true });
      const elsewhere = await linkChat(db(), world.participantB, 'TELEGRAM');
      const id = await createRelief(db(), world.participantA);
      const before = wakes;

      const response = await move(id, { from: 'NEW', to: 'IN_PROGRESS', note: 'Bring your ID card on Friday <b>please</b>' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/admin/relief?done=queued&count=2');
      expect(wakes).toBe(before + 1);

      const request = await db().prisma.reliefRequest.findUniqueOrThrow({ where: { id } });
      expect(request).toMatchObject({ status: 'IN_PROGRESS', handledById: world.staff.caseworker.id, note: 'Bring your ID card on Friday <b>please</b>' });
      const expected =
        'News about your application for Temporary relief (临时救助): your caseworker is now preparing it with you and will contact you if anything is needed.\n\n' +
        'From your caseworker: Bring your ID card on Friday <b>please</b>';
      expect(await queuedTexts(db(), telegram)).toEqual([expected]);
      expect(await queuedTexts(db(), line)).toEqual([expected]);
      expect(await queuedTexts(db(), stopped)).toEqual([]);
      expect(await queuedTexts(db(), elsewhere)).toEqual([]);
      const rows = await db().prisma.outboxMessage.findMany({ where: { identityId: { in: [telegram, line] } } });
      expect(rows.map((r) => ({ channel: r.channel, priority: r.priority, isReply: r.isReply, at: r.nextAttemptAt.getTime() }))).toEqual(
        expect.arrayContaining([
          { channel: 'TELEGRAM', priority: 5, isReply: false, at: DAY.getTime() },
          { channel: 'LINE', priority: 5, isReply: false, at: DAY.getTime() },
        ]),
      );

      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { targetType: 'relief-request', targetId: id } });
      expect(audit).toMatchObject({ action: 'relief.status', actorId: world.staff.caseworker.id, detail: { from: 'NEW', to: 'IN_PROGRESS', delivery: 'queued', accounts: 2 } });
      expect(JSON.stringify(audit.detail)).not.toContain('ID card');

      const page = await (await t.app.request(`/admin/relief/${id}?done=queued&count=2`, get(browsers.caseworker))).text();
      expect(page).toContain('状态已更新，消息已排队发给本人（2 个聊天账号）');
      expect(page).toContain('新申请 → 准备中');
      expect(page).toContain('Bring your ID card on Friday &lt;b&gt;please&lt;/b&gt;');
    });

    it('writes in traditional Chinese for a zh-TW person, and each later status has its own message', async () => {
      await db().prisma.participant.update({ where: { id: world.participantA }, data: { locale: 'zh-TW' } });
      await db().prisma.channelIdentity.deleteMany({ where: { participantId: world.participantA } });
      const telegram = await linkChat(db(), world.participantA, 'TELEGRAM');
      const id = await createRelief(db(), world.participantA, { program: 'MINIMUM_LIVING', status: 'IN_PROGRESS' });
      await move(id, { from: 'IN_PROGRESS', to: 'SUBMITTED' });
      now = new Date(DAY.getTime() + 60_000);
      await move(id, { from: 'SUBMITTED', to: 'APPROVED', note: '' }, 'supervisor');
      now = DAY;
      expect(await queuedTexts(db(), telegram)).toEqual([
        '你申請的「最低生活保障（低保）」已經交上去了，正在等審核結果，有消息會馬上告訴你。',
        '好消息：你申請的「最低生活保障（低保）」已經批下來了。具體怎麼領取，社工會和你說。',
      ]);
    });

    it('does not message a person who sent STOP, and tells the caseworker to phone instead', async () => {
      await db().prisma.channelIdentity.deleteMany({ where: { participantId: world.participantA } });
      const stopped = await linkChat(db(), world.participantA, 'TELEGRAM', { optedOut: true });
      const id = await createRelief(db(), world.participantA);
      const response = await move(id, { from: 'NEW', to: 'DECLINED', note: '请来站里面谈' });
      expect(response.headers.get('location')).toBe('/admin/relief?done=opted-out');
      expect(await queuedTexts(db(), stopped)).toEqual([]);
      expect((await db().prisma.reliefRequest.findUniqueOrThrow({ where: { id } })).status).toBe('DECLINED');
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { targetId: id } });
      expect(audit.detail).toMatchObject({ delivery: 'opted-out' });
      const board = await (await t.app.request('/admin/relief?done=opted-out', get(browsers.caseworker))).text();
      expect(board).toContain('本人已退订（STOP），没有发消息，请电话告知');
    });

    it('holds the message until quiet hours end', async () => {
      await db().prisma.channelIdentity.deleteMany({ where: { participantId: world.participantA } });
      const telegram = await linkChat(db(), world.participantA, 'TELEGRAM');
      const id = await createRelief(db(), world.participantA);
      now = new Date('2026-03-04T15:00:00Z'); // 23:00 in Shanghai
      const response = await move(id, { from: 'NEW', to: 'IN_PROGRESS' });
      now = DAY;
      expect(response.headers.get('location')).toBe(`/admin/relief?${new URLSearchParams({ done: 'queued', count: '1', later: '2026-03-05 08:00' }).toString()}`);
      const [row] = await db().prisma.outboxMessage.findMany({ where: { identityId: telegram } });
      expect(row?.nextAttemptAt.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    });

    it('says nothing to the person when a request goes back to NEW', async () => {
      await db().prisma.channelIdentity.deleteMany({ where: { participantId: world.participantA } });
      const telegram = await linkChat(db(), world.participantA, 'TELEGRAM');
      const id = await createRelief(db(), world.participantA, { status: 'IN_PROGRESS' });
      const response = await move(id, { from: 'IN_PROGRESS', to: 'NEW', note: 'oops' });
      expect(response.headers.get('location')).toBe('/admin/relief?done=no-message');
      expect(await queuedTexts(db(), telegram)).toEqual([]);
    });

    it('refuses a stale or invalid move without changing anything or messaging anyone', async () => {
      await db().prisma.channelIdentity.deleteMany({ where: { participantId: world.participantA } });
      const telegram = await linkChat(db(), world.participantA, 'TELEGRAM');
      const id = await createRelief(db(), world.participantA, { status: 'SUBMITTED' });
      expect((await move(id, { from: 'NEW', to: 'APPROVED' })).headers.get('location')).toBe('/admin/relief?error=conflict');
      expect((await move(id, { from: 'SUBMITTED', to: 'SUBMITTED' })).headers.get('location')).toBe('/admin/relief?error=invalid');
      expect((await move(id, { from: 'SUBMITTED', to: 'LOST', back: 'detail' })).headers.get('location')).toBe(`/admin/relief/${id}?error=invalid`);
      expect((await move(id, { from: 'SUBMITTED', to: 'APPROVED', note: 'x'.repeat(501) })).headers.get('location')).toBe('/admin/relief?error=invalid');
      expect((await db().prisma.reliefRequest.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');
      expect(await queuedTexts(db(), telegram)).toEqual([]);
      expect(await db().prisma.auditLog.count({ where: { targetId: id } })).toBe(0);
      const html = await (await t.app.request('/admin/relief?error=conflict', get(browsers.caseworker))).text();
      expect(html).toContain('其他同事刚更新了这份申请');
    });
  });

  describe('role × route matrix', () => {
    const READ_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 404, anonymous: 302 };
    const READ_B: Record<Who, number> = { admin: 200, supervisor: 404, caseworker: 404, colleague: 404, otherStation: 200, anonymous: 302 };
    const MOVE_A: Record<Who, number> = { admin: 303, supervisor: 303, caseworker: 303, colleague: 403, otherStation: 404, anonymous: 303 };

    it.each(EVERYONE)('the board for %s', async (who) => {
      const response = await t.app.request('/admin/relief', get(browsers[who]));
      expect(response.status).toBe(who === 'anonymous' ? 302 : 200);
    });

    it.each(EVERYONE)('a request on station A for %s', async (who) => {
      const id = await createRelief(db(), world.participantA);
      expect((await t.app.request(`/admin/relief/${id}`, get(browsers[who]))).status).toBe(READ_A[who]);
    });

    it.each(EVERYONE)('a request on station B for %s', async (who) => {
      const id = await createRelief(db(), world.participantB);
      expect((await t.app.request(`/admin/relief/${id}`, get(browsers[who]))).status).toBe(READ_B[who]);
    });

    it.each(EVERYONE)('moving a request on station A by %s', async (who) => {
      const id = await createRelief(db(), world.participantA);
      const response = await move(id, { from: 'NEW', to: 'IN_PROGRESS' }, who);
      expect(response.status).toBe(MOVE_A[who]);
      if (who === 'anonymous') expect(response.headers.get('location')).toMatch(/^\/admin\/login/);
      const status = (await db().prisma.reliefRequest.findUniqueOrThrow({ where: { id } })).status;
      expect(status).toBe(MOVE_A[who] === 303 && who !== 'anonymous' ? 'IN_PROGRESS' : 'NEW');
    });

    it.each(EVERYONE)('an invalid move on station A by %s is still a 404 or 403 first', async (who) => {
      const id = await createRelief(db(), world.participantA);
      const response = await move(id, { from: 'NEW', to: 'BANANA' }, who);
      const expected: Record<Who, number> = { ...MOVE_A, otherStation: 404, colleague: 403 };
      expect(response.status).toBe(expected[who]);
    });

    it('a made-up id is a 404', async () => {
      expect((await t.app.request('/admin/relief/00000000-0000-0000-0000-000000000000', get(browsers.admin))).status).toBe(404);
      expect((await move('00000000-0000-0000-0000-000000000000', { from: 'NEW', to: 'IN_PROGRESS' }, 'admin')).status).toBe(404);
    });
  });
});
