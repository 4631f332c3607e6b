import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { linkChat, queuedTexts } from './relief-fixtures.js';
import { buildTestApp, buildWorld, formPost, get, ROLES, signIn, type Browser, type RoleName, type TestApp, type World } from './world.js';

type Who = RoleName | 'anonymous';
const EVERYONE: Who[] = [...ROLES, 'anonymous'];

// 10:00 in Shanghai: outside quiet hours.
const NOW = new Date('2026-03-04T02:00:00Z');
const BODY = '本周六上午 9 点集中教育课，地点：站里多功能教室。';

describeEachDatabase('console: broadcasts', (db) => {
  let t: TestApp;
  let world: World;
  let wakes = 0;
  let now = NOW;
  const browsers = {} as Record<Who, Browser | undefined>;
  const reached: string[] = [];
  const leftOut: string[] = [];

  async function person(stationId: string, pseudonym: string, data: { mutedUntil?: Date } = {}) {
    const row = await db().prisma.participant.create({
      data: { stationId, pseudonym: `${pseudonym}-${Math.random().toString(36).slice(2, 7)}`, displayName: pseudonym, programme: 'COMMUNITY_REHAB', track: 'ABSTINENT', programmeStart: new Date('2026-01-05'), ...data },
    });
    return row.id;
  }

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { clock: { now: () => now }, onOutboxChanged: () => void wakes++ });
    for (const role of ROLES) browsers[role] = await signIn(db(), world.staff[role].id);
    browsers.anonymous = undefined;
    // Station A: one person on two apps, a family member, one who sent STOP, one muted, one with no chat account.
    reached.push(await linkChat(db(), world.participantA, 'TELEGRAM'), await linkChat(db(), world.participantA, 'LINE'));
    const mother = await db().prisma.familyMember.create({ data: { participantId: world.participantA, displayName: '妈妈', relation: 'mother' } });
    reached.push((await db().prisma.channelIdentity.create({ data: { channel: 'WECHAT', externalId: 'mother-wx', chatId: 'mother-wx', familyMemberId: mother.id } })).id);
    leftOut.push(await linkChat(db(), await person(world.stationA, 'STOP'), 'TELEGRAM', { optedOut: true }));
    leftOut.push(await linkChat(db(), await person(world.stationA, 'MUTED', { mutedUntil: new Date('2026-04-01T00:00:00Z') }), 'TELEGRAM'));
    await person(world.stationA, 'NOCHAT');
    leftOut.push(await linkChat(db(), world.participantB, 'TELEGRAM'));
  });
  afterAll(async () => t?.stop());

  const post = (path: string, fields: Record<string, string>, who: Who) => t.app.request(path, formPost(browsers[who], fields));

  async function draft(who: Who, fields: Record<string, string> = {}): Promise<string> {
    const response = await post('/admin/broadcasts/preview', { stationId: world.stationA, audience: 'BOTH', body: BODY, ...fields }, who);
    const location = response.headers.get('location') ?? '';
    const id = /^\/admin\/broadcasts\/([0-9a-f-]{36})$/.exec(location)?.[1];
    if (!id) throw new Error(`no draft: ${response.status} ${location}`);
    return id;
  }

  it('previews the recipient count without sending, then sends exactly that many through the outbox, skipping people who opted out', async () => {
    const id = await draft('caseworker');
    const html = await (await t.app.request(`/admin/broadcasts/${id}`, get(browsers.caseworker))).text();
    const previewed = Number(/id="recipient-count" data-count="(\d+)"/.exec(html)?.[1]);
    expect(previewed).toBe(3);
    expect(html).toContain('将发送 3 条消息，发给 2 人');
    expect(html).toContain('已退订 1 人，联系不上 0 人，暂停提醒 1 人，未绑定聊天账号 1 人');
    expect(html).toContain(`【站A】\n${BODY}`);
    expect(await db().prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `broadcast:${id}:` } } })).toBe(0);

    const before = wakes;
    const sent = await post(`/admin/broadcasts/${id}/send`, {}, 'caseworker');
    expect(sent.headers.get('location')).toBe('/admin/broadcasts?done=sent&count=3');
    expect(wakes).toBe(before + 1);
    const rows = await db().prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `broadcast:${id}:` } } });
    expect(rows).toHaveLength(previewed);
    expect(rows.map((r) => r.identityId).sort()).toEqual([...reached].sort());
    expect(rows.every((r) => r.priority === 9 && !r.isReply)).toBe(true);
    for (const identity of leftOut) expect(await queuedTexts(db(), identity)).toEqual([]);

    const broadcast = await db().prisma.broadcast.findUniqueOrThrow({ where: { id } });
    expect(broadcast).toMatchObject({ recipientCount: 3, createdById: world.staff.caseworker.id, sentAt: NOW });
    const audits = await db().prisma.auditLog.findMany({ where: { targetType: 'broadcast', targetId: id }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['broadcast.draft', 'broadcast.send']);
    expect(audits[1]?.detail).toMatchObject({ recipients: 3 });
    expect(JSON.stringify(audits.map((a) => a.detail))).not.toContain('集中教育课');

    const list = await (await t.app.request('/admin/broadcasts?done=sent&count=3', get(browsers.caseworker))).text();
    expect(list).toContain('已发送：3 条消息已排入发送队列');
    expect(list).toContain('2026-03-04 10:00 发送，3 条消息');
  });

  it('never sends the same broadcast twice', async () => {
    const id = await draft('supervisor', { audience: 'PARTICIPANTS' });
    await post(`/admin/broadcasts/${id}/send`, {}, 'supervisor');
    const again = await post(`/admin/broadcasts/${id}/send`, {}, 'caseworker');
    expect(again.headers.get('location')).toBe(`/admin/broadcasts/${id}?error=already`);
    expect(await db().prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `broadcast:${id}:` } } })).toBe(2);
    expect(await db().prisma.auditLog.count({ where: { targetId: id, action: 'broadcast.send' } })).toBe(1);
  });

  it('warns about quiet hours in the preview, and the messages wait for the morning', async () => {
    now = new Date('2026-03-04T15:00:00Z'); // 23:00 in Shanghai
    const id = await draft('caseworker', { audience: 'FAMILIES' });
    const html = await (await t.app.request(`/admin/broadcasts/${id}`, get(browsers.caseworker))).text();
    expect(html).toContain('消息会在 2026-03-05 08:00 开始发送');
    await post(`/admin/broadcasts/${id}/send`, {}, 'caseworker');
    now = NOW;
    const [row] = await db().prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `broadcast:${id}:` } } });
    expect(row?.nextAttemptAt.toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  it('shows the announcement as text and refuses an empty, overlong or other-station one', async () => {
    const id = await draft('caseworker', { body: '<script>alert(1)</script>' });
    const html = await (await t.app.request(`/admin/broadcasts/${id}`, get(browsers.caseworker))).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    const before = await db().prisma.broadcast.count();
    for (const fields of [{ body: '   ' }, { body: 'x'.repeat(1001) }, { audience: 'EVERYONE' }, { stationId: world.stationB }]) {
      const response = await post('/admin/broadcasts/preview', { stationId: world.stationA, audience: 'BOTH', body: BODY, ...fields }, 'caseworker');
      expect(response.headers.get('location')).toBe('/admin/broadcasts?error=invalid');
    }
    expect(await db().prisma.broadcast.count()).toBe(before);
  });

  it('lets an admin write to any station; station staff see only their station’s broadcasts', async () => {
    const id = await draft('admin', { stationId: world.stationB, audience: 'PARTICIPANTS' });
    expect((await t.app.request(`/admin/broadcasts/${id}`, get(browsers.caseworker))).status).toBe(404);
    expect((await post(`/admin/broadcasts/${id}/send`, {}, 'caseworker')).status).toBe(404);
    expect(await (await t.app.request('/admin/broadcasts', get(browsers.caseworker))).text()).not.toContain(id);
    expect(await (await t.app.request('/admin/broadcasts', get(browsers.otherStation))).text()).toContain(id);
    const page = await (await t.app.request('/admin/broadcasts', get(browsers.caseworker))).text();
    expect(page).not.toContain(`value="${world.stationB}"`);
  });

  describe('role × route matrix', () => {
    const READ_A: Record<Who, number> = { admin: 200, supervisor: 200, caseworker: 200, colleague: 200, otherStation: 404, anonymous: 302 };
    const SEND_A: Record<Who, number> = { admin: 303, supervisor: 303, caseworker: 303, colleague: 303, otherStation: 404, anonymous: 303 };

    it.each(EVERYONE)('the broadcasts page for %s', async (who) => {
      expect((await t.app.request('/admin/broadcasts', get(browsers[who]))).status).toBe(who === 'anonymous' ? 302 : 200);
    });

    it.each(EVERYONE)('a draft for station A for %s', async (who) => {
      const id = await draft('supervisor');
      expect((await t.app.request(`/admin/broadcasts/${id}`, get(browsers[who]))).status).toBe(READ_A[who]);
    });

    it.each(EVERYONE)('sending a draft for station A by %s', async (who) => {
      const id = await draft('supervisor', { audience: 'FAMILIES' });
      const response = await post(`/admin/broadcasts/${id}/send`, {}, who);
      expect(response.status).toBe(SEND_A[who]);
      if (who === 'anonymous') expect(response.headers.get('location')).toMatch(/^\/admin\/login/);
      const sentAt = (await db().prisma.broadcast.findUniqueOrThrow({ where: { id } })).sentAt;
      expect(sentAt !== null).toBe(SEND_A[who] === 303 && who !== 'anonymous');
    });

    it.each(EVERYONE)('composing for station A by %s', async (who) => {
      const response = await post('/admin/broadcasts/preview', { stationId: world.stationA, audience: 'BOTH', body: BODY }, who);
      expect(response.status).toBe(303);
      const location = response.headers.get('location') ?? '';
      if (who === 'anonymous') expect(location).toMatch(/^\/admin\/login/);
      else if (who === 'otherStation') expect(location).toBe('/admin/broadcasts?error=invalid');
      else expect(location).toMatch(/^\/admin\/broadcasts\/[0-9a-f-]{36}$/);
    });
  });
});
