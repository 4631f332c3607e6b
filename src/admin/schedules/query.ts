import type { AppointmentKind, AppointmentStatus, AttendanceStatus, Prisma, PrismaClient, ReminderStatus } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { scopeFor, type Access } from '../access/scope.js';
import { appointmentAccess, mayRecordFor, readableAppointments } from './access.js';

export interface AttendeeView {
  participantId: string;
  pseudonym: string;
  status: AttendanceStatus;
  result: string | null;
  /** The viewer may record attendance for this person. */
  canRecord: boolean;
}

export interface ReminderView {
  id: string;
  participantId: string | null;
  pseudonym: string | null;
  dueAt: Date;
  status: ReminderStatus;
  skipReason: string | null;
}

export interface AppointmentView {
  id: string;
  stationId: string;
  stationName: string;
  timezone: string;
  kind: AppointmentKind;
  title: string | null;
  topic: string | null;
  place: string | null;
  startsAt: Date;
  endsAt: Date | null;
  status: AppointmentStatus;
  recurrenceRule: string | null;
  access: Exclude<Access, 'none'>;
  attendees: AttendeeView[];
  reminders: ReminderView[];
}

export interface ListFilter {
  from: Date;
  to: Date;
  stationId?: string | undefined;
  kind?: AppointmentKind | undefined;
  status?: AppointmentStatus | undefined;
  /** Only appointments with this participant among the attendees. */
  participantId?: string | undefined;
}

export const LIST_LIMIT = 300;

const INCLUDE = {
  station: { select: { name: true, timezone: true } },
  attendees: {
    include: { participant: { select: { pseudonym: true, stationId: true, caseworkerId: true, backupCaseworkerId: true } } },
    orderBy: { participant: { pseudonym: 'asc' } },
  },
  reminders: {
    where: { kind: 'APPOINTMENT' },
    orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, participantId: true, dueAt: true, status: true, skipReason: true },
  },
} as const satisfies Prisma.AppointmentInclude;

type Row = Prisma.AppointmentGetPayload<{ include: typeof INCLUDE }>;

function toView(staff: StaffPrincipal, row: Row): AppointmentView | undefined {
  const owners = row.attendees.map((a) => a.participant);
  const access = appointmentAccess(staff, { stationId: row.stationId, kind: row.kind, attendees: owners });
  if (access === 'none') return undefined;
  const pseudonyms = new Map(row.attendees.map((a) => [a.participantId, a.participant.pseudonym]));
  return {
    id: row.id,
    stationId: row.stationId,
    stationName: row.station.name,
    timezone: row.station.timezone,
    kind: row.kind,
    title: row.title,
    topic: row.topic,
    place: row.place,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    recurrenceRule: row.recurrenceRule,
    access,
    attendees: row.attendees.map((a) => ({
      participantId: a.participantId,
      pseudonym: a.participant.pseudonym,
      status: a.status,
      result: a.result,
      canRecord: mayRecordFor(staff, a.participant),
    })),
    reminders: row.reminders.map((r) => ({ ...r, pseudonym: r.participantId ? (pseudonyms.get(r.participantId) ?? null) : null })),
  };
}

/** Appointments the staff member may read in a time range, soonest first, with their reminders. */
export async function listAppointments(prisma: PrismaClient, staff: StaffPrincipal, filter: ListFilter, limit = LIST_LIMIT): Promise<AppointmentView[]> {
  const and: Prisma.AppointmentWhereInput[] = [readableAppointments(staff), { startsAt: { gte: filter.from, lt: filter.to } }];
  if (filter.stationId) and.push({ stationId: filter.stationId });
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.status) and.push({ status: filter.status });
  if (filter.participantId) and.push({ attendees: { some: { participantId: filter.participantId } } });
  const rows = await prisma.appointment.findMany({ where: { AND: and }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], take: limit, include: INCLUDE });
  return rows.flatMap((row) => toView(staff, row) ?? []);
}

/** One appointment, if the staff member may read it (another station's is undefined: a 404). */
export async function loadAppointmentView(prisma: PrismaClient, staff: StaffPrincipal, id: string): Promise<AppointmentView | undefined> {
  const row = await prisma.appointment.findFirst({ where: { AND: [{ id }, readableAppointments(staff)] }, include: INCLUDE });
  return row ? toView(staff, row) : undefined;
}

export interface StationOption {
  id: string;
  name: string;
  timezone: string;
}

export async function visibleStations(prisma: PrismaClient, staff: StaffPrincipal): Promise<StationOption[]> {
  return prisma.station.findMany({ where: scopeFor(staff).stations, select: { id: true, name: true, timezone: true }, orderBy: { name: 'asc' } });
}

export interface PersonOption {
  id: string;
  pseudonym: string;
  displayName: string;
  /** On the viewer's caseload (or the viewer is a supervisor or admin). */
  own: boolean;
}

/** Active participants of a station the viewer may read, to invite; their own first. */
export async function stationPeople(prisma: PrismaClient, staff: StaffPrincipal, stationId: string): Promise<PersonOption[]> {
  const scope = scopeFor(staff);
  const [people, own] = await Promise.all([
    prisma.participant.findMany({
      where: { AND: [scope.read, { stationId, status: 'ACTIVE' }] },
      select: { id: true, pseudonym: true, displayName: true },
      orderBy: { pseudonym: 'asc' },
    }),
    prisma.participant.findMany({ where: { AND: [scope.act, { stationId, status: 'ACTIVE' }] }, select: { id: true } }),
  ]);
  const mine = new Set(own.map((p) => p.id));
  return people.map((p) => ({ ...p, own: mine.has(p.id) })).sort((a, b) => Number(b.own) - Number(a.own));
}
