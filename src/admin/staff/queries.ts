import type { Channel, PrismaClient, StaffRole } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { scopeFor } from '../access/scope.js';
import { permissionsOver, visibleStaff, type StaffPermissions } from './access.js';

export interface StaffRow {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
  stationId: string | null;
  stationName: string | null;
  locale: string;
  active: boolean;
  alertPrivacyMode: boolean;
  linkedChannels: Channel[];
}

export interface LinkedChat {
  id: string;
  channel: Channel;
  reachable: boolean;
  linkedAt: Date;
  lastSeenAt: Date | null;
}

export interface StaffProfile extends StaffRow {
  timezone: string;
  chats: LinkedChat[];
  permissions: StaffPermissions;
}

const ROW_SELECT = {
  id: true,
  login: true,
  displayName: true,
  role: true,
  stationId: true,
  locale: true,
  active: true,
  alertPrivacyMode: true,
  station: { select: { name: true, timezone: true } },
  identities: { select: { id: true, channel: true, reachable: true, linkedAt: true, lastSeenAt: true }, orderBy: { linkedAt: 'asc' } },
} as const;

type Selected = {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
  stationId: string | null;
  locale: string;
  active: boolean;
  alertPrivacyMode: boolean;
  station: { name: string; timezone: string } | null;
  identities: LinkedChat[];
};

function toRow(user: Selected): StaffRow {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    stationId: user.stationId,
    stationName: user.station?.name ?? null,
    locale: user.locale,
    active: user.active,
    alertPrivacyMode: user.alertPrivacyMode,
    linkedChannels: [...new Set(user.identities.map((i) => i.channel))],
  };
}

export const STAFF_LIST_LIMIT = 500;

/** Active staff first, then by station and name. */
export async function listStaff(prisma: PrismaClient, viewer: StaffPrincipal, filter: { stationId?: string | undefined } = {}): Promise<StaffRow[]> {
  const rows = await prisma.staffUser.findMany({
    where: { AND: [visibleStaff(viewer), filter.stationId ? { stationId: filter.stationId } : {}] },
    orderBy: [{ active: 'desc' }, { stationId: 'asc' }, { displayName: 'asc' }],
    take: STAFF_LIST_LIMIT,
    select: ROW_SELECT,
  });
  return rows.map(toRow);
}

/** One profile, or undefined when the viewer may not see it (a 404 either way). */
export async function loadStaffProfile(prisma: PrismaClient, viewer: StaffPrincipal, id: string, fallbackTimezone = 'Asia/Shanghai'): Promise<StaffProfile | undefined> {
  const user = await prisma.staffUser.findUnique({ where: { id }, select: ROW_SELECT });
  if (!user) return undefined;
  const permissions = permissionsOver(viewer, user);
  if (!permissions.view) return undefined;
  return { ...toRow(user), timezone: user.station?.timezone ?? fallbackTimezone, chats: user.identities, permissions };
}

/** Stations a new account may be put on by this viewer. */
export function assignableStations(prisma: PrismaClient, viewer: StaffPrincipal): Promise<{ id: string; name: string }[]> {
  if (viewer.role === 'CASEWORKER') return Promise.resolve([]);
  return prisma.station.findMany({ where: scopeFor(viewer).stations, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
