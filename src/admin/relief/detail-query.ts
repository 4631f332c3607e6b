import { z } from 'zod';
import type { PrismaClient, ReliefProgram, ReliefStatus } from '../../generated/prisma/client.js';
import { RELIEF_STATUSES } from '../../relief/change-status.js';
import type { StaffPrincipal } from '../access/principal.js';
import { accessTo, scopeFor } from '../access/scope.js';
import { readPrescreen, type Prescreen } from './answers.js';

export interface StatusEvent {
  at: Date;
  actor: string | null;
  from: ReliefStatus | null;
  to: ReliefStatus | null;
  /** How the person was told: "queued", "opted-out", … */
  delivery: string | null;
}

export interface ReliefDetail {
  id: string;
  status: ReliefStatus;
  program: ReliefProgram;
  pseudonym: string;
  stationName: string;
  timezone: string;
  createdAt: Date;
  updatedAt: Date;
  handledBy: string | null;
  note: string | null;
  prescreen: Prescreen;
  history: StatusEvent[];
}

export type ReliefLookup = { access: 'none' } | { access: 'read' | 'act'; detail: ReliefDetail };

const AuditDetail = z
  .object({ from: z.enum(RELIEF_STATUSES).optional(), to: z.enum(RELIEF_STATUSES).optional(), delivery: z.string().optional() })
  .catch({});

/** One relief request with its status history (from the audit log), if the staff member may see it; another station's is 'none' (a 404). */
export async function loadReliefDetail(prisma: PrismaClient, staff: StaffPrincipal, id: string): Promise<ReliefLookup> {
  const row = await prisma.reliefRequest.findFirst({
    where: { AND: [{ id }, { participant: scopeFor(staff).read }] },
    include: {
      participant: { select: { pseudonym: true, stationId: true, caseworkerId: true, backupCaseworkerId: true, station: { select: { name: true, timezone: true } } } },
      handledBy: { select: { displayName: true } },
    },
  });
  if (!row) return { access: 'none' };
  const access = accessTo(staff, row.participant);
  if (access === 'none') return { access };
  const events = await prisma.auditLog.findMany({
    where: { targetType: 'relief-request', targetId: row.id, action: 'relief.status' },
    orderBy: { createdAt: 'asc' },
    include: { actor: { select: { displayName: true } } },
  });
  return {
    access,
    detail: {
      id: row.id,
      status: row.status,
      program: row.program,
      pseudonym: row.participant.pseudonym,
      stationName: row.participant.station.name,
      timezone: row.participant.station.timezone,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      handledBy: row.handledBy?.displayName ?? null,
      note: row.note,
      prescreen: readPrescreen(row.program, row.answers),
      history: events.map((event) => {
        const detail = AuditDetail.parse(event.detail);
        return { at: event.createdAt, actor: event.actor?.displayName ?? null, from: detail.from ?? null, to: detail.to ?? null, delivery: detail.delivery ?? null };
      }),
    },
  };
}
