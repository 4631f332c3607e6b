import { afterAll, beforeAll, expect, it } from 'vitest';
import { schedulerSettings } from '../../../src/scheduler/index.js';
import { createAdminApp } from '../../../src/admin/app.js';
import { startEscalationNotifier } from '../../../src/admin/live/notifier.js';
import { systemClock } from '../../../src/core/clock.js';
import { hashInviteCode } from '../../../src/core/invite-code.js';
import { createHttpApp } from '../../../src/http/app.js';
import { describeEachDatabase } from '../../support/database.js';
import { testLogger } from '../../support/service.js';
import { BOT_USERNAME, telegramReportingUsername } from './people-support.js';
import { buildTestApp, buildWorld, get, signIn, tokenFor, type TestApp, type World } from './world.js';

interface ParticipantBody {
  participant: { id: string; pseudonym: string; stationId: string; caseworkerId: string | null; track: string; daysInRecovery: number | null; family: { id: string }[] };
}

describeEachDatabase('JSON API: participants and family members', (db) => {
  let t: TestApp;
  let bare: TestApp;
  let world: World;
  let token: string;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { channels: new Map([['TELEGRAM', telegramReportingUsername()]]), publicUrl: 'https://tongxing.example.org' });
    bare = await buildTestApp(db());
    token = await tokenFor(db(), 'caseworker app', world.staff.caseworker.login);
  });
  afterAll(async () => {
    await t?.stop();
    await bare?.stop();
  });

  const headers = () => ({ authorization: `Bearer ${token}` });
  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { ...headers(), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const valid = { displayName: '周八', programme: 'COMMUNITY_REHAB', track: 'DEPENDENT', programmeStart: '2026-03-01', recoveryStartDate: '2026-03-02', phone: '+86 139 0000 0000' };

  it('creates a participant on the caseworker\'s own station and caseload (201), audited with the token', async () => {
    const response = await t.app.request('/api/v1/participants', post({ ...valid, caseworkerId: world.staff.caseworker.id }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as ParticipantBody;
    expect(body.participant).toMatchObject({ stationId: world.stationA, caseworkerId: world.staff.caseworker.id, track: 'DEPENDENT', family: [] });
    expect(body.participant.pseudonym).toMatch(/^P-/);
    expect(typeof body.participant.daysInRecovery).toBe('number');
    const row = await db().prisma.apiToken.findFirstOrThrow({ where: { name: 'caseworker app' } });
    const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'participant.create', targetId: body.participant.id } });
    expect(audit).toMatchObject({ actorId: world.staff.caseworker.id, tokenId: row.id });
  });

  it('422 for invalid bodies, 403 for someone else\'s caseload, 422 for a station the caller cannot see', async () => {
    const before = await db().prisma.participant.count();
    for (const body of [{}, { ...valid, track: 'X' }, { ...valid, programmeStart: '2026-13-01' }, { ...valid, pseudonym: 'P-MINE1' }, { ...valid, checkInTime: '25:00' }, 'not json']) {
      const response = await t.app.request('/api/v1/participants', post(body));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid');
    }
    const colleague = await t.app.request('/api/v1/participants', post({ ...valid, caseworkerId: world.staff.colleague.id }));
    expect(colleague.status).toBe(403);
    const station = await t.app.request('/api/v1/participants', post({ ...valid, stationId: world.stationB, caseworkerId: null }));
    expect(station.status).toBe(422);
    expect(await station.json()).toEqual({ error: { code: 'invalid', message: expect.stringContaining('stationId') } });
    expect(await db().prisma.participant.count()).toBe(before);
  });

  it('lists with filters and paging; 422 for an unknown filter value or parameter', async () => {
    const dependent = (await (await t.app.request('/api/v1/participants?track=DEPENDENT', { headers: headers() })).json()) as { participants: { track: string }[]; total: number };
    expect(dependent.participants.length).toBeGreaterThan(0);
    expect(new Set(dependent.participants.map((p) => p.track))).toEqual(new Set(['DEPENDENT']));
    const search = (await (await t.app.request(`/api/v1/participants?q=${world.pseudonymA}`, { headers: headers() })).json()) as { participants: { id: string }[] };
    expect(search.participants.map((p) => p.id)).toEqual([world.participantA]);
    expect((await t.app.request('/api/v1/participants?risk=EXTREME', { headers: headers() })).status).toBe(422);
    expect((await t.app.request('/api/v1/participants?colour=red', { headers: headers() })).status).toBe(422);
  });

  it('reads one participant with family, no message text; another station\'s is a 404', async () => {
    await db().prisma.message.create({ data: { direction: 'INBOUND', channel: 'WEB', participantId: world.participantA, text: 'private words' } });
    const response = await t.app.request(`/api/v1/participants/${world.participantA}`, { headers: headers() });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('private words');
    expect(JSON.parse(text)).toMatchObject({ participant: { id: world.participantA, pseudonym: world.pseudonymA } });
    const other = await t.app.request(`/api/v1/participants/${world.participantB}`, { headers: headers() });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('updates a record with PUT; 422 for a bad body, 404 for another station', async () => {
    const put = (id: string, body: unknown): RequestInit => ({ method: 'PUT', headers: { ...headers(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const full = { ...valid, displayName: `真名${world.pseudonymA}`, caseworkerId: world.staff.caseworker.id, riskTier: 'HIGH' };
    const response = await t.app.request(`/api/v1/participants/${world.participantA}`, put(world.participantA, full));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ participant: { track: 'DEPENDENT' } });
    expect((await t.app.request(`/api/v1/participants/${world.participantA}`, put(world.participantA, { track: 'DEPENDENT' }))).status).toBe(422);
    expect((await t.app.request(`/api/v1/participants/${world.participantB}`, put(world.participantB, full))).status).toBe(404);
  });

  it('issues an invite: {code, expiresAt, links} with the Telegram deep link; the stored hash matches', async () => {
    const response = await t.app.request(`/api/v1/participants/${world.participantA}/invites`, { method: 'POST', headers: headers() });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { code: string; expiresAt: string; links: { telegram: string | null; web: string | null } };
    expect(Object.keys(body).sort()).toEqual(['code', 'expiresAt', 'links']);
    expect(body.links.telegram).toBe(`https://t.me/${BOT_USERNAME}?start=${body.code.replace('-', '')}`);
    const invite = await db().prisma.invite.findUniqueOrThrow({ where: { codeHash: hashInviteCode(body.code.replace('-', '')) } });
    expect(invite.expiresAt.toISOString()).toBe(body.expiresAt);
    expect(invite.participantId).toBe(world.participantA);

    const plain = (await (await bare.app.request(`/api/v1/participants/${world.participantA}/invites`, { method: 'POST', headers: headers() })).json()) as {
      links: { telegram: string | null };
    };
    expect(plain.links.telegram).toBeNull();
    const withBody = await t.app.request(`/api/v1/participants/${world.participantA}/invites`, post({ ttl: 5 }));
    expect(withBody.status).toBe(422);
    expect((await t.app.request(`/api/v1/participants/${world.participantA}/invites`, post({}))).status).toBe(201);
  });

  it('family members: list, create (201, 422 on invalid) and invite', async () => {
    const created = await t.app.request(`/api/v1/participants/${world.participantA}/family`, post({ displayName: '周母', relation: '母亲', sharingScope: 'APPOINTMENTS' }));
    expect(created.status).toBe(201);
    const member = ((await created.json()) as { familyMember: { id: string; sharingScope: string; locale: string } }).familyMember;
    expect(member).toMatchObject({ sharingScope: 'APPOINTMENTS', locale: 'zh-CN' });
    for (const body of [{ displayName: '周母' }, { displayName: '周母', relation: '母亲', sharingScope: 'EVERYTHING' }, { displayName: '周母', relation: '母亲', participantId: world.participantB }]) {
      expect((await t.app.request(`/api/v1/participants/${world.participantA}/family`, post(body))).status).toBe(422);
    }
    const list = (await (await t.app.request(`/api/v1/participants/${world.participantA}/family`, { headers: headers() })).json()) as { family: { id: string }[] };
    expect(list.family.map((f) => f.id)).toContain(member.id);
    const invite = await t.app.request(`/api/v1/participants/${world.participantA}/family/${member.id}/invites`, { method: 'POST', headers: headers() });
    expect(invite.status).toBe(201);
    const { code } = (await invite.json()) as { code: string };
    expect(await db().prisma.invite.findUniqueOrThrow({ where: { codeHash: hashInviteCode(code.replace('-', '')) } })).toMatchObject({ familyMemberId: member.id, target: 'FAMILY_MEMBER' });
    expect((await t.app.request(`/api/v1/participants/${world.participantA}/family/${world.participantB}/invites`, { method: 'POST', headers: headers() })).status).toBe(404);
    expect((await t.app.request(`/api/v1/participants/${world.participantB}/family`, post({ displayName: 'x', relation: 'y' }))).status).toBe(404);
  });

  it('never logs the search text', async () => {
    const lines: string[] = [];
    const log = testLogger(lines);
    const notifier = await startEscalationNotifier({ db: db(), log });
    try {
      const app = createHttpApp({ log, bodyLimitBytes: 1_000_000, isReady: async () => undefined });
      app.route('/', createAdminApp({ db: db(), log, clock: systemClock, notifier, channels: new Map(), onOutboxChanged: () => undefined, schedulerSettings: schedulerSettings() }));
      const browser = await signIn(db(), world.staff.admin.id);
      const secret = '13912399999';
      expect((await app.request(`/admin/people?q=${secret}`, get(browser))).status).toBe(200);
      expect((await app.request(`/api/v1/participants?q=${secret}`, { headers: headers() })).status).toBe(200);
      expect(lines.join('\n')).toContain('/admin/people');
      expect(lines.join('\n')).not.toContain(secret);
    } finally {
      await notifier.stop();
    }
  });
});
