import type { EscalationOutcome, EscalationStatus, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { escalationsOf, scopeFor } from '../access/scope.js';
import { excerptEntries, type ExcerptEntry } from './excerpt.js';
import type { QueueFilters } from './filters.js';

export interface QueueRow {
  id: string;
  number: number;
  level: number;
  status: EscalationStatus;
  categories: string[];
  participantId: string;
  pseudonym: string;
  stationName: string;
  timezone: string;
  openedAt: Date;
  ackDeadline: Date;
  resolvedAt: Date | null;
  outcome: EscalationOutcome | null;
  assignedTo: string | null;
  /** On the staff member's own caseload. */
  mine: boolean;
  latest: ExcerptEntry | undefined;
}

export const QUEUE_LIMIT = 200;

/**
 * The statuses a filter shows. Each is read on its own: one status is an
 * ordered range of the (status, level, openedAt) index, so the database reads
 * just the rows it keeps, where two statuses at once make it sort them all
 * (bench: 10,000 open, 3 ms a status against 60 ms).
 */
function statusesShown(status: QueueFilters['status']): EscalationStatus[] {
  return status === 'active' ? ['OPEN', 'ACKNOWLEDGED'] : [status];
}

/** The escalations of one status a staff member may see under the filters. */
function queueWhere(staff: StaffPrincipal, filters: QueueFilters, status: EscalationStatus): Prisma.EscalationWhereInput {
  const and: Prisma.EscalationWhereInput[] = [escalationsOf(scopeFor(staff).read), { status }];
  if (filters.level) and.push({ level: { gte: filters.level } });
  if (filters.stationId && staff.role === 'ADMIN') and.push({ participant: { stationId: filters.stationId } });
  if (filters.mine) and.push({ participant: { OR: [{ caseworkerId: staff.id }, { backupCaseworkerId: staff.id }] } });
  return { AND: and };
}

/** Most urgent first: level, then the oldest; resolved ones newest first. */
function queueOrder(a: { level: number; openedAt: Date; resolvedAt: Date | null }, b: typeof a, resolved: boolean): number {
  if (resolved) return (b.resolvedAt?.getTime() ?? 0) - (a.resolvedAt?.getTime() ?? 0);
  return b.level - a.level || a.openedAt.getTime() - b.openedAt.getTime();
}

export async function listQueue(prisma: PrismaClient, staff: StaffPrincipal, filters: QueueFilters): Promise<QueueRow[]> {
  const resolved = filters.status === 'RESOLVED';
  const perStatus = await Promise.all(
    statusesShown(filters.status).map((status) =>
      prisma.escalation.findMany({
        // Joined JSON would be built for every matching row before the sort keeps
        // QUEUE_LIMIT; separate queries for the kept rows are faster (bench: 10k open).
        relationLoadStrategy: 'query',
        where: queueWhere(staff, filters, status),
        orderBy: resolved ? [{ resolvedAt: 'desc' }] : [{ level: 'desc' }, { openedAt: 'asc' }],
        take: QUEUE_LIMIT,
        include: {
          participant: {
            select: { pseudonym: true, caseworkerId: true, backupCaseworkerId: true, station: { select: { name: true, timezone: true } } },
          },
          assignedTo: { select: { displayName: true } },
        },
      }),
    ),
  );
  const rows = perStatus
    .flat()
    .sort((a, b) => queueOrder(a, b, resolved))
    .slice(0, QUEUE_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    level: row.level,
    status: row.status,
    categories: row.categories,
    participantId: row.participantId,
    pseudonym: row.participant.pseudonym,
    stationName: row.participant.station.name,
    timezone: row.participant.station.timezone,
    openedAt: row.openedAt,
    ackDeadline: row.ackDeadline,
    resolvedAt: row.resolvedAt,
    outcome: row.outcome,
    assignedTo: row.assignedTo?.displayName ?? null,
    mine: row.participant.caseworkerId === staff.id || row.participant.backupCaseworkerId === staff.id,
    latest: excerptEntries(row.excerpt).at(-1),
  }));
}

/** Stations offered in the station filter. */
export async function visibleStations(prisma: PrismaClient, staff: StaffPrincipal): Promise<{ id: string; name: string }[]> {
  return prisma.station.findMany({ where: scopeFor(staff).stations, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
