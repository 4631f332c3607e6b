import type { SchedulerSettings } from '../../scheduler/index.js';
import type { AdminDeps } from '../deps.js';
import { randomUUID } from 'node:crypto';
import type { AppointmentKind, Prisma } from '../../generated/prisma/client.js';
import { createRecurringAppointments, planAppointmentReminders, type RecurrenceRule } from '../../scheduler/index.js';
import { validZone } from '../../scheduler/time.js';
import { scopeFor } from '../access/scope.js';
import { writeAudit } from '../audit/write.js';
import type { Actor } from '../escalations/actions.js';
import { appointmentAccess, GROUP_KINDS, OWNERSHIP_SELECT } from './access.js';
import { refuse, type ChangeResult } from './result.js';
import { startInstant, type StartInput } from './start-time.js';

export interface NewAppointment {
  stationId: string;
  kind: AppointmentKind;
  start: StartInput;
  durationMinutes?: number | undefined;
  title?: string | undefined;
  topic?: string | undefined;
  place?: string | undefined;
  attendees: string[];
  /** A group class for every active participant of the station. */
  wholeStation?: boolean | undefined;
  /** Absent: a one-off appointment. */
  recurrence?: { rule: RecurrenceRule; count: number } | undefined;
}

export type CreateResult = ChangeResult<{ appointmentIds: string[]; seriesId: string | null }>;

type Tx = Prisma.TransactionClient;

/**
 * Creates a one-off appointment or a series (through the scheduler's
 * recurrence), plans the reminders that are already due to be planned, and
 * writes the audit row, in one transaction. Role rule: see appointmentAccess.
 */
export async function createAppointment(deps: AdminDeps, actor: Actor, input: NewAppointment): Promise<CreateResult> {
  const { prisma } = deps.db;
  const settings = deps.schedulerSettings;
  const station = await prisma.station.findFirst({ where: { AND: [{ id: input.stationId }, scopeFor(actor.staff).stations] }, select: { id: true, timezone: true } });
  if (!station) return refuse('not-found', 'no such station');
  const zone = validZone(station.timezone, settings.options.defaultTimezone);
  const startsAt = startInstant(input.start, zone);
  if (!startsAt) return refuse('invalid', 'the start time is not valid');
  if (input.wholeStation && !GROUP_KINDS.has(input.kind)) return refuse('invalid', 'only a group class can invite the whole station');

  const wanted = [...new Set(input.attendees)];
  const attendees = await prisma.participant.findMany({
    where: input.wholeStation ? { stationId: station.id, status: 'ACTIVE' } : { id: { in: wanted }, stationId: station.id },
    select: { id: true, ...OWNERSHIP_SELECT },
  });
  if (!input.wholeStation && attendees.length !== wanted.length) return refuse('invalid', 'every attendee must be a participant of the station');
  if (attendees.length === 0) return refuse('invalid', 'an appointment needs at least one attendee');
  if (appointmentAccess(actor.staff, { stationId: station.id, kind: input.kind, attendees }) !== 'act') {
    return refuse('forbidden', "a caseworker arranges appointments for their own caseload (group classes for the station)");
  }

  const now = deps.clock.now();
  const attendeeIds = attendees.map((a) => a.id);
  return prisma.$transaction(async (tx): Promise<CreateResult> => {
    const created = input.recurrence
      ? await createSeries(tx, input, { stationId: station.id, startsAt, attendeeIds, createdById: actor.staff.id, now }, settings)
      : await createOne(tx, input, { stationId: station.id, startsAt, attendeeIds, createdById: actor.staff.id, now }, settings);
    if (!created.ok) return created;
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'appointment.create',
        targetType: 'appointment',
        targetId: created.appointmentIds[0] ?? null,
        detail: { kind: input.kind, occurrences: created.appointmentIds.length, attendees: attendeeIds.length, seriesId: created.seriesId },
      },
      now,
    );
    return created;
  });
}

interface Resolved {
  stationId: string;
  startsAt: Date;
  attendeeIds: string[];
  createdById: string;
  now: Date;
}

function endsAt(startsAt: Date, durationMinutes: number | undefined): Date | null {
  return durationMinutes ? new Date(startsAt.getTime() + durationMinutes * 60_000) : null;
}

async function createOne(tx: Tx, input: NewAppointment, r: Resolved, settings: SchedulerSettings): Promise<CreateResult> {
  const id = randomUUID();
  await tx.appointment.create({
    data: {
      id,
      stationId: r.stationId,
      kind: input.kind,
      title: input.title ?? null,
      topic: input.topic ?? null,
      place: input.place ?? null,
      startsAt: r.startsAt,
      endsAt: endsAt(r.startsAt, input.durationMinutes),
      createdById: r.createdById,
      createdAt: r.now,
    },
  });
  await tx.appointmentAttendee.createMany({ data: r.attendeeIds.map((participantId) => ({ appointmentId: id, participantId })) });
  await planAppointmentReminders(tx, settings, r.now, [id]);
  return { ok: true, appointmentIds: [id], seriesId: null };
}

async function createSeries(tx: Tx, input: NewAppointment, r: Resolved, settings: SchedulerSettings): Promise<CreateResult> {
  const recurrence = input.recurrence;
  if (!recurrence) return refuse('invalid');
  const result = await createRecurringAppointments(
    tx,
    {
      stationId: r.stationId,
      kind: input.kind,
      firstStartsAt: r.startsAt,
      rule: recurrence.rule,
      count: recurrence.count,
      attendees: r.attendeeIds,
      ...(input.durationMinutes ? { durationMinutes: input.durationMinutes } : {}),
      title: input.title ?? null,
      topic: input.topic ?? null,
      place: input.place ?? null,
      createdById: r.createdById,
      now: r.now,
    },
    settings,
  );
  if (result.kind === 'invalid') return refuse('invalid', result.reason);
  return { ok: true, appointmentIds: result.appointmentIds, seriesId: result.seriesId };
}
