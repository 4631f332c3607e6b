import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInviteCode } from '../../../src/core/invite-code.js';
import { describeEachDatabase } from '../../support/database.js';
import { BOT_USERNAME, codeOnPage, telegramReportingUsername } from './people-support.js';
import { buildTestApp, buildWorld, createEscalation, formPost, get, signIn, type Browser, type TestApp, type World } from './world.js';

const HOSTILE = '<script>alert(1)</script>';

function participantFields(world: World, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    displayName: '李四',
    phone: '138 0013 8000',
    stationId: world.stationA,
    caseworkerId: world.staff.caseworker.id,
    backupCaseworkerId: '',
    programme: 'COMMUNITY_TREATMENT',
    track: 'METHADONE',
    riskTier: 'HIGH',
    locale: 'zh-CN',
    status: 'ACTIVE',
    programmeStart: '2026-02-01',
    recoveryStartDate: '2026-02-10',
    birthday: '1985-05-05',
    checkInCadence: '',
    checkInTime: '08:30',
    ...overrides,
  };
}

describeEachDatabase('the People console', (db) => {
  let t: TestApp;
  let bare: TestApp;
  let world: World;
  let caseworker: Browser;
  let colleague: Browser;
  let admin: Browser;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { channels: new Map([['TELEGRAM', telegramReportingUsername()]]) });
    bare = await buildTestApp(db());
    caseworker = await signIn(db(), world.staff.caseworker.id);
    colleague = await signIn(db(), world.staff.colleague.id);
    admin = await signIn(db(), world.staff.admin.id);
  });
  afterAll(async () => {
    await t?.stop();
    await bare?.stop();
  });

  async function listIds(browser: Browser, query = ''): Promise<string[]> {
    const html = await (await t.app.request(`/admin/people${query}`, get(browser))).text();
    return [...html.matchAll(/<li class="person[^"]*" data-id="([^"]+)"/g)].map((m) => m[1] ?? '');
  }

  describe('list', () => {
    it('shows the station to its staff and every station to admins', async () => {
      expect(await listIds(caseworker)).toEqual([world.participantA]);
      expect(new Set(await listIds(admin))).toEqual(new Set([world.participantA, world.participantB]));
      expect(await listIds(caseworker, `?station=${world.stationB}`)).toEqual([]);
    });

    it('searches pseudonym, name and phone fragments, and filters', async () => {
      await db().prisma.participant.update({ where: { id: world.participantA }, data: { phone: '13912345678', track: 'DEPENDENT', riskTier: 'HIGH' } });
      expect(await listIds(admin, `?q=${world.pseudonymA.slice(2, 6).toLowerCase()}`)).toEqual([world.participantA]);
      expect(await listIds(admin, `?q=${encodeURIComponent(`真名${world.pseudonymB}`)}`)).toEqual([world.participantB]);
      expect(await listIds(admin, '?q=1234-567')).toEqual([world.participantA]);
      expect(await listIds(admin, '?track=DEPENDENT')).toEqual([world.participantA]);
      expect(await listIds(admin, '?risk=HIGH')).toEqual([world.participantA]);
      expect(await listIds(admin, '?risk=LOW')).toEqual([]);
      expect(await listIds(admin, '?status=PAUSED')).toEqual([]);
      expect(await listIds(admin, `?caseworker=${world.staff.otherStation.id}`)).toEqual([world.participantB]);
      expect(await listIds(admin, `?station=${world.stationB}`)).toEqual([world.participantB]);
      expect((await listIds(admin, '?track=NOPE')).length).toBe(2);
    });

    it('filters people without a chat account and people whose accounts are all unreachable', async () => {
      await db().prisma.channelIdentity.create({ data: { channel: 'TELEGRAM', externalId: 'u-b-1', chatId: 'c-b-1', participantId: world.participantB, reachable: false } });
      expect(await listIds(admin, '?reach=unlinked')).toEqual([world.participantA]);
      expect(await listIds(admin, '?reach=unreachable')).toEqual([world.participantB]);
      await db().prisma.channelIdentity.create({ data: { channel: 'LINE', externalId: 'u-b-2', chatId: 'c-b-2', participantId: world.participantB } });
      expect(await listIds(admin, '?reach=unreachable')).toEqual([]);
    });

    it('shows a name containing HTML as text', async () => {
      await db().prisma.participant.update({ where: { id: world.participantB }, data: { displayName: HOSTILE } });
      const html = await (await t.app.request('/admin/people', get(admin))).text();
      expect(html).not.toContain(HOSTILE);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      const page = await (await t.app.request(`/admin/people/${world.participantB}`, get(admin))).text();
      expect(page).not.toContain(HOSTILE);
    });
  });

  describe('create and edit', () => {
    it('creates a participant with a pseudonym and an audit row, then shows them', async () => {
      const response = await t.app.request('/admin/people', formPost(caseworker, participantFields(world)));
      expect(response.status).toBe(303);
      const id = /\/admin\/people\/([^?]+)\?done=created/.exec(response.headers.get('location') ?? '')?.[1] ?? '';
      const row = await db().prisma.participant.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ displayName: '李四', phone: '138 0013 8000', track: 'METHADONE', riskTier: 'HIGH', checkInTime: '08:30', caseworkerId: world.staff.caseworker.id });
      expect(row.pseudonym).toMatch(/^P-[2-9A-Z]{5}$/);
      expect(row.programmeStart.toISOString()).toBe('2026-02-01T00:00:00.000Z');
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'participant.create', targetId: id } });
      expect(audit.actorId).toBe(world.staff.caseworker.id);
      expect(JSON.stringify(audit)).not.toContain('李四');
      const page = await (await t.app.request(`/admin/people/${id}?done=created`, get(caseworker))).text();
      expect(page).toContain('已新建');
      expect(page).toContain(row.pseudonym);
    });

    it('refuses invalid input with the fields marked, keeping what was typed', async () => {
      const before = await db().prisma.participant.count();
      const response = await t.app.request(
        '/admin/people',
        formPost(caseworker, participantFields(world, { displayName: '王五', track: 'SOMETHING', checkInCadence: 'sometimes', phone: 'call me' })),
      );
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain('id="track-error"');
      expect(html).toContain('id="checkInCadence-error"');
      expect(html).toContain('id="phone-error"');
      expect(html).toContain('value="王五"');
      expect(await db().prisma.participant.count()).toBe(before);
    });

    it('refuses a caseworker from another station or putting someone on a colleague\'s caseload', async () => {
      const wrongStaff = await t.app.request('/admin/people', formPost(admin, participantFields(world, { caseworkerId: world.staff.otherStation.id })));
      expect(wrongStaff.status).toBe(422);
      expect(await wrongStaff.text()).toContain('id="caseworkerId-error"');
      const otherStation = await t.app.request('/admin/people', formPost(caseworker, participantFields(world, { stationId: world.stationB, caseworkerId: '' })));
      expect(otherStation.status).toBe(422);
      const forColleague = await t.app.request('/admin/people', formPost(caseworker, participantFields(world, { caseworkerId: world.staff.colleague.id })));
      expect(forColleague.status).toBe(403);
      const supervisor = await signIn(db(), world.staff.supervisor.id);
      expect((await t.app.request('/admin/people', formPost(supervisor, participantFields(world, { caseworkerId: world.staff.colleague.id })))).status).toBe(303);
    });

    it('needs the CSRF token', async () => {
      const { _csrf: _ignored, ...fields } = { _csrf: '', ...participantFields(world) };
      const response = await t.app.request('/admin/people', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: caseworker.cookie },
        body: new URLSearchParams(fields).toString(),
      });
      expect(response.status).toBe(403);
    });

    it('edits a record and audits the changed field names only; read-only colleagues cannot', async () => {
      const form = await (await t.app.request(`/admin/people/${world.participantA}/edit`, get(caseworker))).text();
      expect(form).toContain(`真名${world.pseudonymA}`);
      const fields = participantFields(world, { displayName: `真名${world.pseudonymA}`, riskTier: 'LOW', phone: '' });
      const response = await t.app.request(`/admin/people/${world.participantA}`, formPost(caseworker, fields));
      expect(response.headers.get('location')).toBe(`/admin/people/${world.participantA}?done=saved`);
      const row = await db().prisma.participant.findUniqueOrThrow({ where: { id: world.participantA } });
      expect(row).toMatchObject({ riskTier: 'LOW', phone: null, track: 'METHADONE' });
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'participant.update', targetId: world.participantA }, orderBy: { createdAt: 'desc' } });
      expect(audit.detail).toMatchObject({ changed: expect.arrayContaining(['riskTier', 'phone', 'track']) });
      expect(JSON.stringify(audit.detail)).not.toContain('1391');

      expect((await t.app.request(`/admin/people/${world.participantA}/edit`, get(colleague))).status).toBe(403);
      expect((await t.app.request(`/admin/people/${world.participantA}`, formPost(colleague, fields))).status).toBe(403);
      expect((await t.app.request(`/admin/people/${world.participantB}`, formPost(caseworker, fields))).status).toBe(404);
    });

    it('adds and edits family members, audited', async () => {
      const added = await t.app.request(
        `/admin/people/${world.participantA}/family`,
        formPost(caseworker, { displayName: '李母', relation: '母亲', phone: '', locale: 'zh-CN', sharingScope: 'APPOINTMENTS', status: 'ACTIVE' }),
      );
      expect(added.headers.get('location')).toBe(`/admin/people/${world.participantA}?done=family-added`);
      const member = await db().prisma.familyMember.findFirstOrThrow({ where: { participantId: world.participantA, displayName: '李母' } });
      expect(member).toMatchObject({ relation: '母亲', sharingScope: 'APPOINTMENTS' });
      const edited = await t.app.request(
        `/admin/people/${world.participantA}/family/${member.id}`,
        formPost(caseworker, { displayName: '李母', relation: '母亲', phone: '13800000001', locale: 'zh-TW', sharingScope: 'NONE', status: 'ACTIVE' }),
      );
      expect(edited.status).toBe(303);
      expect(await db().prisma.familyMember.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ locale: 'zh-TW', sharingScope: 'NONE', phone: '13800000001' });
      const audits = await db().prisma.auditLog.findMany({ where: { targetType: 'family-member', targetId: member.id }, orderBy: { createdAt: 'asc' } });
      expect(audits.map((a) => a.action)).toEqual(['family.create', 'family.update']);
      const invalid = await t.app.request(`/admin/people/${world.participantA}/family`, formPost(caseworker, { displayName: '', relation: '', sharingScope: 'ALL' }));
      expect(invalid.status).toBe(422);
      expect((await t.app.request(`/admin/people/${world.participantA}/family/${member.id}`, formPost(colleague, { displayName: 'x', relation: 'y' }))).status).toBe(403);
      expect((await t.app.request(`/admin/people/${world.participantB}/family/${member.id}/edit`, get(admin))).status).toBe(404);
    });
  });

  describe('invites', () => {
    it('shows a one-time code, its expiry, the Telegram link with a QR code, and LINE and WeChat instructions', async () => {
      const response = await t.app.request(`/admin/people/${world.participantA}/invites`, formPost(caseworker, {}));
      expect(response.status).toBe(200);
      const html = await response.text();
      const code = codeOnPage(html);
      expect(code).toBeDefined();
      const invite = await db().prisma.invite.findUniqueOrThrow({ where: { codeHash: hashInviteCode((code ?? '').replace('-', '')) } });
      expect(invite).toMatchObject({ target: 'PARTICIPANT', participantId: world.participantA, createdById: world.staff.caseworker.id, usedAt: null });
      expect(invite.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
      expect(html).toContain(`https://t.me/${BOT_USERNAME}?start=${(code ?? '').replace('-', '')}`);
      expect(html).toMatch(/<img class="qr" id="invite-qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
      const svg = Buffer.from(/src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1] ?? '', 'base64').toString();
      expect(svg).toContain('<svg');
      expect(html).toContain('LINE');
      expect(html).toContain('微信');
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'invite.create', targetId: world.participantA } });
      expect(JSON.stringify(audit)).not.toContain(code ?? 'none');
    });

    it('without a known bot username: the code and plain instructions, no QR code', async () => {
      const html = await (await bare.app.request(`/admin/people/${world.participantA}/invites`, formPost(caseworker, {}))).text();
      expect(codeOnPage(html)).toBeDefined();
      expect(html).toContain('id="telegram-instructions"');
      expect(html).not.toContain('t.me/');
      expect(html).not.toContain('id="invite-qr"');
    });

    it('issues codes for family members; refuses read-only staff and other stations', async () => {
      const member = await db().prisma.familyMember.create({ data: { participantId: world.participantA, displayName: '王父', relation: '父亲' } });
      const html = await (await t.app.request(`/admin/people/${world.participantA}/family/${member.id}/invites`, formPost(caseworker, {}))).text();
      const code = codeOnPage(html) ?? '';
      const invite = await db().prisma.invite.findUniqueOrThrow({ where: { codeHash: hashInviteCode(code.replace('-', '')) } });
      expect(invite).toMatchObject({ target: 'FAMILY_MEMBER', familyMemberId: member.id });
      expect(html).toContain('王父');
      expect((await t.app.request(`/admin/people/${world.participantA}/invites`, formPost(colleague, {}))).status).toBe(403);
      expect((await t.app.request(`/admin/people/${world.participantB}/invites`, formPost(caseworker, {}))).status).toBe(404);
      expect((await t.app.request(`/admin/people/${world.participantB}/family/${member.id}/invites`, formPost(admin, {}))).status).toBe(404);
    });
  });

  describe('participant page', () => {
    it('another station\'s person is a 404', async () => {
      expect((await t.app.request(`/admin/people/${world.participantB}`, get(caseworker))).status).toBe(404);
      expect((await t.app.request('/admin/people/00000000-0000-0000-0000-000000000000', get(admin))).status).toBe(404);
    });

    it('shows days in recovery: since the recovery start, or since the last reported use', async () => {
      const person = await db().prisma.participant.create({
        data: {
          stationId: world.stationA,
          caseworkerId: world.staff.caseworker.id,
          pseudonym: `P-R${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
          displayName: '赵六',
          programme: 'COMMUNITY_REHAB',
          track: 'ABSTINENT',
          programmeStart: new Date('2026-01-01T00:00:00Z'),
          recoveryStartDate: new Date(Date.now() - 30 * 24 * 3600_000),
        },
      });
      const first = await (await t.app.request(`/admin/people/${person.id}`, get(admin))).text();
      expect(first).toMatch(/30 days in recovery|31 days in recovery/);
      await db().prisma.checkIn.create({ data: { participantId: person.id, mood: 2, craving: 8, usedSinceLast: true, createdAt: new Date(Date.now() - 3 * 24 * 3600_000) } });
      const second = await (await t.app.request(`/admin/people/${person.id}`, get(admin))).text();
      expect(second).toMatch(/[34] days in recovery/);
    });

    it('merges messages, check-ins, appointments, escalations and relief requests newest first, paged without gaps', async () => {
      const person = await db().prisma.participant.create({
        data: {
          stationId: world.stationA,
          caseworkerId: world.staff.caseworker.id,
          pseudonym: `P-T${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
          displayName: '孙七',
          programme: 'COMMUNITY_REHAB',
          track: 'ABSTINENT',
          programmeStart: new Date('2026-01-01T00:00:00Z'),
        },
      });
      const family = await db().prisma.familyMember.create({ data: { participantId: person.id, displayName: '孙母', relation: '母亲' } });
      const base = Date.now() - 10 * 24 * 3600_000;
      const at = (minutes: number) => new Date(base + minutes * 60_000);
      // 25 messages, some on the very same instant as other kinds, to cross page boundaries with ties.
      for (let i = 0; i < 25; i++) {
        await db().prisma.message.create({ data: { direction: 'INBOUND', channel: 'WEB', participantId: person.id, text: `消息 ${i} ${HOSTILE}`, createdAt: at(i * 10) } });
      }
      await db().prisma.message.create({ data: { direction: 'INBOUND', channel: 'WEB', familyMemberId: family.id, text: '家属的话', createdAt: at(5) } });
      for (let i = 0; i < 10; i++) {
        await db().prisma.checkIn.create({ data: { participantId: person.id, mood: 1 + (i % 5), craving: i, usedSinceLast: i === 4, createdAt: at(i * 10) } });
      }
      const appointment = await db().prisma.appointment.create({
        data: { stationId: world.stationA, kind: 'URINE_TEST', startsAt: at(30), attendees: { create: { participantId: person.id, status: 'ATTENDED', result: 'NEGATIVE' } } },
      });
      await db().prisma.appointment.create({
        data: { stationId: world.stationA, kind: 'CLASS', startsAt: new Date(Date.now() + 3 * 24 * 3600_000), title: '法律常识', attendees: { create: { participantId: person.id } } },
      });
      const escalation = await createEscalation(db(), person.id, { openedAt: at(40) });
      const relief = await db().prisma.reliefRequest.create({ data: { participantId: person.id, program: 'TEMPORARY_RELIEF', answers: {}, createdAt: at(40) } });

      const seen: { kind: string; time: string }[] = [];
      let url: string | undefined = `/admin/people/${person.id}`;
      const pages: string[] = [];
      while (url) {
        const html: string = await (await t.app.request(url, get(caseworker))).text();
        pages.push(html);
        expect(html).not.toContain(HOSTILE);
        for (const m of html.matchAll(/<li class="tl tl-[^"]+" data-kind="([^"]+)"><time datetime="([^"]+)"/g)) seen.push({ kind: m[1] ?? '', time: m[2] ?? '' });
        const next: string | undefined = /<a href="([^"]+)" id="timeline-older"/.exec(html)?.[1];
        url = next ? next.replace(/&amp;/g, '&').replace(/#timeline$/, '') : undefined;
      }
      expect(pages).toHaveLength(2);
      const count = (kind: string) => seen.filter((s) => s.kind === kind).length;
      expect([count('message'), count('check-in'), count('appointment'), count('escalation'), count('relief')]).toEqual([26, 10, 1, 1, 1]);
      const times = seen.map((s) => Date.parse(s.time));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(times[0]).toBe(at(240).getTime());
      const all = pages.join('');
      expect(all).toContain('>家属的话<');
      expect(all).toContain('孙母 (母亲)');
      expect(all).toContain(`/admin/escalations/${escalation.id}`);
      expect(all).toContain('临时救助');
      expect(all.match(new RegExp(`data-kind="appointment"`, 'g'))).toHaveLength(1);
      // The class three days ahead is coming up, not history.
      expect(pages[0]).toMatch(/<ul class="upcoming"><li>.*法律常识/);
      void appointment;
      void relief;
    });

    it('draws mood and craving as inline SVG, with reported use marked', async () => {
      const person = await db().prisma.participant.findFirstOrThrow({ where: { displayName: '孙七' } });
      const html = await (await t.app.request(`/admin/people/${person.id}`, get(caseworker))).text();
      expect(html).toContain('<svg');
      expect(html.match(/<circle class="dot mood"/g)).toHaveLength(10);
      expect(html.match(/<circle class="dot craving"/g)).toHaveLength(10);
      expect(html.match(/<line class="use-mark"/g)).toHaveLength(1);
      expect(html).toMatch(/<polyline class="line mood" points="[\d.]+,[\d.]+( [\d.]+,[\d.]+){9}"/);
      expect(html).not.toMatch(/<script>|style="/);
    });

    it('records every view of the page, whose timeline shows messages, in the audit log', async () => {
      const person = await db().prisma.participant.findFirstOrThrow({ where: { displayName: '孙七' } });
      const before = await db().prisma.auditLog.count({ where: { action: 'view-messages', targetId: person.id, actorId: world.staff.colleague.id } });
      await t.app.request(`/admin/people/${person.id}`, get(colleague));
      await t.app.request(`/admin/people/${person.id}`, get(colleague));
      const rows = await db().prisma.auditLog.findMany({ where: { action: 'view-messages', targetId: person.id, actorId: world.staff.colleague.id }, orderBy: { createdAt: 'asc' } });
      expect(rows.length - before).toBe(2);
      expect(rows.at(-1)).toMatchObject({ targetType: 'participant', detail: { via: 'participant', messages: 22 } });
    });

    it('speaks the staff member\'s language', async () => {
      expect(await (await t.app.request(`/admin/people/${world.participantA}`, get(admin))).text()).toContain('Timeline');
      expect(await (await t.app.request(`/admin/people/${world.participantA}`, get(caseworker))).text()).toContain('时间线');
    });
  });
});
