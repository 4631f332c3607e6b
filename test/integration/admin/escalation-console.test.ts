import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_LIMIT } from '../../../src/admin/escalations/queue-query.js';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, buildWorld, createEscalation, formPost, get, signIn, type Browser, type TestApp, type World } from './world.js';

const HOSTILE = '<script>alert(1)</script><b>x</b>';

describeEachDatabase('the escalation queue and its actions', (db) => {
  let t: TestApp;
  let world: World;
  let caseworker: Browser;
  let admin: Browser;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db());
    caseworker = await signIn(db(), world.staff.caseworker.id);
    admin = await signIn(db(), world.staff.admin.id);
  });
  afterAll(async () => t?.stop());

  async function queueIds(browser: Browser, query = ''): Promise<string[]> {
    const html = await (await t.app.request(`/admin/escalations/list${query}`, get(browser, { 'x-requested-with': 'fetch' }))).text();
    return [...html.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1] ?? '');
  }

  describe('queue', () => {
    it('orders open and acknowledged escalations by level, then oldest first, and leaves resolved ones out', async () => {
      await db().prisma.escalation.deleteMany();
      const base = Date.now() - 3600_000;
      const oldL2 = await createEscalation(db(), world.participantA, { level: 2, openedAt: new Date(base) });
      const newL4 = await createEscalation(db(), world.participantA, { level: 4, openedAt: new Date(base + 60_000) });
      const oldL4 = await createEscalation(db(), world.participantA, { level: 4, openedAt: new Date(base - 60_000), status: 'ACKNOWLEDGED' });
      const l3 = await createEscalation(db(), world.participantA, { level: 3, openedAt: new Date(base + 120_000) });
      const resolved = await createEscalation(db(), world.participantA, { level: 4, status: 'RESOLVED' });
      expect(await queueIds(caseworker)).toEqual([oldL4.id, newL4.id, l3.id, oldL2.id]);
      expect(await queueIds(caseworker, '?status=OPEN')).toEqual([newL4.id, l3.id, oldL2.id]);
      expect(await queueIds(caseworker, '?status=RESOLVED')).toEqual([resolved.id]);
      expect(await queueIds(caseworker, '?level=3')).toEqual([oldL4.id, newL4.id, l3.id]);
      expect(await queueIds(caseworker, '?level=banana')).toHaveLength(4);
    });

    it(`keeps the most urgent ${QUEUE_LIMIT} across open and acknowledged escalations`, async () => {
      await db().prisma.escalation.deleteMany();
      const base = Date.now() - 24 * 3600_000;
      const many = (count: number, level: number, status: 'OPEN' | 'ACKNOWLEDGED', offsetMinutes: number) =>
        Array.from({ length: count }, (_, i) => {
          const openedAt = new Date(base + (offsetMinutes + i) * 60_000);
          return { participantId: world.participantA, level, categories: ['distress'], status, openedAt, ackDeadline: openedAt, excerpt: { entries: [] } };
        });
      // Older level-2s than everything else, so that "oldest first" alone would pick them.
      const rows = [...many(150, 2, 'OPEN', 0), ...many(150, 3, 'ACKNOWLEDGED', 500), ...many(30, 4, 'OPEN', 1000), ...many(30, 3, 'OPEN', 200)];
      await db().prisma.escalation.createMany({ data: rows });
      const ids = await queueIds(caseworker);
      expect(ids).toHaveLength(QUEUE_LIMIT);
      const shown = await db().prisma.escalation.findMany({ where: { id: { in: ids } }, select: { id: true, level: true, openedAt: true } });
      const byId = new Map(shown.map((e) => [e.id, e]));
      const levels = ids.map((id) => byId.get(id)?.level);
      expect(levels.filter((l) => l === 4)).toHaveLength(30);
      expect(levels.filter((l) => l === 3)).toHaveLength(170);
      const expected = [...shown].sort((a, b) => b.level - a.level || a.openedAt.getTime() - b.openedAt.getTime()).map((e) => e.id);
      expect(ids).toEqual(expected);
      // The 170 level-3s are the 30 open ones before the 140 oldest acknowledged.
      const threes = ids.filter((id) => byId.get(id)?.level === 3).map((id) => byId.get(id)?.openedAt.getTime() ?? 0);
      expect(threes.at(-1)).toBe(base + (500 + 139) * 60_000);
    });

    it('lets admins filter by station; other staff cannot widen their scope with it', async () => {
      const b = await createEscalation(db(), world.participantB, { level: 2 });
      expect(await queueIds(admin, `?station=${world.stationB}`)).toEqual([b.id]);
      expect(await queueIds(caseworker, `?station=${world.stationB}`)).not.toContain(b.id);
      const adminPage = await (await t.app.request('/admin/escalations', get(admin))).text();
      expect(adminPage).toContain('name="station"');
      const caseworkerPage = await (await t.app.request('/admin/escalations', get(caseworker))).text();
      expect(caseworkerPage).not.toContain('name="station"');
    });

    it('"my caseload only" shows the caseworker\'s own people', async () => {
      const colleague = await signIn(db(), world.staff.colleague.id);
      expect((await queueIds(colleague)).length).toBeGreaterThan(0);
      expect(await queueIds(colleague, '?mine=1')).toEqual([]);
      expect((await queueIds(caseworker, '?mine=1')).length).toBeGreaterThan(0);
    });

    it('shows the time left to acknowledge, or how long it is overdue', async () => {
      await db().prisma.escalation.deleteMany();
      await createEscalation(db(), world.participantA, { ackDeadline: new Date(Date.now() + 25 * 60_000 + 30_000) });
      await createEscalation(db(), world.participantA, { level: 4, ackDeadline: new Date(Date.now() - 3 * 3600_000 - 60_000) });
      const html = await (await t.app.request('/admin/escalations', get(admin))).text();
      expect(html).toContain('25 min left to acknowledge');
      expect(html).toMatch(/Overdue by 3 h 1 min/);
    });

    it('escapes message text', async () => {
      await createEscalation(db(), world.participantA, { text: HOSTILE });
      for (const path of ['/admin/escalations', '/admin/escalations/list']) {
        const html = await (await t.app.request(path, get(caseworker))).text();
        expect(html).not.toContain(HOSTILE);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;');
      }
    });

    it('records shown excerpts as message views, once per person and viewer however often the list refreshes', async () => {
      const viewer = await signIn(db(), world.staff.supervisor.id);
      await t.app.request('/admin/escalations', get(viewer));
      await t.app.request('/admin/escalations/list', get(viewer));
      await t.app.request('/admin/escalations/list', get(viewer));
      const rows = await db().prisma.auditLog.findMany({ where: { actorId: world.staff.supervisor.id, action: 'view-messages' } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ targetType: 'participant', targetId: world.participantA, detail: { via: 'queue' } });
    });

    it('speaks the staff member\'s language', async () => {
      expect(await (await t.app.request('/admin/escalations', get(admin))).text()).toContain('Escalation queue');
      expect(await (await t.app.request('/admin/escalations', get(caseworker))).text()).toContain('预警队列');
    });
  });

  describe('detail page', () => {
    it('writes a view-messages audit row on every view', async () => {
      const { id } = await createEscalation(db(), world.participantA, { text: HOSTILE });
      const before = await db().prisma.auditLog.count({ where: { actorId: world.staff.caseworker.id, action: 'view-messages', targetId: world.participantA } });
      const html = await (await t.app.request(`/admin/escalations/${id}`, get(caseworker))).text();
      await t.app.request(`/admin/escalations/${id}`, get(caseworker));
      expect(html).not.toContain(HOSTILE);
      expect(html).toContain('&lt;script&gt;');
      const rows = await db().prisma.auditLog.findMany({
        where: { actorId: world.staff.caseworker.id, action: 'view-messages', targetId: world.participantA },
        orderBy: { createdAt: 'asc' },
      });
      expect(rows.length - before).toBe(2);
      expect(rows.at(-1)).toMatchObject({ targetType: 'participant', detail: { via: 'escalation', escalationId: id } });
    });

    it('does not show the real name of the person, only the pseudonym', async () => {
      const { id } = await createEscalation(db(), world.participantA);
      const html = await (await t.app.request(`/admin/escalations/${id}`, get(caseworker))).text();
      expect(html).toContain(world.pseudonymA);
      expect(html).not.toContain(`真名${world.pseudonymA}`);
    });
  });

  describe('actions', () => {
    async function post(id: string, action: string, fields: Record<string, string> = {}, browser = caseworker) {
      return t.app.request(`/admin/escalations/${id}/${action}`, formPost(browser, fields));
    }

    async function trail(id: string) {
      const events = await db().prisma.escalationEvent.findMany({ where: { escalationId: id, actorId: { not: null } }, orderBy: { createdAt: 'asc' } });
      const audits = await db().prisma.auditLog.findMany({ where: { targetType: 'escalation', targetId: id }, orderBy: { createdAt: 'asc' } });
      return { events: events.map((e) => e.type), audits: audits.map((a) => a.action) };
    }

    it('acknowledge, assign, note and resolve each leave an EscalationEvent and an AuditLog row, and show in the history', async () => {
      const { id } = await createEscalation(db(), world.participantA);
      const ack = await post(id, 'ack');
      expect(ack.headers.get('location')).toBe(`/admin/escalations/${id}?done=ack`);
      await post(id, 'assign', { assigneeId: world.staff.colleague.id });
      await post(id, 'note', { note: '明早电话回访 <i>重要</i>' });
      await post(id, 'resolve', { outcome: 'REFERRED', note: '已转介医院' });
      expect(await trail(id)).toEqual({
        events: ['ACKNOWLEDGED', 'ASSIGNED', 'NOTE', 'RESOLVED'],
        audits: ['escalation.acknowledge', 'escalation.assign', 'escalation.note', 'escalation.resolve'],
      });
      const escalation = await db().prisma.escalation.findUniqueOrThrow({ where: { id } });
      expect(escalation).toMatchObject({ status: 'RESOLVED', outcome: 'REFERRED', resolutionNote: '已转介医院', assignedToId: world.staff.colleague.id });
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { targetId: id, action: 'escalation.resolve' } });
      expect(audit).toMatchObject({ actorId: world.staff.caseworker.id, detail: { outcome: 'REFERRED' } });
      expect(JSON.stringify(audit.detail)).not.toContain('已转介医院');

      const html = await (await t.app.request(`/admin/escalations/${id}?done=resolve`, get(caseworker))).text();
      expect(html).toContain('已结案');
      expect(html).toContain('分配给 colleague 的名字');
      expect(html).toContain('明早电话回访 &lt;i&gt;重要&lt;/i&gt;');
      expect(html).toContain('已处理：已转介');
      expect(html).not.toContain('/resolve"');
    });

    it('resolving an escalation nobody acknowledged counts as its acknowledgement', async () => {
      const { id } = await createEscalation(db(), world.participantA);
      await post(id, 'resolve', { outcome: 'FALSE_ALARM' });
      const escalation = await db().prisma.escalation.findUniqueOrThrow({ where: { id } });
      expect(escalation.status).toBe('RESOLVED');
      expect(escalation.acknowledgedAt).not.toBeNull();
    });

    it('tells the second person that a colleague already acted', async () => {
      const { id } = await createEscalation(db(), world.participantA);
      await post(id, 'ack');
      const second = await post(id, 'ack', {}, await signIn(db(), world.staff.supervisor.id));
      expect(second.headers.get('location')).toBe(`/admin/escalations/${id}?error=conflict`);
      await post(id, 'resolve', { outcome: 'CONTACTED' });
      expect((await post(id, 'resolve', { outcome: 'VISITED' })).headers.get('location')).toContain('error=conflict');
      expect((await db().prisma.escalation.findUniqueOrThrow({ where: { id } })).outcome).toBe('CONTACTED');
    });

    it('refuses invalid input without changing anything', async () => {
      const { id } = await createEscalation(db(), world.participantA);
      expect((await post(id, 'resolve', { outcome: 'MADE_UP' })).headers.get('location')).toContain('error=invalid');
      expect((await post(id, 'note', { note: '   ' })).headers.get('location')).toContain('error=invalid');
      // Staff of another station cannot be assigned.
      expect((await post(id, 'assign', { assigneeId: world.staff.otherStation.id })).headers.get('location')).toContain('error=invalid');
      expect((await post(id, 'frobnicate')).status).toBe(404);
      expect((await trail(id)).events).toEqual([]);
    });

    it('an admin can act on every station', async () => {
      const { id } = await createEscalation(db(), world.participantB);
      expect((await post(id, 'ack', {}, admin)).status).toBe(303);
      expect((await db().prisma.escalation.findUniqueOrThrow({ where: { id } })).status).toBe('ACKNOWLEDGED');
    });
  });
});
