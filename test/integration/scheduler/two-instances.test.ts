import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres, type Database } from '../../../src/db/client.js';
import type { DispatchResult } from '../../../src/scheduler/index.js';
import { adminUrl, databaseUrl } from '../../support/pg-urls.js';
import { appointment, at, participant, scheduler, staff, station } from './fixtures.js';

const PEOPLE = 120;

describe.runIf(process.env.TEST_DATABASE_URL)('two scheduler instances on one PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL as string;
  const name = `tongxing_sched_${randomBytes(6).toString('hex')}`;
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
    } finally {
      await admin.end();
    }
    first = openPostgres(databaseUrl(url, name), 4);
    second = openPostgres(databaseUrl(url, name), 4);
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('send every reminder once and raise each missed-check-in signal once', async () => {
    const prisma = first.prisma;
    const stationId = await station(prisma);
    const caseworkers = await Promise.all([1, 2, 3].map(() => staff(prisma, stationId)));
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      people.push((await participant(prisma, stationId, { caseworkerId: caseworkers[i % 3]!.id, track: i % 2 ? 'DEPENDENT' : 'METHADONE' })).id);
    }
    for (let i = 0; i < 10; i++) {
      await appointment(prisma, stationId, { startsAt: at(`2026-03-0${3 + (i % 3)}T1${i % 6}:30`), attendees: people.slice(i * 12, i * 12 + 12) });
    }
    // Small batches so that the two instances interleave; planning on every tick so that both plan at once.
    const a = scheduler(first.prisma, { dispatchBatchSize: 15 });
    const b = scheduler(second.prisma, { dispatchBatchSize: 15 });
    const totals: DispatchResult[] = [];
    const perInstance = [0, 0];
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
      for (const time of ['07:00', '08:00', '09:00', '13:00', '21:00', '21:30']) {
        const now = at(`${day}T${time}`);
        const reports = await Promise.all([a.tick(now), b.tick(now)]);
        reports.forEach((r, i) => (perInstance[i] = (perInstance[i] ?? 0) + (r.dispatched?.sent ?? 0)));
        for (const report of reports) {
          expect(report.errors).toEqual([]);
          if (report.dispatched) totals.push(report.dispatched);
        }
      }
    }

    const sent = await prisma.reminder.findMany({ where: { status: 'SENT' }, select: { id: true } });
    const outbox = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'reminder:' } }, select: { dedupeKey: true } });
    expect(sent.length).toBeGreaterThan(PEOPLE * 2);
    expect(outbox.map((o) => o.dedupeKey).sort()).toEqual(sent.map((r) => `reminder:${r.id}`).sort());
    // Each reminder was marked SENT by exactly one instance, and both did part of the work.
    expect(Math.min(...perInstance)).toBeGreaterThan(0);
    expect(totals.reduce((n, t) => n + t.sent, 0)).toBe(sent.length);
    const perAppointmentPerson = await prisma.reminder.groupBy({ by: ['appointmentId', 'participantId', 'dueAt'], where: { kind: 'APPOINTMENT' }, _count: true });
    expect(perAppointmentPerson.every((g) => g._count === 1)).toBe(true);

    // DEPENDENT people missed three daily check-ins: one signal each, whoever closed the windows.
    const dependent = await prisma.participant.findMany({ where: { track: 'DEPENDENT' }, select: { id: true } });
    const assessments = await prisma.riskAssessment.groupBy({ by: ['participantId'], _count: true });
    expect(assessments).toHaveLength(dependent.length);
    expect(assessments.every((g) => g._count === 1)).toBe(true);
    expect(await prisma.escalation.count()).toBe(dependent.length);
  }, 180_000);
});
