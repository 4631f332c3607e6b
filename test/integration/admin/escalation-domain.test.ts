// The new escalation steps in src/escalation (assign, note, resolve), below the console.
import { beforeAll, expect, it } from 'vitest';
import { assignEscalation } from '../../../src/escalation/assign.js';
import { addEscalationNote } from '../../../src/escalation/note.js';
import { resolveEscalation } from '../../../src/escalation/resolve.js';
import { describeEachDatabase } from '../../support/database.js';
import { buildWorld, createEscalation, type World } from './world.js';

describeEachDatabase('escalation steps: assign, note, resolve', (db) => {
  let world: World;
  const now = new Date('2026-03-01T10:00:00Z');
  beforeAll(async () => {
    world = await buildWorld(db());
  });

  it('resolve: OPEN or ACKNOWLEDGED becomes RESOLVED once; a second attempt is "already-resolved"', async () => {
    const { id, number } = await createEscalation(db(), world.participantA);
    const first = await db().prisma.$transaction((tx) =>
      resolveEscalation(tx, { id }, world.staff.caseworker.id, { outcome: 'VISITED', note: '  上门看过了  ' }, now),
    );
    expect(first).toEqual({ ok: true, escalationId: id, number, level: 3 });
    const second = await db().prisma.$transaction((tx) => resolveEscalation(tx, { number }, world.staff.supervisor.id, { outcome: 'CONTACTED' }, now));
    expect(second).toEqual({ ok: false, reason: 'already-resolved', number });
    const row = await db().prisma.escalation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'RESOLVED', outcome: 'VISITED', resolutionNote: '上门看过了', resolvedAt: now, acknowledgedAt: now });
    expect(await db().prisma.escalationEvent.count({ where: { escalationId: id, type: 'RESOLVED' } })).toBe(1);
  });

  it('every step is "not-found" for staff of another station and for inactive staff', async () => {
    const { id } = await createEscalation(db(), world.participantA);
    const other = world.staff.otherStation.id;
    await db().prisma.$transaction(async (tx) => {
      expect(await resolveEscalation(tx, { id }, other, { outcome: 'CONTACTED' }, now)).toEqual({ ok: false, reason: 'not-found' });
      expect(await assignEscalation(tx, { id }, other, other, now)).toEqual({ ok: false, reason: 'not-found' });
      expect(await addEscalationNote(tx, { id }, other, 'note', now)).toEqual({ ok: false, reason: 'not-found' });
    });
    await db().prisma.staffUser.update({ where: { id: world.staff.supervisor.id }, data: { active: false } });
    const inactive = await db().prisma.$transaction((tx) => addEscalationNote(tx, { id }, world.staff.supervisor.id, 'x', now));
    expect(inactive).toEqual({ ok: false, reason: 'not-found' });
    await db().prisma.staffUser.update({ where: { id: world.staff.supervisor.id }, data: { active: true } });
  });

  it('assign: only to active staff of the participant\'s station; the same assignee again changes nothing', async () => {
    const { id } = await createEscalation(db(), world.participantA);
    const run = (assignee: string) => db().prisma.$transaction((tx) => assignEscalation(tx, { id }, world.staff.supervisor.id, assignee, now));
    expect(await run(world.staff.otherStation.id)).toEqual({ ok: false, reason: 'invalid-assignee' });
    expect(await run(world.staff.admin.id)).toEqual({ ok: false, reason: 'invalid-assignee' });
    expect(await run(world.staff.colleague.id)).toMatchObject({ ok: true, changed: true });
    expect(await run(world.staff.colleague.id)).toMatchObject({ ok: true, changed: false });
    const events = await db().prisma.escalationEvent.findMany({ where: { escalationId: id, type: 'ASSIGNED' } });
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toEqual({ from: null, to: world.staff.colleague.id });
    await db().prisma.escalation.update({ where: { id }, data: { status: 'RESOLVED' } });
    expect(await run(world.staff.caseworker.id)).toEqual({ ok: false, reason: 'resolved' });
  });

  it('note: trimmed, never empty, allowed after resolution for follow-up', async () => {
    const { id } = await createEscalation(db(), world.participantA, { status: 'RESOLVED' });
    const add = (text: string) => db().prisma.$transaction((tx) => addEscalationNote(tx, { id }, world.staff.caseworker.id, text, now));
    expect(await add('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(await add('  回访：情况稳定  ')).toMatchObject({ ok: true });
    const note = await db().prisma.escalationEvent.findFirstOrThrow({ where: { escalationId: id, type: 'NOTE' } });
    expect(note).toMatchObject({ note: '回访：情况稳定', actorId: world.staff.caseworker.id });
  });
});
