import type { Prisma, PrismaClient, ReliefProgram, ReliefStatus } from '../../generated/prisma/client.js';
import { RELIEF_STATUSES } from '../../relief/change-status.js';
import type { StaffPrincipal } from '../access/principal.js';
import { accessTo, scopeFor } from '../access/scope.js';
import { readPrescreen, type Prescreen } from './answers.js';
import type { BoardFilters } from './filters.js';

export interface ReliefCard {
  id: string;
  status: ReliefStatus;
  program: ReliefProgram;
  pseudonym: string;
  stationName: string;
  createdAt: Date;
  updatedAt: Date;
  prescreen: Prescreen;
  canAct: boolean;
}

export type Board = Record<ReliefStatus, ReliefCard[]>;

/** Open columns show everything (oldest first); decided ones only the latest. */
const COLUMN_LIMIT: Record<ReliefStatus, number> = { NEW: 200, IN_PROGRESS: 200, SUBMITTED: 200, APPROVED: 30, DECLINED: 30 };

export function boardWhere(staff: StaffPrincipal, filters: BoardFilters): Prisma.ReliefRequestWhereInput {
  const and: Prisma.ReliefRequestWhereInput[] = [{ participant: scopeFor(staff).read }];
  if (filters.program) and.push({ program: filters.program });
  if (filters.stationId && staff.role === 'ADMIN') and.push({ participant: { stationId: filters.stationId } });
  if (filters.mine) and.push({ participant: { OR: [{ caseworkerId: staff.id }, { backupCaseworkerId: staff.id }] } });
  return { AND: and };
}

/** The relief requests a staff member may see, one column per status. */
export async function loadBoard(prisma: PrismaClient, staff: StaffPrincipal, filters: BoardFilters): Promise<Board> {
  const where = boardWhere(staff, filters);
  const columns = await Promise.all(
    RELIEF_STATUSES.map((status) =>
      prisma.reliefRequest.findMany({
        where: { AND: [where, { status }] },
        orderBy: status === 'APPROVED' || status === 'DECLINED' ? [{ updatedAt: 'desc' }] : [{ createdAt: 'asc' }],
        take: COLUMN_LIMIT[status],
        include: {
          participant: { select: { pseudonym: true, stationId: true, caseworkerId: true, backupCaseworkerId: true, station: { select: { name: true } } } },
        },
      }),
    ),
  );
  const board = {} as Board;
  RELIEF_STATUSES.forEach((status, index) => {
    board[status] = (columns[index] ?? []).map((row) => ({
      id: row.id,
      status: row.status,
      program: row.program,
      pseudonym: row.participant.pseudonym,
      stationName: row.participant.station.name,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      prescreen: readPrescreen(row.program, row.answers),
      canAct: accessTo(staff, row.participant) === 'act',
    }));
  });
  return board;
}
