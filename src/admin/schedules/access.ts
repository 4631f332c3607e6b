import type { AppointmentKind, Prisma } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { canAct, canRead, scopeFor, type Access, type ParticipantOwnership } from '../access/scope.js';

type Staff = Pick<StaffPrincipal, 'id' | 'role' | 'stationId'>;

/** What decides who may see and change an appointment. */
export interface AppointmentOwnership {
  stationId: string;
  kind: AppointmentKind;
  attendees: readonly ParticipantOwnership[];
}

/** A station's group class: any of the station's caseworkers may arrange it, not only the attendees' own. */
export const GROUP_KINDS: ReadonlySet<AppointmentKind> = new Set(['CLASS']);

/** Appointments on stations the staff member may read. */
export function readableAppointments(staff: Staff): Prisma.AppointmentWhereInput {
  return { station: scopeFor(staff).stations };
}

export function canReadStation(staff: Staff, stationId: string): boolean {
  return canRead(staff, { stationId, caseworkerId: null, backupCaseworkerId: null });
}

/**
 * The role rule for appointments: another station's is 'none' (a 404);
 * supervisors and admins act on their station's; a caseworker acts on a
 * group class of their station, or on an appointment whose attendees are
 * all on their caseload, and only reads the rest.
 */
export function appointmentAccess(staff: Staff, appointment: AppointmentOwnership): Access {
  if (!canReadStation(staff, appointment.stationId)) return 'none';
  if (staff.role !== 'CASEWORKER' || GROUP_KINDS.has(appointment.kind)) return 'act';
  const own = appointment.attendees.length > 0 && appointment.attendees.every((a) => canAct(staff, a));
  return own ? 'act' : 'read';
}

/** Attendance is recorded per person: by whoever may act on that person. */
export function mayRecordFor(staff: Staff, attendee: ParticipantOwnership): boolean {
  return canAct(staff, attendee);
}

export const OWNERSHIP_SELECT = { stationId: true, caseworkerId: true, backupCaseworkerId: true } as const;
