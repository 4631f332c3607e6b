import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, buildWorld, createEscalation, tokenFor, type TestApp, type World } from './world.js';

describeEachDatabase('JSON API /api/v1', (db) => {
  let t: TestApp;
  let world: World;
  let token: string;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db());
    token = await tokenFor(db(), 'caseworker app', world.staff.caseworker.login);
  });
  afterAll(async () => t?.stop());

  const auth = (value = token) => ({ authorization: `Bearer ${value}` });
  const json = (body: unknown, value = token): RequestInit => ({
    method: 'POST',
    headers: { ...auth(value), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('401 without a token, with an unknown one, and with a revoked one, always in the error shape', async () => {
    const revoked = await tokenFor(db(), 'old', world.staff.caseworker.login);
    await db().prisma.apiToken.updateMany({ where: { name: 'old' }, data: { revokedAt: new Date() } });
    for (const headers of [{}, auth('txk_' + 'x'.repeat(43)), auth(revoked), { authorization: 'Basic abc' }]) {
      const response = await t.app.request('/api/v1/escalations', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('does not accept a console session cookie instead of a token', async () => {
    const response = await t.app.request('/api/v1/escalations', { headers: { cookie: 'tx_admin=whatever-session-token-value' } });
    expect(response.status).toBe(401);
  });

  it('lists by status, most urgent first, without message text; records lastUsedAt', async () => {
    const low = await createEscalation(db(), world.participantA, { level: 2, text: 'private words' });
    const high = await createEscalation(db(), world.participantA, { level: 4, text: 'private words' });
    const acked = await createEscalation(db(), world.participantA, { level: 3, status: 'ACKNOWLEDGED' });
    const resolved = await createEscalation(db(), world.participantA, { level: 3, status: 'RESOLVED' });

    const all = await t.app.request('/api/v1/escalations', { headers: auth() });
    const body = (await all.json()) as { escalations: { id: string; level: number; status: string; pseudonym: string }[] };
    const ids = body.escalations.map((e) => e.id);
    expect(ids.indexOf(high.id)).toBeLessThan(ids.indexOf(low.id));
    expect(ids).toContain(acked.id);
    expect(ids).not.toContain(resolved.id);
    expect(JSON.stringify(body)).not.toContain('private words');
    expect(body.escalations[0]).toMatchObject({ pseudonym: world.pseudonymA });

    const open = (await (await t.app.request('/api/v1/escalations?status=OPEN', { headers: auth() })).json()) as { escalations: { status: string }[] };
    expect(new Set(open.escalations.map((e) => e.status))).toEqual(new Set(['OPEN']));
    const done = (await (await t.app.request('/api/v1/escalations?status=RESOLVED', { headers: auth() })).json()) as { escalations: { id: string }[] };
    expect(done.escalations.map((e) => e.id)).toContain(resolved.id);

    const row = await db().prisma.apiToken.findFirstOrThrow({ where: { name: 'caseworker app' } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.tokenHash).not.toBe(token);
  });

  it('422 for a bad status filter', async () => {
    const response = await t.app.request('/api/v1/escalations?status=CLOSED', { headers: auth() });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code: 'invalid', message: expect.stringContaining('status') } });
  });

  it('acknowledges, then 409 when already acknowledged; the event and audit row name the token', async () => {
    const { id } = await createEscalation(db(), world.participantA);
    const first = await t.app.request(`/api/v1/escalations/${id}/ack`, { method: 'POST', headers: auth() });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ escalation: { id, status: 'ACKNOWLEDGED', assignedToId: world.staff.caseworker.id } });
    const second = await t.app.request(`/api/v1/escalations/${id}/ack`, { method: 'POST', headers: auth() });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'conflict' } });
    const row = await db().prisma.apiToken.findFirstOrThrow({ where: { name: 'caseworker app' } });
    const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { targetId: id, action: 'escalation.acknowledge' } });
    expect(audit).toMatchObject({ actorId: world.staff.caseworker.id, tokenId: row.id });
  });

  it('resolves with an outcome and a note; 422 for a missing or unknown outcome, extra fields or a body that is not JSON', async () => {
    const { id } = await createEscalation(db(), world.participantA);
    for (const body of [{}, { outcome: 'MAYBE' }, { outcome: 'CONTACTED', note: 'x'.repeat(2001) }, { outcome: 'CONTACTED', status: 'OPEN' }, 'not json']) {
      const response = await t.app.request(`/api/v1/escalations/${id}/resolve`, json(body));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid');
    }
    const ok = await t.app.request(`/api/v1/escalations/${id}/resolve`, json({ outcome: 'EMERGENCY_SERVICES', note: '已拨打120' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ escalation: { status: 'RESOLVED', outcome: 'EMERGENCY_SERVICES' } });
    const again = await t.app.request(`/api/v1/escalations/${id}/resolve`, json({ outcome: 'CONTACTED' }));
    expect(again.status).toBe(409);
    const event = await db().prisma.escalationEvent.findFirstOrThrow({ where: { escalationId: id, type: 'RESOLVED' } });
    expect(event).toMatchObject({ note: '已拨打120', actorId: world.staff.caseworker.id });
  });

  it('404 for an unknown escalation and an unknown route, 404 (not 403) for another station', async () => {
    expect((await t.app.request('/api/v1/escalations/nope/ack', { method: 'POST', headers: auth() })).status).toBe(404);
    const b = await createEscalation(db(), world.participantB);
    const other = await t.app.request(`/api/v1/escalations/${b.id}/ack`, { method: 'POST', headers: auth() });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'not_found' } });
    const route = await t.app.request('/api/v1/nothing-here', { headers: auth() });
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sends the security headers on API responses too', async () => {
    const response = await t.app.request('/api/v1/escalations', { headers: auth() });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
