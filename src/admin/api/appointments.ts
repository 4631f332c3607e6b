import { Hono } from 'hono';
import { z } from 'zod';
import type { AppointmentKind, AppointmentStatus, AttendanceStatus, Prisma, ReminderStatus } from '../../generated/prisma/client.js';
import type { AdminDeps } from '../deps.js';
import { readableAppointments } from '../schedules/access.js';
import { createAppointment } from '../schedules/create.js';
import { APPOINTMENT_KINDS, Id, MAX_ATTENDEES, RecurrenceRuleSchema, SeriesCount, TEXT_MAX } from '../schedules/schema.js';
import type { ApiCaller, ApiEnv } from './bearer.js';
import { apiError, describeIssues } from './errors.js';

const DAY_MS = 86_400_000;
/** Longest range one list request covers. */
const MAX_RANGE_DAYS = 92;

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const ListQuery = z
  .object({
    from: Instant.optional(),
    to: Instant.optional(),
    stationId: Id.optional(),
    kind: z.enum(APPOINTMENT_KINDS).optional(),
    status: z.enum(['SCHEDULED', 'CANCELLED', 'DONE']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .refine((q) => !q.from || !q.to || q.to > q.from, { message: 'to must be after from', path: ['to'] })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= MAX_RANGE_DAYS * DAY_MS, {
    message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });

const Text = z.string().trim().min(1).max(TEXT_MAX).optional();

const CreateBody = z
  .object({
    stationId: Id,
    kind: z.enum(APPOINTMENT_KINDS),
    startsAt: Instant,
    durationMinutes: z.number().int().min(5).max(720).optional(),
    title: Text,
    topic: Text,
    place: Text,
    attendees: z.array(Id).max(MAX_ATTENDEES).default([]),
    wholeStation: z.boolean().default(false),
    recurrence: z.object({ rule: RecurrenceRuleSchema, count: SeriesCount }).strict().optional(),
  })
  .strict();

const INCLUDE = {
  attendees: { include: { participant: { select: { pseudonym: true } } } },
  reminders: { where: { kind: 'APPOINTMENT' }, orderBy: { dueAt: 'asc' }, select: { participantId: true, dueAt: true, status: true } },
} as const satisfies Prisma.AppointmentInclude;

type Row = Prisma.AppointmentGetPayload<{ include: typeof INCLUDE }>;

export interface AppointmentJson {
  id: string;
  stationId: string;
  kind: AppointmentKind;
  title: string | null;
  topic: string | null;
  place: string | null;
  startsAt: string;
  endsAt: string | null;
  status: AppointmentStatus;
  recurrenceRule: string | null;
  seriesId: string | null;
  attendees: { participantId: string; pseudonym: string; status: AttendanceStatus; result: string | null }[];
  reminders: { participantId: string | null; dueAt: string; status: ReminderStatus }[];
}

/** Pseudonyms only: the API never returns names. */
function appointmentJson(row: Row): AppointmentJson {
  return {
    id: row.id,
    stationId: row.stationId,
    kind: row.kind,
    title: row.title,
    topic: row.topic,
    place: row.place,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    status: row.status,
    recurrenceRule: row.recurrenceRule,
    seriesId: row.seriesId,
    attendees: row.attendees.map((a) => ({ participantId: a.participantId, pseudonym: a.participant.pseudonym, status: a.status, result: a.result })),
    reminders: row.reminders.map((r) => ({ participantId: r.participantId, dueAt: r.dueAt.toISOString(), status: r.status })),
  };
}

/** A staff token reads its staff member's stations; a token without staff reads all. */
function readable(caller: ApiCaller): Prisma.AppointmentWhereInput {
  return caller.staff ? readableAppointments(caller.staff) : {};
}

/** GET /api/v1/appointments and POST /api/v1/appointments. */
export function appointmentApi(deps: AdminDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { prisma } = deps.db;

  app.get('/appointments', async (c) => {
    const query = ListQuery.safeParse(c.req.query());
    if (!query.success) return apiError(c, 'invalid', describeIssues(query.error));
    const { stationId, kind, status, limit } = query.data;
    const from = query.data.from ?? (query.data.to ? new Date(query.data.to.getTime() - 14 * DAY_MS) : deps.clock.now());
    const to = query.data.to ?? new Date(from.getTime() + 14 * DAY_MS);
    const and: Prisma.AppointmentWhereInput[] = [readable(c.get('caller')), { startsAt: { gte: from, lt: to } }];
    if (stationId) and.push({ stationId });
    if (kind) and.push({ kind });
    if (status) and.push({ status });
    const rows = await prisma.appointment.findMany({ where: { AND: and }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], take: limit, include: INCLUDE });
    return c.json({ from: from.toISOString(), to: to.toISOString(), appointments: rows.map(appointmentJson) });
  });

  app.post('/appointments', async (c) => {
    const caller = c.get('caller');
    const body = CreateBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 'invalid', describeIssues(body.error));
    if (!caller.staff) return apiError(c, 'forbidden', 'this token is not linked to a staff member and may only read');
    const { startsAt, ...input } = body.data;
    const result = await createAppointment(deps, { staff: caller.staff, tokenId: caller.tokenId }, { ...input, start: { at: startsAt } });
    if (!result.ok) {
      switch (result.reason) {
        case 'not-found':
          return apiError(c, 'not_found', 'no such station');
        case 'forbidden':
          return apiError(c, 'forbidden', result.message ?? 'not allowed');
        case 'conflict':
          return apiError(c, 'conflict', result.message ?? 'conflict');
        case 'invalid':
          return apiError(c, 'invalid', result.message ?? 'the request is not valid');
      }
    }
    const rows = await prisma.appointment.findMany({ where: { id: { in: result.appointmentIds } }, orderBy: { startsAt: 'asc' }, include: INCLUDE });
    return c.json({ seriesId: result.seriesId, appointments: rows.map(appointmentJson) }, 201);
  });

  return app;
}
