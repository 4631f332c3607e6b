import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { describeEachDatabase } from '../../support/database.js';
import { appointment, at, outboxFor, participant, reminders, scheduler, staff, station, text, wipe } from './fixtures.js';

const NY = 'America/New_York';

describeEachDatabase('a station in New York across daylight-saving changes', (db) => {
  let prisma: PrismaClient;
  let stationId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    stationId = await station(prisma, NY, 'Queens station');
  });

  it('keeps a 09:00 check-in at 09:00 local before and after the spring change, and sends it then', async () => {
    const person = await participant(prisma, stationId, { locale: 'en', displayName: 'Sam' });
    const s = scheduler(prisma);
    await s.plan(at('2026-03-07T07:00', NY));
    const rows = await reminders(prisma, { participantId: person.id });
    expect(rows.map((r) => [r.dedupeKey.slice(-10), r.dueAt.toISOString()])).toEqual([
      ['2026-03-07', '2026-03-07T14:00:00.000Z'], // 09:00 EST (UTC−5)
      ['2026-03-08', '2026-03-08T13:00:00.000Z'], // 09:00 EDT (UTC−4)
    ]);
    await s.tick(new Date('2026-03-07T14:00:00Z'));
    // 08:59 local on Sunday: nothing yet, although it is 09:59 by Saturday's offset.
    await s.tick(new Date('2026-03-08T12:59:00Z'));
    expect(await outboxFor(prisma, person.identityIds)).toHaveLength(1);
    await s.tick(new Date('2026-03-08T13:00:00Z'));
    const sent = await outboxFor(prisma, person.identityIds);
    expect(sent).toHaveLength(2);
    expect(text(sent[1]!.payload)).toContain('Hi Sam, it is time for your check-in');
  });

  it('and after the autumn change', async () => {
    const person = await participant(prisma, stationId);
    await scheduler(prisma).plan(at('2026-10-31T07:00', NY));
    const rows = await reminders(prisma, { participantId: person.id });
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z']);
  });

  it('keeps quiet hours and "a day before" in local time across the change', async () => {
    const person = await participant(prisma, stationId, { track: 'ABSTINENT', locale: 'en' });
    // Sunday 8 March 10:00 EDT, the first day of summer time.
    const id = await appointment(prisma, stationId, { startsAt: at('2026-03-08T10:00', NY), place: 'Clinic', attendees: [person.id] });
    await scheduler(prisma).plan(at('2026-03-07T07:00', NY));
    const rows = await reminders(prisma, { appointmentId: id });
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual([
      '2026-03-07T15:00:00.000Z', // Saturday 10:00 EST: the same local time the day before, 23 hours earlier
      '2026-03-08T12:00:00.000Z', // Sunday 08:00 EDT: two hours before, just after quiet hours
    ]);
    await scheduler(prisma).tick(new Date('2026-03-07T15:00:00Z'));
    expect(text((await outboxFor(prisma, person.identityIds))[0]!.payload)).toContain('When: tomorrow 10:00');
  });

  it('sends the digest at 08:00 local time', async () => {
    const caseworker = await staff(prisma, stationId, { locale: 'en', displayName: 'Ana' });
    await scheduler(prisma).plan(at('2026-03-07T07:00', NY));
    const rows = await reminders(prisma, { staffUserId: caseworker.id });
    expect(rows.map((r) => [r.dedupeKey.slice(-10), r.dueAt.toISOString()])).toEqual([
      ['2026-03-07', '2026-03-07T13:00:00.000Z'],
      ['2026-03-08', '2026-03-08T12:00:00.000Z'],
    ]);
  });
});
