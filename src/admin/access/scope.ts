import type { Prisma } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from './principal.js';

type Staff = Pick<StaffPrincipal, 'id' | 'role' | 'stationId'>;

/** What decides who may see and act on a person. */
export interface ParticipantOwnership {
  stationId: string;
  caseworkerId: string | null;
  backupCaseworkerId: string | null;
}

/** Prisma where-clauses for what a staff member may read and act on. */
export interface StaffScope {
  /** Participants whose records the staff member may read. */
  read: Prisma.ParticipantWhereInput;
  /** Participants the staff member may act for (acknowledge, resolve, edit). */
  act: Prisma.ParticipantWhereInput;
  /** Stations the staff member may see. */
  stations: Prisma.StationWhereInput;
}

// A where-clause that matches no row.
const NOTHING = { id: { in: [] as string[] } };

/**
 * The role model, once: ADMIN every station; SUPERVISOR their station;
 * CASEWORKER reads their station and acts on their caseload (caseworker or
 * backup caseworker). Staff without a station (other than admins) see nothing.
 */
export function scopeFor(staff: Staff): StaffScope {
  if (staff.role === 'ADMIN') return { read: {}, act: {}, stations: {} };
  if (!staff.stationId) return { read: NOTHING, act: NOTHING, stations: NOTHING };
  const station = { stationId: staff.stationId };
  if (staff.role === 'SUPERVISOR') return { read: station, act: station, stations: { id: staff.stationId } };
  return {
    read: station,
    act: { ...station, OR: [{ caseworkerId: staff.id }, { backupCaseworkerId: staff.id }] },
    stations: { id: staff.stationId },
  };
}

/** Escalations about participants in a participant scope. */
export function escalationsOf(participants: Prisma.ParticipantWhereInput): Prisma.EscalationWhereInput {
  return { participant: participants };
}

/** The same rule as `scopeFor(staff).read`, for a row already loaded (live updates). */
export function canRead(staff: Staff, owner: ParticipantOwnership): boolean {
  if (staff.role === 'ADMIN') return true;
  return staff.stationId !== null && staff.stationId === owner.stationId;
}

/** The same rule as `scopeFor(staff).act`. */
export function canAct(staff: Staff, owner: ParticipantOwnership): boolean {
  if (!canRead(staff, owner)) return false;
  if (staff.role !== 'CASEWORKER') return true;
  return owner.caseworkerId === staff.id || owner.backupCaseworkerId === staff.id;
}

export type Access = 'none' | 'read' | 'act';

export function accessTo(staff: Staff, owner: ParticipantOwnership): Access {
  if (canAct(staff, owner)) return 'act';
  return canRead(staff, owner) ? 'read' : 'none';
}
