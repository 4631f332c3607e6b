import type { PersonStatus, Prisma, PrismaClient, RiskTier, Track } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { canAct, scopeFor } from '../access/scope.js';
import type { PeopleFilters } from './filters.js';

export const PEOPLE_PAGE_SIZE = 50;

export interface PersonRow {
  id: string;
  pseudonym: string;
  displayName: string;
  phone: string | null;
  stationId: string;
  stationName: string;
  caseworkerId: string | null;
  caseworker: string | null;
  backupCaseworkerId: string | null;
  track: Track;
  riskTier: RiskTier;
  status: PersonStatus;
  /** Linked chat accounts, and how many can be reached. */
  accounts: number;
  reachable: number;
  /** The highest level among open or acknowledged escalations. */
  openLevel: number | null;
  mine: boolean;
}

export interface PeoplePage {
  rows: PersonRow[];
  total: number;
  page: number;
  pages: number;
}

function searchWhere(q: string): Prisma.ParticipantWhereInput {
  const digits = q.replace(/[\s-]/g, '');
  return {
    OR: [
      { pseudonym: { contains: q, mode: 'insensitive' } },
      { displayName: { contains: q, mode: 'insensitive' } },
      ...(/^\+?\d{3,}$/.test(digits) ? [{ phone: { contains: digits } }] : []),
    ],
  };
}

/** The people a staff member may read, narrowed by the filters. */
export function peopleWhere(staff: StaffPrincipal | null, filters: PeopleFilters): Prisma.ParticipantWhereInput {
  const and: Prisma.ParticipantWhereInput[] = staff ? [scopeFor(staff).read] : [];
  if (filters.q) and.push(searchWhere(filters.q));
  if (filters.stationId) and.push({ stationId: filters.stationId });
  if (filters.caseworkerId) and.push({ OR: [{ caseworkerId: filters.caseworkerId }, { backupCaseworkerId: filters.caseworkerId }] });
  if (filters.track) and.push({ track: filters.track });
  if (filters.riskTier) and.push({ riskTier: filters.riskTier });
  if (filters.status) and.push({ status: filters.status });
  if (filters.reach === 'unreachable') and.push({ identities: { some: {}, none: { reachable: true, optedOutAt: null } } });
  if (filters.reach === 'unlinked') and.push({ identities: { none: {} } });
  return { AND: and };
}

export async function listPeople(prisma: PrismaClient, staff: StaffPrincipal | null, filters: PeopleFilters, pageSize = PEOPLE_PAGE_SIZE): Promise<PeoplePage> {
  const where = peopleWhere(staff, filters);
  const [total, rows] = await Promise.all([
    prisma.participant.count({ where }),
    prisma.participant.findMany({
      where,
      orderBy: [{ pseudonym: 'asc' }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
      include: {
        station: { select: { name: true } },
        caseworker: { select: { displayName: true } },
        identities: { select: { reachable: true, optedOutAt: true } },
        escalations: { where: { status: { in: ['OPEN', 'ACKNOWLEDGED'] } }, select: { level: true }, orderBy: { level: 'desc' }, take: 1 },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map((row) => ({
      id: row.id,
      pseudonym: row.pseudonym,
      displayName: row.displayName,
      phone: row.phone,
      stationId: row.stationId,
      stationName: row.station.name,
      caseworkerId: row.caseworkerId,
      caseworker: row.caseworker?.displayName ?? null,
      backupCaseworkerId: row.backupCaseworkerId,
      track: row.track,
      riskTier: row.riskTier,
      status: row.status,
      accounts: row.identities.length,
      reachable: row.identities.filter((i) => i.reachable && !i.optedOutAt).length,
      openLevel: row.escalations[0]?.level ?? null,
      mine: staff ? canAct(staff, row) && staff.role === 'CASEWORKER' : false,
    })),
  };
}

/** Staff offered in the caseworker filter and the record form: supervisors and caseworkers of the visible stations. */
export async function visibleCaseworkers(prisma: PrismaClient, staff: StaffPrincipal): Promise<{ id: string; displayName: string; stationId: string | null }[]> {
  return prisma.staffUser.findMany({
    where: { active: true, role: { in: ['SUPERVISOR', 'CASEWORKER'] }, station: scopeFor(staff).stations },
    select: { id: true, displayName: true, stationId: true },
    orderBy: { displayName: 'asc' },
  });
}
