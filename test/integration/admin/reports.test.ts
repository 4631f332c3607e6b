import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import type { AttendanceStatus } from '../../../src/generated/prisma/client.js';
import { describeEachDatabase } from '../../support/database.js';
import { buildTestApp, buildWorld, get, signIn, type Browser, type TestApp, type World } from './world.js';

// Everything happens in March 2026 (Asia/Shanghai); "now" is 20 March, noon UTC.
const NOW = new Date('2026-03-20T12:00:00Z');
const clock: Clock = { now: () => NOW };
const RANGE = 'from=2026-03-01&to=2026-03-31';
const at = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 2, day, hourUtc));
const plusSeconds = (date: Date, s: number) => new Date(date.getTime() + s * 1000);

interface Cells {
  [column: string]: string;
}

/** The report's tables as CSV rows keyed by header, read through the export. */
async function csvRows(t: TestApp, browser: Browser, table: string, query: string): Promise<{ rows: Cells[]; raw: string; response: Response }> {
  const response = await t.app.request(`/admin/reports/${table}.csv?${query}`, get(browser));
  // Keep the byte-order mark: Response.text() would drop it.
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  const [head = '', ...lines] = raw.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const headers = head.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [headers[i] ?? String(i), cell])));
  return { rows, raw, response };
}

