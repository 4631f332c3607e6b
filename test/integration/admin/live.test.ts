import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgres } from '../../../src/db/client.js';
import { revokeSession } from '../../../src/admin/auth/sessions.js';
import { startEscalationNotifier, type EscalationUpdate } from '../../../src/admin/live/notifier.js';
import { notifyEscalationsChanged, notifyEscalationsChangedInTransaction } from '../../../src/admin/live/notify.js';
import { describeEachDatabase } from '../../support/database.js';
import { databaseUrl } from '../../support/pg-urls.js';
import { testLogger } from '../../support/service.js';
import { SseReader } from './sse.js';
import { buildTestApp, buildWorld, createEscalation, formPost, get, signIn, type Browser, type TestApp, type World } from './world.js';

describeEachDatabase('live updates: LISTEN/NOTIFY to server-sent events', (db, kind) => {
  let t: TestApp;
  let world: World;
  const streams: SseReader[] = [];

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { heartbeatMs: 200 });
  });
  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await t?.stop();
  });

  async function open(browser: Browser): Promise<SseReader> {
    const response = await t.app.request('/admin/events', get(browser, { accept: 'text/event-stream' }));
    expect(response.status).toBe(200);
    const reader = new SseReader(response);
    streams.push(reader);
    expect(await reader.next((e) => e.event === 'ready')).toBeDefined();
    return reader;
  }

  it('sends a change to every console that may see it, and only to those', async () => {
    const caseworker = await open(await signIn(db(), world.staff.caseworker.id));
    const admin = await open(await signIn(db(), world.staff.admin.id));
    const otherStation = await open(await signIn(db(), world.staff.otherStation.id));
    const { id, number } = await createEscalation(db(), world.participantA, { level: 4, text: 'secret words' });

    await notifyEscalationsChanged(db().sql, { id, level: 4 });

    const isIt = (e: { event: string; data: string }) => e.event === 'escalation' && e.data.includes(id);
    const seen = await caseworker.next(isIt);
    expect(JSON.parse(seen?.data ?? '{}')).toEqual({ id, number, level: 4, status: 'OPEN' });
    expect(seen?.data).not.toContain('secret');
    expect(await admin.next(isIt)).toBeDefined();
    expect(await otherStation.next(isIt, 500)).toBeUndefined();
  });

  it('console actions notify by themselves, after their commit', async () => {
    const browser = await signIn(db(), world.staff.supervisor.id);
    const stream = await open(browser);
    const { id } = await createEscalation(db(), world.participantA, { level: 3 });
    await t.app.request(`/admin/escalations/${id}/ack`, formPost(browser, {}));
    const event = await stream.next((e) => e.event === 'escalation' && e.data.includes(id));
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({ status: 'ACKNOWLEDGED' });
  });

  it('a notification sent inside a transaction arrives only if it commits', async () => {
    const stream = await open(await signIn(db(), world.staff.admin.id));
    const committed = await createEscalation(db(), world.participantA, { level: 2 });
    const rolledBack = await createEscalation(db(), world.participantA, { level: 2 });
    await db()
      .prisma.$transaction(async (tx) => {
        await notifyEscalationsChangedInTransaction(tx, { id: rolledBack.id, level: 2 });
        throw new Error('roll back');
      })
      .catch(() => {});
    await db().prisma.$transaction(async (tx) => notifyEscalationsChangedInTransaction(tx, { id: committed.id, level: 2 }));
    expect(await stream.next((e) => e.data.includes(committed.id))).toBeDefined();
    expect(await stream.next((e) => e.data.includes(rolledBack.id), 300)).toBeUndefined();
  });

  it('ignores malformed payloads and unknown escalations', async () => {
    const stream = await open(await signIn(db(), world.staff.admin.id));
    await db().sql.query("SELECT pg_notify('tongxing_escalations', 'not json')");
    await notifyEscalationsChanged(db().sql, { id: 'no-such-escalation', level: 3 });
    expect(await stream.next((e) => e.event === 'escalation', 300)).toBeUndefined();
  });

  it('sends a heartbeat and ends the stream when the session is revoked', async () => {
    const browser = await signIn(db(), world.staff.caseworker.id);
    const stream = await open(browser);
    expect(await stream.next((e) => e.event === 'ping', 2000)).toBeDefined();
    await revokeSession(db().prisma, browser.sessionId, new Date());
    expect(await stream.next((e) => e.event === 'logout', 2000)).toBeDefined();
    expect(await stream.ended(2000)).toBe(true);
  });

  it('ends open streams when the notifier stops, so the HTTP server can drain on shutdown', async () => {
    const own = await buildTestApp(db(), { heartbeatMs: 60_000 });
    const response = await own.app.request('/admin/events', get(await signIn(db(), world.staff.admin.id), { accept: 'text/event-stream' }));
    const reader = new SseReader(response);
    expect(await reader.next((e) => e.event === 'ready')).toBeDefined();
    await own.stop();
    expect(await reader.ended(2000)).toBe(true);
  });

  it('stops delivering to a stream the browser closed', async () => {
    const before = t.notifier.subscriberCount;
    const stream = await open(await signIn(db(), world.staff.caseworker.id));
    expect(t.notifier.subscriberCount).toBe(before + 1);
    await stream.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.notifier.subscriberCount).toBe(before);
  });

  if (kind === 'postgresql') {
    it('reaches consoles on another instance (a second connection pool on the same database)', async () => {
      const [row] = await db().sql.query<{ name: string }>('SELECT current_database() AS name');
      const second = openPostgres(databaseUrl(process.env.TEST_DATABASE_URL ?? '', row?.name ?? ''), 2);
      try {
        const remote = await startEscalationNotifier({ db: second, log: testLogger() });
        const received: EscalationUpdate[] = [];
        remote.subscribe((u) => received.push(u));
        const { id } = await createEscalation(db(), world.participantA, { level: 4 });
        await notifyEscalationsChanged(db().sql, { id, level: 4 });
        const deadline = Date.now() + 5000;
        while (!received.some((u) => u.id === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        expect(received.map((u) => u.id)).toContain(id);
        await remote.stop();
      } finally {
        await second.close();
      }
    });
  }
});
