import type { Broadcast, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { scopeFor } from '../access/scope.js';

export interface BroadcastRow extends Broadcast {
  stationName: string;
  timezone: string;
  createdBy: string | null;
}

export const BROADCAST_LIST_LIMIT = 100;

function inScope(staff: StaffPrincipal): Prisma.BroadcastWhereInput {
  return { station: scopeFor(staff).stations };
}

async function withNames(prisma: PrismaClient, rows: (Broadcast & { station: { name: string; timezone: string } })[]): Promise<BroadcastRow[]> {
  const authorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const authors = authorIds.length ? await prisma.staffUser.findMany({ where: { id: { in: authorIds } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(authors.map((a) => [a.id, a.displayName]));
  return rows.map(({ station, ...row }) => ({ ...row, stationName: station.name, timezone: station.timezone, createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null }));
}

/** Broadcasts of the stations a staff member may see, newest first (drafts included). */
export async function listBroadcasts(prisma: PrismaClient, staff: StaffPrincipal): Promise<BroadcastRow[]> {
  const rows = await prisma.broadcast.findMany({
    where: inScope(staff),
    orderBy: { createdAt: 'desc' },
    take: BROADCAST_LIST_LIMIT,
    include: { station: { select: { name: true, timezone: true } } },
  });
  return withNames(prisma, rows);
}

/** One broadcast, or null when it does not exist or belongs to a station the staff member may not see. */
export async function findBroadcast(prisma: PrismaClient, staff: StaffPrincipal, id: string): Promise<BroadcastRow | null> {
  const row = await prisma.broadcast.findFirst({ where: { AND: [{ id }, inScope(staff)] }, include: { station: { select: { name: true, timezone: true } } } });
  return row ? ((await withNames(prisma, [row]))[0] ?? null) : null;
}

export async function composableStations(prisma: PrismaClient, staff: StaffPrincipal): Promise<{ id: string; name: string }[]> {
  return prisma.station.findMany({ where: scopeFor(staff).stations, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