describeEachDatabase('console: reports', (db) => {
  let t: TestApp;
  let world: World;
  let admin: Browser;
  let supervisor: Browser;
  let participantA2: string;

  async function reminder(participantId: string, dueAt: Date, options: { answered?: boolean; windowOpen?: boolean; kind?: 'CHECK_IN' | 'CHECK_IN_FOLLOW_UP'; status?: 'SENT' | 'SKIPPED' }) {
    await db().prisma.reminder.create({
      data: {
        kind: options.kind ?? 'CHECK_IN',
        dedupeKey: `r:${participantId}:${dueAt.toISOString()}:${options.kind ?? 'c'}:${Math.random()}`,
        participantId,
        dueAt,
        windowEndsAt: options.windowOpen ? plusSeconds(NOW, 3600) : plusSeconds(dueAt, 12 * 3600),
        status: options.status ?? 'SENT',
        sentAt: dueAt,
        answeredAt: options.answered ? plusSeconds(dueAt, 600) : null,
      },
    });
  }

  async function appointment(stationId: string, startsAt: Date, attendees: [string, AttendanceStatus][], status: 'SCHEDULED' | 'CANCELLED' = 'SCHEDULED') {
    await db().prisma.appointment.create({
      data: { stationId, kind: 'URINE_TEST', startsAt, status, attendees: { create: attendees.map(([participantId, s]) => ({ participantId, status: s })) } },
    });
  }

  async function escalation(participantId: string, level: number, openedAt: Date, ackAfterSeconds: number | null, reescalations = 0) {
    const row = await db().prisma.escalation.create({
      data: {
        participantId,
        level,
        categories: ['relapse'],
        status: ackAfterSeconds === null ? 'OPEN' : 'ACKNOWLEDGED',
        openedAt,
        ackDeadline: plusSeconds(openedAt, 1800),
        acknowledgedAt: ackAfterSeconds === null ? null : plusSeconds(openedAt, ackAfterSeconds),
        excerpt: { entries: [] },
      },
    });
    for (let i = 0; i < reescalations; i++) {
      await db().prisma.escalationEvent.create({ data: { escalationId: row.id, type: 'RE_ESCALATED', createdAt: plusSeconds(openedAt, 1800 * (i + 1)) } });
    }
    await db().prisma.escalationEvent.create({ data: { escalationId: row.id, type: 'OPENED', createdAt: openedAt } });
  }

  beforeAll(async () => {
    world = await buildWorld(db());
    t = await buildTestApp(db(), { clock });
    admin = await signIn(db(), world.staff.admin.id);
    supervisor = await signIn(db(), world.staff.supervisor.id);
    participantA2 = (
      await db().prisma.participant.create({
        data: { stationId: world.stationA, caseworkerId: world.staff.colleague.id, pseudonym: `P-A2${Date.now()}`, displayName: 'A2', programme: 'COMMUNITY_REHAB', track: 'DEPENDENT', programmeStart: new Date('2026-01-01') },
      })
    ).id;
    const { participantA: A, participantB: B } = world;

    // Check-ins. A (caseworker): 4 sent, 3 answered. A2 (colleague): 2 sent, 1 answered, 1 still open;
    // a follow-up, a skipped prompt and one from February do not count. B: 1 sent, unanswered.
    for (const [day, answered] of [[2, true], [3, true], [4, true], [5, false]] as const) await reminder(A, at(day), { answered });
    await reminder(participantA2, at(6), { answered: true });
    await reminder(participantA2, at(20, 8), { windowOpen: true });
    await reminder(participantA2, at(6, 6), { kind: 'CHECK_IN_FOLLOW_UP' });
    await reminder(participantA2, at(7), { status: 'SKIPPED' });
    await reminder(participantA2, new Date('2026-02-27T02:00:00Z'), { answered: false });
    await reminder(B, at(8), { answered: false });

    // Attendance. A: attended twice; a cancelled appointment and a future one do not count.
    // A2: missed, excused, not recorded. B: missed.
    await appointment(world.stationA, at(10), [[A, 'ATTENDED'], [participantA2, 'MISSED']]);
    await appointment(world.stationA, at(11), [[A, 'ATTENDED'], [participantA2, 'EXCUSED']]);
    await appointment(world.stationA, at(12), [[A, 'MISSED']], 'CANCELLED');
    await appointment(world.stationA, at(25), [[A, 'INVITED']]);
    await appointment(world.stationA, at(13), [[participantA2, 'CONFIRMED']]);
    await appointment(world.stationB, at(10), [[B, 'MISSED']]);

    // Escalations. A, level 3: acknowledged after 1, 2, 3, 4 and 10 minutes (one re-escalated once),
    // one never acknowledged and re-escalated twice. A2, level 4: 30 s and 90 s. B, level 2: 1 hour.
    for (const [i, seconds] of [60, 120, 180, 240, 600].entries()) await escalation(A, 3, at(2 + i), seconds, seconds === 600 ? 1 : 0);
    await escalation(A, 3, at(9), null, 2);
    await escalation(participantA2, 4, at(10), 30);
    await escalation(participantA2, 4, at(11), 90);
    await escalation(B, 2, at(12), 3600);
    await escalation(A, 4, new Date('2026-02-20T00:00:00Z'), 5);
  });
  afterAll(async () => t?.stop());

  describe('numbers', () => {
    it('check-in response rate per station and per caseworker', async () => {
      const byStation = (await csvRows(t, admin, 'check-ins', `by=station&${RANGE}`)).rows;
      expect(byStation.map((r) => [r.id, r.Sent, r.Answered, r.Waiting, r['Response rate']])).toEqual([
        [world.stationA, '6', '4', '1', '0.8'],
        [world.stationB, '1', '0', '0', '0'],
        ['', '7', '4', '1', '0.6667'],
      ]);
      const byCaseworker = (await csvRows(t, admin, 'check-ins', `by=caseworker&${RANGE}`)).rows;
      const rate = Object.fromEntries(byCaseworker.map((r) => [r.id, r['Response rate']]));
      expect(rate).toEqual({ [world.staff.caseworker.id]: '0.75', [world.staff.colleague.id]: '1', [world.staff.otherStation.id]: '0', '': '0.6667' });
    });

    it('appointment attendance per station and per caseworker', async () => {
      const byStation = (await csvRows(t, admin, 'attendance', `by=station&${RANGE}`)).rows;
      expect(byStation.map((r) => [r.id, r.Attended, r.Missed, r.Excused, r['Not recorded'], r['Attendance rate']])).toEqual([
        [world.stationA, '2', '1', '1', '1', '0.6667'],
        [world.stationB, '0', '1', '0', '0', '0'],
        ['', '2', '2', '1', '1', '0.5'],
      ]);
      const byCaseworker = (await csvRows(t, admin, 'attendance', `by=caseworker&${RANGE}`)).rows;
      expect(Object.fromEntries(byCaseworker.map((r) => [r.id, r['Attendance rate']]))).toEqual({
        [world.staff.caseworker.id]: '1',
        [world.staff.colleague.id]: '0',
        [world.staff.otherStation.id]: '0',
        '': '0.5',
      });
    });

    it('escalations by level: median and p90 time to acknowledge (percentile_cont), re-escalations', async () => {
      const rows = (await csvRows(t, admin, 'escalations', `by=station&${RANGE}`)).rows;
      const pick = (id: string, level: string) => rows.find((r) => r.id === id && r.Level === level);
      const cols = (r: Cells | undefined) => [r?.Opened, r?.Acknowledged, r?.['Median time to acknowledge (s)'], r?.['p90 time to acknowledge (s)'], r?.['Re-escalations'], r?.['Escalations re-escalated']];
      // [60, 120, 180, 240, 600]: median 180; p90 at 0.9 × 4 = 3.6 → 240 + 0.6 × 360 = 456.
      expect(cols(pick(world.stationA, '3'))).toEqual(['6', '5', '180', '456', '3', '2']);
      // [30, 90]: median 60; p90 30 + 0.9 × 60 = 84.
      expect(cols(pick(world.stationA, '4'))).toEqual(['2', '2', '60', '84', '0', '0']);
      // Station A, all levels: [30, 60, 90, 120, 180, 240, 600]: median 120; p90 at 5.4 → 240 + 0.4 × 360 = 384.
      expect(cols(pick(world.stationA, 'All levels'))).toEqual(['8', '7', '120', '384', '3', '2']);
      expect(cols(pick(world.stationB, '2'))).toEqual(['1', '1', '3600', '3600', '0', '0']);
      // Everything: [30 … 600, 3600]: median (120 + 180) / 2 = 150; p90 at 6.3 → 600 + 0.3 × 3000 = 1500.
      expect(cols(pick('', 'All levels'))).toEqual(['9', '8', '150', '1500', '3', '2']);
    });

    it('per caseworker, the escalations follow the person’s caseworker', async () => {
      const rows = (await csvRows(t, admin, 'escalations', `by=caseworker&${RANGE}`)).rows;
      const all = rows.filter((r) => r.Level === 'All levels').map((r) => [r.id, r.Opened, r['Median time to acknowledge (s)']]);
      expect(all).toEqual(
        expect.arrayContaining([
          [world.staff.caseworker.id, '6', '180'],
          [world.staff.colleague.id, '2', '60'],
          [world.staff.otherStation.id, '1', '3600'],
        ]),
      );
    });

    it('a supervisor sees only their station, whatever the address says', async () => {
      const rows = (await csvRows(t, supervisor, 'check-ins', `by=station&${RANGE}&station=${world.stationB}`)).rows;
      expect(rows.map((r) => r.id)).toEqual([world.stationA, '']);
      expect(rows[1]?.['已发送']).toBe('6'); // the supervisor reads Chinese
      const html = await (await t.app.request(`/admin/reports?${RANGE}`, get(supervisor))).text();
      expect(html).toContain('站A');
      expect(html).not.toContain('站B');
    });

    it('renders the page with percentages and durations, and a narrower range changes the numbers', async () => {
      const html = await (await t.app.request(`/admin/reports?by=station&${RANGE}`, get(admin))).text();
      expect(html).toContain('80.0%');
      expect(html).toContain('3 min'); // the station A level 3 median
      const narrow = (await csvRows(t, admin, 'check-ins', 'by=station&from=2026-03-02&to=2026-03-03')).rows;
      expect(narrow.find((r) => r.id === world.stationA)?.Sent).toBe('2');
    });
  });

  describe('CSV export', () => {
    it('is a UTF-8 CSV with a byte-order mark, and each export is audited (without any names)', async () => {
      const { raw, response } = await csvRows(t, admin, 'attendance', `by=station&${RANGE}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="tongxing-attendance-station-2026-03-01-2026-03-31.csv"');
      expect(raw.startsWith('\uFEFFStation,id,Attended,')).toBe(true);
      const audit = await db().prisma.auditLog.findFirstOrThrow({ where: { action: 'report.export', targetId: 'attendance' }, orderBy: { createdAt: 'desc' } });
      expect(audit).toMatchObject({ actorId: world.staff.admin.id, targetType: 'report' });
      expect(audit.detail).toEqual({ by: 'station', from: '2026-03-01', to: '2026-03-31', timezone: 'Asia/Shanghai', stationId: null, rows: 3 });
    });

    it('quotes commas and quotes, and defuses spreadsheet formulas in names', async () => {
      await db().prisma.station.update({ where: { id: world.stationB }, data: { name: '=HYPERLINK("x"),y' } });
      try {
        const { raw } = await csvRows(t, admin, 'check-ins', `by=station&${RANGE}`);
        expect(raw).toContain(`"'=HYPERLINK(""x""),y",${world.stationB},1,0,0,0`);
      } finally {
        await db().prisma.station.update({ where: { id: world.stationB }, data: { name: '站B' } });
      }
    });

    it('caseworkers get neither the page nor an export (403), and nothing is audited for them', async () => {
      const caseworker = await signIn(db(), world.staff.caseworker.id);
      expect((await t.app.request(`/admin/reports?${RANGE}`, get(caseworker))).status).toBe(403);
      expect((await t.app.request(`/admin/reports/check-ins.csv?${RANGE}`, get(caseworker))).status).toBe(403);
      expect(await db().prisma.auditLog.count({ where: { action: 'report.export', actorId: world.staff.caseworker.id } })).toBe(0);
      expect((await t.app.request(`/admin/reports/other.csv`, get(admin))).status).toBe(404);
    });
  });
});
