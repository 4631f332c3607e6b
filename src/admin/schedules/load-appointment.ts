import type { AppointmentKind, AppointmentStatus, PrismaClient } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import type { Access, ParticipantOwnership } from '../access/scope.js';
import { appointmentAccess, OWNERSHIP_SELECT } from './access.js';

export interface AppointmentTarget {
  id: string;
  stationId: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date | null;
  timezone: string;
  attendees: (ParticipantOwnership & { participantId: string })[];
}

/** An appointment with what the role rule needs, and the staff member's access to it ('none' for another station's). */
export async function loadAppointmentTarget(
  prisma: PrismaClient,
  staff: Pick<StaffPrincipal, 'id' | 'role' | 'stationId'>,
  id: string,
): Promise<{ access: 'none' } | { access: Exclude<Access, 'none'>; target: AppointmentTarget }> {
  const row = await prisma.appointment.findUnique({
    where: { id },
    include: { station: { select: { timezone: true } }, attendees: { select: { participantId: true, participant: { select: OWNERSHIP_SELECT } } } },
  });
  if (!row) return { access: 'none' };
  const attendees = row.attendees.map((a) => ({ participantId: a.participantId, ...a.participant }));
  const access = appointmentAccess(staff, { stationId: row.stationId, kind: row.kind, attendees });
  if (access === 'none') return { access };
  return {
    access,
    target: {
      id: row.id,
      stationId: row.stationId,
      kind: row.kind,
      status: row.status,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timezone: row.station.timezone,
      attendees,
    },
  };
}
