import type { Prisma, StaffRole } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';

type Viewer = Pick<StaffPrincipal, 'id' | 'role' | 'stationId'>;

export interface StaffTarget {
  id: string;
  role: StaffRole;
  stationId: string | null;
}

/** What one staff member may do with another staff member's account. */
export interface StaffPermissions {
  /** See the profile and its linked chat accounts. */
  view: boolean;
  /** Deactivate, reactivate, reset the password. */
  manage: boolean;
  /** Issue a chat-linking code, unlink a chat account, switch alert privacy mode. */
  link: boolean;
}

const NONE: StaffPermissions = { view: false, manage: false, link: false };

/**
 * ADMIN: everyone (never deactivates or resets themselves here: that is the
 * password page). SUPERVISOR: reads their station's staff and manages its
 * caseworkers. CASEWORKER: their own profile. Everyone links their own chat
 * accounts and chooses their own privacy mode.
 */
export function permissionsOver(viewer: Viewer, target: StaffTarget): StaffPermissions {
  const self = viewer.id === target.id;
  if (viewer.role === 'ADMIN') return { view: true, manage: !self, link: true };
  if (viewer.role === 'SUPERVISOR') {
    const sameStation = viewer.stationId !== null && viewer.stationId === target.stationId;
    const manage = !self && sameStation && target.role === 'CASEWORKER';
    return { view: self || sameStation, manage, link: self || manage };
  }
  return self ? { view: true, manage: false, link: true } : NONE;
}

/** The staff a viewer sees in the list. */
export function visibleStaff(viewer: Viewer): Prisma.StaffUserWhereInput {
  if (viewer.role === 'ADMIN') return {};
  if (viewer.role === 'SUPERVISOR' && viewer.stationId) return { stationId: viewer.stationId };
  return { id: viewer.id };
}

/** Roles a viewer may create: admins any, supervisors caseworkers at their own station. */
export function creatableRoles(viewer: Viewer): StaffRole[] {
  if (viewer.role === 'ADMIN') return ['CASEWORKER', 'SUPERVISOR', 'ADMIN'];
  if (viewer.role === 'SUPERVISOR' && viewer.stationId) return ['CASEWORKER'];
  return [];
}

export function mayCreate(viewer: Viewer, role: StaffRole, stationId: string | undefined): boolean {
  if (!creatableRoles(viewer).includes(role)) return false;
  return viewer.role === 'ADMIN' || stationId === viewer.stationId;
}
