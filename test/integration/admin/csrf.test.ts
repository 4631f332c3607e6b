import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, buildWorld, createEscalation, formPost, signIn, type Browser, type TestApp, type World } from './world.js';

describeEachDatabase('CSRF protection on every console POST', (db) => {
  let t: TestApp;
  let world: World;
  let browser: Browser;
  let other: Browser;

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db());
    browser = await signIn(db(), world.staff.caseworker.id);
    other = await signIn(db(), world.staff.supervisor.id);
  });
  afterAll(async () => t?.stop());

  const posts: { path: (id: string) => string; fields: Record<string, string> }[] = [
    { path: (id: string) => `/admin/escalations/${id}/ack`, fields: {} },
    { path: (id: string) => `/admin/escalations/${id}/note`, fields: { note: 'x' } },
    { path: (id: string) => `/admin/escalations/${id}/resolve`, fields: { outcome: 'FALSE_ALARM' } },
    { path: () => '/admin/logout', fields: {} },
    { path: () => '/admin/password', fields: { current: 'a', next: 'b', confirm: 'b' } },
  ];

  it.each(posts.map((p) => [p.path(':id'), p] as const))('%s without a token is refused with 403 and changes nothing', async (_name, post) => {
    const { id } = await createEscalation(db(), world.participantA);
    const { _csrf: _dropped, ...body } = Object.fromEntries(new URLSearchParams(String(formPost(browser, post.fields).body)));
    const response = await t.app.request(post.path(id), {
      method: 'POST',
      headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });
    expect(response.status).toBe(403);
    expect(await db().prisma.escalationEvent.count({ where: { escalationId: id, actorId: { not: null } } })).toBe(0);
    expect((await db().prisma.session.findUniqueOrThrow({ where: { id: browser.sessionId } })).revokedAt).toBeNull();
  });

  it("refuses another session's token", async () => {
    const { id } = await createEscalation(db(), world.participantA);
    const response = await t.app.request(`/admin/escalations/${id}/ack`, formPost({ ...browser, csrf: other.csrf }, {}));
    expect(response.status).toBe(403);
  });

  it('accepts the token in the X-CSRF-Token header', async () => {
    const { id } = await createEscalation(db(), world.participantA);
    const response = await t.app.request(`/admin/escalations/${id}/ack`, {
      method: 'POST',
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf },
    });
    expect(response.status).toBe(303);
    expect((await db().prisma.escalation.findUniqueOrThrow({ where: { id } })).status).toBe('ACKNOWLEDGED');
  });

  it('refuses a POST from another origin even with the right token', async () => {
    const { id } = await createEscalation(db(), world.participantA);
    const response = await t.app.request(`/admin/escalations/${id}/ack`, formPost(browser, {}, { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
  });

  it('accepts a POST from its own origin', async () => {
    const { id } = await createEscalation(db(), world.participantA);
    const response = await t.app.request(`http://localhost/admin/escalations/${id}/ack`, formPost(browser, {}, { origin: 'http://localhost' }));
    expect(response.status).toBe(303);
  });
});
