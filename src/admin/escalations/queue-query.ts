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

function statusWhere(status: QueueFilters['status']): Prisma.EscalationWhereInput {
  return status === 'active' ? { status: { in: ['OPEN', 'ACKNOWLEDGED'] } } : { status };
}

/** The escalations a staff member may see, most urgent first: level, then the oldest. */
export function queueWhere(staff: StaffPrincipal, filters: QueueFilters): Prisma.EscalationWhereInput {
  const and: Prisma.EscalationWhereInput[] = [escalationsOf(scopeFor(staff).read), statusWhere(filters.status)];
  if (filters.level) and.push({ level: { gte: filters.level } });
  if (filters.stationId && staff.role === 'ADMIN') and.push({ participant: { stationId: filters.stationId } });
  if (filters.mine) and.push({ participant: { OR: [{ caseworkerId: staff.id }, { backupCaseworkerId: staff.id }] } });
  return { AND: and };
}

export async function listQueue(prisma: PrismaClient, staff: StaffPrincipal, filters: QueueFilters): Promise<QueueRow[]> {
  const rows = await prisma.escalation.findMany({
    // Joined JSON would be built for every matching row before the sort keeps
    // QUEUE_LIMIT; separate queries for the kept rows are faster (bench: 10k open).
    relationLoadStrategy: 'query',
    where: queueWhere(staff, filters),
    orderBy: filters.status === 'RESOLVED' ? [{ resolvedAt: 'desc' }] : [{ level: 'desc' }, { openedAt: 'asc' }],
    take: QUEUE_LIMIT,
    include: {
      participant: {
        select: { pseudonym: true, caseworkerId: true, backupCaseworkerId: true, station: { select: { name: true, timezone: true } } },
      },
      assignedTo: { select: { displayName: true } },
    },
  });
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
